import type { CandidateLists } from '../candidates/candidate-lists.js'
import { KIND_COUNT, KINDS_FOR_SEEK } from '../compile/codes.js'
import type { CompiledInstance } from '../compile/compiled.js'
import type { MissingAt, UnmatchedReason } from '../result.js'
import { distanceRule } from '../rules/distance.js'
import { distanceBetween, firstFailure, prepareDates, programmeMatch, RULES } from '../rules/index.js'
import { emptyContext } from '../rules/rule.js'
import { round1 } from '../scoring/combine.js'

const DISTANCE_RULE = RULES.findIndex((r) => r.code === 'too_far')
const RECOGNITION_RULE = RULES.findIndex((r) => r.code === 'no_recognition')
const MENTOR_RULE = RULES.findIndex((r) => r.code === 'no_valid_mentor')

/** How many places per missing-data rule an unplaced student's reason names (the nearest). */
export const MISSING_PER_RULE = 3

/** Why a student who is not placed is not placed. Off the hot path: only unmatched students. */
export function unmatchedReason(c: CompiledInstance, cands: CandidateLists, s: number): UnmatchedReason {
  const listed = cands.start[s + 1]! - cands.start[s]!
  if (listed > 0)
    return { code: 'outranked', nearestKm: null, failedRules: [], candidates: listed, missingAt: [] }
  let nearest = Number.POSITIVE_INFINITY
  const count = forEachPlaceOfProgramme(c, s, (p) => {
    const d = distanceBetween(c, s, p)
    if (d < nearest) nearest = d
  })
  if (count === 0)
    return { code: 'no_places_for_programme', nearestKm: null, failedRules: [], candidates: 0, missingAt: [] }
  const base = s * cands.ruleCount
  if (cands.considered[s]! === cands.failures[base + DISTANCE_RULE]) {
    return {
      code: 'no_place_in_range',
      nearestKm: round1(nearest),
      failedRules: [],
      candidates: 0,
      missingAt: [],
    }
  }
  const failedRules = RULES.map((r, i) => ({ code: r.code, places: cands.failures[base + i]! }))
    .filter((f) => f.places > 0)
    .sort((a, b) => b.places - a.places)
  const missing =
    cands.failures[base + RECOGNITION_RULE]! > 0 || cands.failures[base + MENTOR_RULE]! > 0
      ? missingAt(c, s)
      : []
  return { code: 'no_eligible_place', nearestKm: null, failedRules, candidates: 0, missingAt: missing }
}

/**
 * The nearest `MISSING_PER_RULE` places in range whose first failing rule is the recognition or
 * the mentor rule, per rule: the rules are run again for the student's places (as the candidate
 * stage ran them), keeping two small sorted arrays of place indices — bounded, on integers.
 */
function missingAt(c: CompiledInstance, s: number): MissingAt[] {
  const x = emptyContext()
  const seen = new Set<number>()
  const top = [new Int32Array(MISSING_PER_RULE), new Int32Array(MISSING_PER_RULE)] as const
  const size = [0, 0]
  const km = (p: number) => distanceBetween(c, s, p)
  forEachPlaceOfProgramme(c, s, (p) => {
    if (seen.has(p)) return // reached through a related programme or another kind
    seen.add(p)
    x.distanceKm = km(p)
    if (!distanceRule.passes(c, s, p, x)) return
    prepareDates(c, s, p, x)
    x.programmeMatch = programmeMatch(c, s, p)
    const failed = firstFailure(c, s, p, x) - 1
    const r = failed === RECOGNITION_RULE ? 0 : failed === MENTOR_RULE ? 1 : -1
    if (r === -1) return
    const list = top[r]!
    let i = size[r]!
    const closer = (q: number) => x.distanceKm < km(q) || (x.distanceKm === km(q) && p < q)
    if (i === MISSING_PER_RULE && !closer(list[i - 1]!)) return
    if (i === MISSING_PER_RULE) i--
    else size[r]!++
    while (i > 0 && closer(list[i - 1]!)) {
      list[i] = list[i - 1]!
      i--
    }
    list[i] = p
  })
  const out: MissingAt[] = []
  const codes = ['no_recognition', 'no_valid_mentor'] as const
  for (let r = 0; r < 2; r++) {
    for (let i = 0; i < size[r]!; i++) {
      const p = top[r]![i]!
      out.push({ code: codes[r]!, place: c.places[p]!.id, distanceKm: round1(km(p)) })
    }
  }
  return out
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
