import type { CandidateLists } from '../candidates/candidate-lists.js'
import { KIND_COUNT, KINDS_FOR_SEEK } from '../compile/codes.js'
import type { CompiledInstance } from '../compile/compiled.js'
import type { UnmatchedReason } from '../result.js'
import { distanceBetween, RULES } from '../rules/index.js'
import { round1 } from '../scoring/combine.js'

const DISTANCE_RULE = RULES.findIndex((r) => r.code === 'too_far')

/** Why a student who is not placed is not placed. Off the hot path: only unmatched students. */
export function unmatchedReason(c: CompiledInstance, cands: CandidateLists, s: number): UnmatchedReason {
  const listed = cands.start[s + 1]! - cands.start[s]!
  if (listed > 0) return { code: 'outranked', nearestKm: null, failedRules: [], candidates: listed }
  let nearest = Number.POSITIVE_INFINITY
  const count = forEachPlaceOfProgramme(c, s, (p) => {
    const d = distanceBetween(c, s, p)
    if (d < nearest) nearest = d
  })
  if (count === 0) return { code: 'no_places_for_programme', nearestKm: null, failedRules: [], candidates: 0 }
  const base = s * cands.ruleCount
  if (cands.considered[s]! === cands.failures[base + DISTANCE_RULE]) {
    return { code: 'no_place_in_range', nearestKm: round1(nearest), failedRules: [], candidates: 0 }
  }
  const failedRules = RULES.map((r, i) => ({ code: r.code, places: cands.failures[base + i]! }))
    .filter((f) => f.places > 0)
    .sort((a, b) => b.places - a.places)
  return { code: 'no_eligible_place', nearestKm: null, failedRules, candidates: 0 }
}

/** Calls `visit` for every place (in Belgium or abroad) of the student's programmes and kinds. */
function forEachPlaceOfProgramme(c: CompiledInstance, s: number, visit: (p: number) => void): number {
  const prog = c.sProg[s]!
  const progs = [prog, ...c.rel.subarray(c.relStart[prog]!, c.relStart[prog + 1]!)]
  let count = 0
  for (const g of progs) {
    for (const kind of KINDS_FOR_SEEK[c.sSeek[s]!]!) {
      const key = g * KIND_COUNT + kind
      for (const list of [c.index.buckets.get(key)?.places, c.index.foreign.get(key)]) {
        if (!list) continue
        for (let i = 0; i < list.length; i++) visit(list[i]!)
        count += list.length
      }
    }
  }
  return count
}
