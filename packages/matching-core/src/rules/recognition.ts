import { KIND } from '../compile/codes.js'
import type { CompiledInstance } from '../compile/compiled.js'
import { defineRule } from './rule.js'

/**
 * A dual place needs an erkenning of this establishment for the student's programme (or a
 * declared related programme, e.g. the base of a duaal variant) valid on the start date.
 */
export const recognitionRule = defineRule({
  code: 'no_recognition',
  passes: (c, s, p, x) => c.pKind[p] !== KIND.dual || hasRecognition(c, s, p, x.start),
  detail: (c, _s, p, x) => ({ recognitions: c.places[p]!.recognitions, startYmd: x.start }),
  applies: (c, _s, p) => c.pKind[p] === KIND.dual,
})

function hasRecognition(c: CompiledInstance, s: number, p: number, day: number): boolean {
  const prog = c.sProg[s]!
  for (let j = c.pRecStart[p]!; j < c.pRecStart[p + 1]!; j++) {
    if (c.pRecFrom[j]! > day || c.pRecTo[j]! < day) continue
    const rp = c.pRecProg[j]!
    if (rp === prog) return true
    for (let k = c.relStart[prog]!; k < c.relStart[prog + 1]!; k++) if (c.rel[k] === rp) return true
  }
  return false
}

/**
 * The last day (yyyymmdd) of the longest-running recognition that makes this pair pass on `day`,
 * or 0 when none does (not a dual place, or no valid recognition). Off the hot path: only the
 * proposal's explanation asks, so a duaal pupil's school reads until when the workplace is recognised.
 */
export function recognitionValidUntil(c: CompiledInstance, s: number, p: number, day: number): number {
  if (c.pKind[p] !== KIND.dual) return 0
  const prog = c.sProg[s]!
  let until = 0
  for (let j = c.pRecStart[p]!; j < c.pRecStart[p + 1]!; j++) {
    if (c.pRecFrom[j]! > day || c.pRecTo[j]! < day || c.pRecTo[j]! <= until) continue
    const rp = c.pRecProg[j]!
    let fits = rp === prog
    for (let k = c.relStart[prog]!; !fits && k < c.relStart[prog + 1]!; k++) fits = c.rel[k] === rp
    if (fits) until = c.pRecTo[j]!
  }
  return until
}
