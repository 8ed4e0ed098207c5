import {
  allocateCandidates,
  buildResult,
  type CandidateLists,
  type CompiledInstance,
  compileInstance,
  generateCandidates,
  type MatchInput,
  type MatchOptions,
  type MatchResult,
} from '@stagebrug/matching-core'

export interface StageTimings {
  readonly index: number
  readonly score: number
  readonly allocate: number
  readonly shortlist: number
  readonly total: number
}

/** Runs the four core stages with a wall clock around each (the core itself reads no clock). */
export function timedMatch(
  input: MatchInput,
  options: MatchOptions,
): { result: MatchResult; compiled: CompiledInstance; candidates: CandidateLists; ms: StageTimings } {
  const t0 = performance.now()
  const compiled = compileInstance(input, options)
  const t1 = performance.now()
  const candidates = generateCandidates(compiled)
  const t2 = performance.now()
  const assigned = allocateCandidates(compiled, candidates)
  const t3 = performance.now()
  const result = buildResult(compiled, candidates, assigned, input.pinned)
  const t4 = performance.now()
  const r = (v: number) => Math.round(v)
  return {
    result,
    compiled,
    candidates,
    ms: {
      index: r(t1 - t0),
      score: r(t2 - t1),
      allocate: r(t3 - t2),
      shortlist: r(t4 - t3),
      total: r(t4 - t0),
    },
  }
}
