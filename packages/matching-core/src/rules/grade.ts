import { KIND } from '../compile/codes.js'
import { defineRule } from './rule.js'

/** Pupil internships and dual learning start in the 2nd grade of secondary education (domain §4). */
export const gradeRule = defineRule({
  code: 'grade_too_low',
  passes: (c, s, p) => c.pKind[p] === KIND.job || c.sGrade[s]! >= 2,
  detail: (c, s) => ({ grade: c.sGrade[s]!, required: 2 }),
  applies: (c, _s, p) => c.pKind[p] !== KIND.job,
})
