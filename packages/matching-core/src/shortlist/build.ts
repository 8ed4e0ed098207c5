import { placeKey } from '../allocation/place-key.js'
import type { CandidateLists } from '../candidates/candidate-lists.js'
import type { CompiledInstance } from '../compile/compiled.js'
import type { PinnedPair } from '../model.js'
import type {
  MatchResult,
  PlaceOutcome,
  Proposal,
  ProposalKind,
  StudentOutcome,
  UnmatchedCode,
} from '../result.js'
import {
  distanceBetween,
  evaluatePair,
  prepareDates,
  programmeMatch,
  RULES,
  type RuleCode,
} from '../rules/index.js'
import { emptyContext } from '../rules/rule.js'
import { scoreBreakdown } from '../scoring/combine.js'
import { unmatchedReason } from './unmatched.js'

/**
 * Stage 4 (shortlist): per student the placement and the best alternatives that still have a
 * free seat; per place its students and a reserve list; why each unplaced student is unplaced.
 */
export function buildResult(
  c: CompiledInstance,
  cands: CandidateLists,
  assigned: Int32Array,
  pins: readonly PinnedPair[],
): MatchResult {
  const { shortlistSize, reserveSize } = c.config
  const pinReason = new Map(pins.map((p) => [p.student as string, p.reason]))
  const seatsLeft = c.pSeats.slice()
  for (let s = 0; s < c.nS; s++) if (assigned[s] !== -1) seatsLeft[assigned[s]!]!--

  const pinCount = new Int32Array(c.nP)
  for (let s = 0; s < c.nS; s++) if (c.sPinned[s] !== -1) pinCount[c.sPinned[s]!]!++
  const students: StudentOutcome[] = []
  const held: { s: number; kind: 'pinned' | 'allocated'; score: number; key: number }[][] = c.places.map(
    () => [],
  )
  const byReason: Record<UnmatchedCode, number> = {
    no_places_for_programme: 0,
    no_place_in_range: 0,
    no_eligible_place: 0,
    outranked: 0,
  }
  let priorityPlaced = 0
  for (const s of c.studentIdOrder) {
    const pinned = c.sPinned[s]!
    const placed = pinned !== -1 ? pinned : assigned[s]!
    const proposals: Proposal[] = []
    if (placed !== -1) {
      const kind: ProposalKind = pinned !== -1 ? 'pinned' : 'allocated'
      const first = propose(c, s, placed, 1, kind, pinReason.get(c.students[s]!.id) ?? null)
      proposals.push(first)
      held[placed]!.push({ s, kind, score: first.score, key: placeKey(c, s, first.score) })
      if (c.sPriority[s] === 1) priorityPlaced++
    }
    for (let e = cands.start[s]!; e < cands.start[s + 1]! && proposals.length < shortlistSize; e++) {
      const p = cands.place[e]!
      if (p !== placed && seatsLeft[p]! > 0)
        proposals.push(propose(c, s, p, proposals.length + 1, 'alternative', null))
    }
    const unmatched = placed === -1 ? unmatchedReason(c, cands, s) : null
    if (unmatched) byReason[unmatched.code]++
    // A pin consumed its own seat already: capacity only warns when pins outnumber the seats.
    const pinWarnings =
      pinned === -1
        ? []
        : evaluatePair(c, s, pinned).verdicts.filter(
            (v) => !v.ok && (v.code !== 'no_capacity' || pinCount[pinned]! > c.places[pinned]!.capacity),
          )
    students.push({
      student: c.students[s]!.id,
      status: pinned !== -1 ? 'pinned' : placed !== -1 ? 'matched' : 'unmatched',
      placement: placed === -1 ? null : c.places[placed]!.id,
      proposals,
      unmatched,
      pinWarnings,
    })
  }

  const reserves = reserveLists(c, cands, assigned, reserveSize)
  const places: PlaceOutcome[] = Array.from(c.placeIdOrder, (p) => ({
    place: c.places[p]!.id,
    capacity: c.places[p]!.capacity,
    seatsLeft: seatsLeft[p]!,
    allocated: held[p]!.sort((a, b) =>
      a.kind !== b.kind ? (a.kind === 'pinned' ? -1 : 1) : b.key - a.key || a.s - b.s,
    ).map((h) => ({ student: c.students[h.s]!.id, kind: h.kind, score: h.score })),
    reserve: reserves[p] ?? [],
  }))

  // fromEntries defines own properties, so an id such as "__proto__" stays a plain key.
  const assignment: Record<string, string | null> = Object.fromEntries(
    students.map((o) => [o.student, o.placement]),
  )
  const placedCount = students.filter((o) => o.placement !== null).length
  const pinnedCount = students.filter((o) => o.status === 'pinned').length
  return {
    assignment,
    students,
    places,
    summary: {
      students: c.nS,
      places: c.nP,
      seats: c.places.reduce((t, pl) => t + Math.max(0, Math.floor(pl.capacity)), 0),
      pinned: pinnedCount,
      matched: placedCount - pinnedCount,
      unmatched: c.nS - placedCount,
      unmatchedByReason: byReason,
      priorityStudents: c.sPriority.reduce((t, v) => t + v, 0),
      priorityPlaced,
      seatsFilled: placedCount,
      pairsConsidered: cands.pairsConsidered,
      pairsScored: cands.pairsScored,
    },
  }
}

const rulesPassedCache = new Map<number, readonly RuleCode[]>()

/** The codes of the rules that concern the pair, shared between pairs with the same set. */
function rulesPassed(c: CompiledInstance, s: number, p: number): readonly RuleCode[] {
  let mask = 0
  for (let i = 0; i < RULES.length; i++) {
    const rule: { applies?: (c: CompiledInstance, s: number, p: number) => boolean } = RULES[i]!
    if (!rule.applies || rule.applies(c, s, p)) mask |= 1 << i
  }
  let codes = rulesPassedCache.get(mask)
  if (!codes) {
    codes = Object.freeze(RULES.filter((_, i) => (mask >> i) & 1).map((r) => r.code))
    rulesPassedCache.set(mask, codes)
  }
  return codes
}

function propose(
  c: CompiledInstance,
  s: number,
  p: number,
  rank: number,
  kind: ProposalKind,
  pinReason: string | null,
): Proposal {
  const x = emptyContext()
  prepareDates(c, s, p, x)
  x.distanceKm = distanceBetween(c, s, p)
  x.programmeMatch = programmeMatch(c, s, p)
  const breakdown = scoreBreakdown(c, s, p, x)
  return {
    student: c.students[s]!.id,
    place: c.places[p]!.id,
    rank,
    kind,
    score: breakdown.total,
    breakdown,
    // A pin may break rules (see pinWarnings); every other proposal passed them all.
    rulesPassed: kind === 'pinned' ? pinnedRulesPassed(c, s, p) : rulesPassed(c, s, p),
    priority: c.config.priority === 'tier' && c.sPriority[s] === 1,
    pinReason,
  }
}

function pinnedRulesPassed(c: CompiledInstance, s: number, p: number): readonly RuleCode[] {
  return evaluatePair(c, s, p)
    .verdicts.filter((v) => v.ok)
    .map((v) => v.code)
}

/** Students who listed the place and would take a freed seat: unplaced, or placed lower on their list. */
function reserveLists(c: CompiledInstance, cands: CandidateLists, assigned: Int32Array, size: number) {
  const lists = new Map<number, { s: number; key: number; score: number }[]>()
  if (size <= 0) return []
  for (let s = 0; s < c.nS; s++) {
    if (c.sPinned[s] !== -1) continue
    for (let e = cands.start[s]!; e < cands.start[s + 1]!; e++) {
      const p = cands.place[e]!
      if (p === assigned[s]) break // later entries are places the student likes less
      const list = lists.get(p) ?? []
      if (list.length === 0) lists.set(p, list)
      list.push({ s, key: placeKey(c, s, cands.score[e]!), score: cands.score[e]! })
    }
  }
  const out: PlaceOutcome['reserve'][] = []
  for (const [p, list] of lists) {
    list.sort((a, b) => b.key - a.key || a.s - b.s)
    out[p] = list.slice(0, size).map((r) => ({
      student: c.students[r.s]!.id,
      score: Math.round(r.score * 10) / 10,
      unmatched: assigned[r.s] === -1,
    }))
  }
  return out
}
