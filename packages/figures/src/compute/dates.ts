const DAY_MS = 86_400_000

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (UTC, so no time zone or DST can shift it). */
export function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number)
  return Date.UTC(y!, m! - 1, d!) / DAY_MS
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}
