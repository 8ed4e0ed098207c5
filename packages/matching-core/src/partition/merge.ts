import type { MatchResult, MatchSummary, PlaceOutcome, StudentOutcome, UnmatchedCode } from '../result.js'
import type { MatchPlan } from './plan.js'

const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0

/**
 * Joins the results of a plan's parts and of its unconnected students into the result `match`
 * gives for the whole input. A place outside every part had no candidate and no pin: its outcome
 * (nothing allocated, no reserve) comes from the unconnected result, which saw every place.
 */
export function mergeResults(
  plan: Pick<MatchPlan, 'pairsConsidered' | 'pairsScored'>,
  parts: readonly MatchResult[],
  unconnected: MatchResult,
): MatchResult {
  const all = [...parts, unconnected]
  const students: StudentOutcome[] = all.flatMap((r) => r.students).sort(byKey((o) => o.student))
  const inPart = new Map<string, PlaceOutcome>()
  for (const r of parts) for (const p of r.places) inPart.set(p.place, p)
  const places = unconnected.places.map((p) => inPart.get(p.place) ?? p)

  return {
    assignment: Object.fromEntries(students.map((o) => [o.student, o.placement])),
    students,
    places,
    summary: mergeSummaries(
      plan,
      parts.map((r) => r.summary),
      unconnected.summary,
    ),
  }
}

/**
 * The summary of the whole night from the parts' summaries: counts of students add up; places
 * and seats come from the unconnected match (it saw every place); pairs from the plan.
 */
export function mergeSummaries(
  plan: Pick<MatchPlan, 'pairsConsidered' | 'pairsScored'>,
  parts: readonly MatchSummary[],
  unconnected: MatchSummary,
): MatchSummary {
  const all = [...parts, unconnected]
  const sum = (f: (s: MatchSummary) => number) => all.reduce((t, s) => t + f(s), 0)
  const reasons = Object.keys(unconnected.unmatchedByReason) as UnmatchedCode[]
  return {
    students: sum((s) => s.students),
    places: unconnected.places,
    seats: unconnected.seats,
    pinned: sum((s) => s.pinned),
    matched: sum((s) => s.matched),
    unmatched: sum((s) => s.unmatched),
    unmatchedByReason: Object.fromEntries(
      reasons.map((code) => [code, sum((s) => s.unmatchedByReason[code])]),
    ) as Record<UnmatchedCode, number>,
    priorityStudents: sum((s) => s.priorityStudents),
    priorityPlaced: sum((s) => s.priorityPlaced),
    seatsFilled: sum((s) => s.seatsFilled),
    pairsConsidered: plan.pairsConsidered,
    pairsScored: plan.pairsScored,
  }
}
