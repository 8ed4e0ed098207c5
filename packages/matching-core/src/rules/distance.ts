import { defineRule } from './rule.js'

/** Within the student's maximum travel distance from home (or school, `travelFrom`); places abroad are exempt. */
export const distanceRule = defineRule({
  code: 'too_far',
  passes: (c, s, p, x) => c.pForeign[p] === 1 || x.distanceKm <= c.sMaxKm[s]!,
  detail: (c, s, p, x) => ({
    distanceKm: Math.round(x.distanceKm * 10) / 10,
    maxKm: c.sMaxKm[s]!,
    foreign: c.pForeign[p] === 1,
  }),
})
