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
