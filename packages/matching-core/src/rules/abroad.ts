import { defineRule } from './rule.js'

/** A place abroad (Erasmus+) only for a student who opted in: the distance rule exempts it, this rule does not. */
export const abroadRule = defineRule({
  code: 'abroad_not_chosen',
  passes: (c, s, p) => c.pForeign[p] === 0 || c.sAbroad[s] === 1,
  detail: () => ({}),
  applies: (c, _s, p) => c.pForeign[p] === 1,
})
