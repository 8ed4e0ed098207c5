import { defineRule } from './rule.js'

/**
 * Working hours between 20:00 and 06:00 are closed to pupils under 18, with the documented
 * exceptions from 16 for shift work (see compile/night-work.ts for the hours table).
 */
export const nightWorkRule = defineRule({
  code: 'night_work_minor',
  passes: (c, _s, p, x) => x.age >= c.pNightMinAge[p]!,
  detail: (c, _s, p, x) => ({ age: x.age, required: c.pNightMinAge[p]!, hours: c.places[p]!.hours }),
  applies: (c, _s, p) => c.pNightMinAge[p]! > 0,
})
