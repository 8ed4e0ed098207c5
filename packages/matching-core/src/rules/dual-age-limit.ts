import { KIND } from '../compile/codes.js'
import { defineRule } from './rule.js'

/** Dual learning (and its aanloopfase) runs until the school year in which the pupil turns 25. */
export const dualAgeLimitRule = defineRule({
  code: 'too_old_for_dual',
  passes: (c, _s, p, x) => (c.pKind[p] !== KIND.dual && c.pKind[p] !== KIND.aanloopfase) || x.age < 25,
  detail: (_c, _s, _p, x) => ({ age: x.age, maximum: 24 }),
  applies: (c, _s, p) => c.pKind[p] === KIND.dual || c.pKind[p] === KIND.aanloopfase,
})
