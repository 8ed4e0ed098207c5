import type { CompiledInstance } from '../compile/compiled.js'
import { defineRule } from './rule.js'

/**
 * Old enough on the start date: no longer full-time leerplichtig (15 with the first two years of
 * secondary done, otherwise 16: the bar for a pupil internship and for dual learning) and at
 * least the place's own minimum age.
 */
export const ageRule = defineRule({
  code: 'too_young',
  passes: (c, s, p, x) => x.age >= requiredAge(c, s, p),
  detail: (c, s, p, x) => ({
    age: x.age,
    required: requiredAge(c, s, p),
    legalMinimum: legalMinimum(c, s),
    placeMinimum: c.pMinAge[p]!,
  }),
})

function legalMinimum(c: CompiledInstance, s: number): number {
  return c.sFirstTwo[s] === 1 ? 15 : 16
}

function requiredAge(c: CompiledInstance, s: number, p: number): number {
  const legal = legalMinimum(c, s)
  const own = c.pMinAge[p]!
  return Math.max(own, legal)
}
