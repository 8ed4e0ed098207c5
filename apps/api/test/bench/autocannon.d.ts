// The part of autocannon's API the bench uses (the package ships no types).
declare module 'autocannon' {
  interface Options {
    url: string
    connections?: number
    duration?: number
    overallRate?: number
    headers?: Record<string, string>
  }
  interface Histogram {
    p50: number
    p90: number
    p99: number
    max: number
    average: number
  }
  interface Result {
    latency: Histogram
    requests: { total: number; average: number }
    /** How long the run took, in seconds. */
    duration: number
    non2xx: number
    errors: number
    timeouts: number
  }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
