import type { CandidateLists } from '../candidates/candidate-lists.js'
import { KIND_COUNT, KINDS_FOR_SEEK } from '../compile/codes.js'
import type { CompiledInstance } from '../compile/compiled.js'
import type { UnmatchedReason } from '../result.js'
import { RULES } from '../rules/index.js'
import { round1 } from '../scoring/combine.js'

const DISTANCE_RULE = RULES.findIndex((r) => r.code === 'too_far')

/** Why a student who is not placed is not placed. Off the hot path: only unmatched students. */
export function unmatchedReason(c: CompiledInstance, cands: CandidateLists, s: number): UnmatchedReason {
  const listed = cands.start[s + 1]! - cands.start[s]!
  if (listed > 0) return { code: 'outranked', nearestKm: null, failedRules: [], candidates: listed }
  const places = placesOfProgramme(c, s)
  if (places.length === 0)
    return { code: 'no_places_for_programme', nearestKm: null, failedRules: [], candidates: 0 }
  const considered = cands.considered[s]!
  const base = s * cands.ruleCount
  if (considered === cands.failures[base + DISTANCE_RULE]) {
    let nearest = Number.POSITIVE_INFINITY
    for (const p of places) {
      const dx = c.sX[s]! - c.pX[p]!
      const dy = c.sY[s]! - c.pY[p]!
      nearest = Math.min(nearest, Math.sqrt(dx * dx + dy * dy))
    }
    return { code: 'no_place_in_range', nearestKm: round1(nearest), failedRules: [], candidates: 0 }
  }
  const failedRules = RULES.map((r, i) => ({ code: r.code, places: cands.failures[base + i]! }))
    .filter((f) => f.places > 0)
    .sort((a, b) => b.places - a.places)
  return { code: 'no_eligible_place', nearestKm: null, failedRules, candidates: 0 }
}

/** Every place (in Belgium or abroad) of the student's programmes and kinds, ignoring distance. */
function placesOfProgramme(c: CompiledInstance, s: number): number[] {
  const prog = c.sProg[s]!
  const progs = [prog, ...c.rel.subarray(c.relStart[prog]!, c.relStart[prog + 1]!)]
  const out: number[] = []
  for (const g of progs) {
    for (const kind of KINDS_FOR_SEEK[c.sSeek[s]!]!) {
      const key = g * KIND_COUNT + kind
      const bucket = c.index.buckets.get(key)
      if (bucket) out.push(...bucket.places)
      out.push(...(c.index.foreign.get(key) ?? []))
    }
  }
  return out
}
