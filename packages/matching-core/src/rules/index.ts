import type { CompiledInstance } from '../compile/compiled.js'
import { ageOn } from '../util/dates.js'
import { abroadRule } from './abroad.js'
import { ageRule } from './age.js'
import { blockedRule } from './blocked.js'
import { capacityRule } from './capacity.js'
import { distanceRule } from './distance.js'
import { drivingLicenceRule } from './driving-licence.js'
import { dualAgeLimitRule } from './dual-age-limit.js'
import { gradeRule } from './grade.js'
import { inclusiveRule } from './inclusive.js'
import { kindRule } from './kind.js'
import { mentorRule } from './mentor.js'
import { nightWorkRule } from './night-work.js'
import { periodRule } from './period.js'
import { programmeRule } from './programme.js'
import { recognitionRule } from './recognition.js'
import { emptyContext, type PairContext } from './rule.js'
import { workReadinessRule } from './work-readiness.js'

/** Every hard rule, in evaluation order (cheap and often failing first). */
export const RULES = [
  distanceRule,
  abroadRule,
  capacityRule,
  kindRule,
  programmeRule,
  periodRule,
  blockedRule,
  gradeRule,
  ageRule,
  dualAgeLimitRule,
  nightWorkRule,
  drivingLicenceRule,
  workReadinessRule,
  inclusiveRule,
  recognitionRule,
  mentorRule,
] as const

export type RuleCode = (typeof RULES)[number]['code']
export const RULE_CODES: readonly RuleCode[] = RULES.map((r) => r.code)

export type Verdict =
  | { readonly ok: true; readonly code: RuleCode }
  | { readonly ok: false; readonly code: RuleCode; readonly detail: Readonly<Record<string, unknown>> }

/**
 * 0 when the pair passes every rule, else 1 + the position in RULES of the first rule it fails.
 * Hot path: each rule is called by name so the JIT can inline it; `rules.test.ts` checks that
 * this list and RULES agree.
 */
export function firstFailure(c: CompiledInstance, s: number, p: number, x: PairContext): number {
  if (!distanceRule.passes(c, s, p, x)) return 1
  if (!abroadRule.passes(c, s, p, x)) return 2
  if (!capacityRule.passes(c, s, p, x)) return 3
  if (!kindRule.passes(c, s, p, x)) return 4
  if (!programmeRule.passes(c, s, p, x)) return 5
  if (!periodRule.passes(c, s, p, x)) return 6
  if (!blockedRule.passes(c, s, p, x)) return 7
  if (!gradeRule.passes(c, s, p, x)) return 8
  if (!ageRule.passes(c, s, p, x)) return 9
  if (!dualAgeLimitRule.passes(c, s, p, x)) return 10
  if (!nightWorkRule.passes(c, s, p, x)) return 11
  if (!drivingLicenceRule.passes(c, s, p, x)) return 12
  if (!workReadinessRule.passes(c, s, p, x)) return 13
  if (!inclusiveRule.passes(c, s, p, x)) return 14
  if (!recognitionRule.passes(c, s, p, x)) return 15
  if (!mentorRule.passes(c, s, p, x)) return 16
  return 0
}

/** Fills the shared pair facts; `programmeMatch` is left to the caller (the index knows it). */
export function prepareDates(c: CompiledInstance, s: number, p: number, x: PairContext): void {
  const a = c.sAvStart[s]!
  const b = c.pStart[p]!
  let start = Math.max(a, b)
  if (c.today > start) start = c.today
  const e1 = c.sAvEnd[s]!
  const e2 = c.pEnd[p]!
  x.start = start
  x.end = Math.min(e1, e2)
  x.age = ageOn(c.sBirth[s]!, start)
}

/** Straight-line km between a student's home and a place (projected coordinates). */
export function distanceBetween(c: CompiledInstance, s: number, p: number): number {
  const dx = c.sX[s]! - c.pX[p]!
  const dy = c.sY[s]! - c.pY[p]!
  return Math.sqrt(dx * dx + dy * dy)
}

/** 2 exact, 1 related, 0 none — by scanning the place's programmes (off the hot path). */
export function programmeMatch(c: CompiledInstance, s: number, p: number): number {
  const prog = c.sProg[s]!
  let best = 0
  for (let j = c.pProgStart[p]!; j < c.pProgStart[p + 1]!; j++) {
    const g = c.pProg[j]!
    if (g === prog) return 2
    for (let k = c.relStart[prog]!; k < c.relStart[prog + 1]!; k++) if (c.rel[k] === g) best = 1
  }
  return best
}

/** Every rule's verdict on one pair, for explanations and for checking pinned pairs. */
export function evaluatePair(
  c: CompiledInstance,
  s: number,
  p: number,
): { readonly context: PairContext; readonly verdicts: readonly Verdict[] } {
  const x = emptyContext()
  prepareDates(c, s, p, x)
  x.distanceKm = distanceBetween(c, s, p)
  x.programmeMatch = programmeMatch(c, s, p)
  const verdicts = RULES.filter((r) => !r.applies || r.applies(c, s, p)).map(
    (r): Verdict =>
      r.passes(c, s, p, x)
        ? { ok: true, code: r.code }
        : { ok: false, code: r.code, detail: r.detail(c, s, p, x) },
  )
  return { context: x, verdicts }
}
