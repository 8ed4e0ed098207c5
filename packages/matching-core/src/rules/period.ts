import { ymdToIso } from '../util/dates.js'
import { defineRule } from './rule.js'

/** The student's availability and the place's period overlap, from today on. */
export const periodRule = defineRule({
  code: 'period_no_overlap',
  passes: (_c, _s, _p, x) => x.start <= x.end,
  detail: (c, s, p) => ({
    availability: c.students[s]!.availability,
    placePeriod: c.places[p]!.period,
    today: ymdToIso(c.today),
  }),
})
