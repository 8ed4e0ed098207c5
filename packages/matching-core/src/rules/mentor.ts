import { KIND } from '../compile/codes.js'
import { ageOn } from '../util/dates.js'
import { defineRule } from './rule.js'

/**
 * A dual place needs a mentor who is at least 25 (23 with the sector's waiver) on the start date
 * and whose mandatory mentor training is done or not yet overdue.
 */
export const mentorRule = defineRule({
  code: 'no_valid_mentor',
  passes: (c, _s, p, x) =>
    c.pKind[p] !== KIND.dual ||
    (c.pHasMentor[p] === 1 &&
      ageOn(c.pMentorBirth[p]!, x.start) >= c.pMentorMinAge[p]! &&
      c.pMentorDeadline[p]! >= x.start),
  detail: (c, _s, p, x) => {
    const m = c.places[p]!.mentor
    if (!m) return { mentor: 'none' }
    return {
      mentorAge: ageOn(c.pMentorBirth[p]!, x.start),
      required: c.pMentorMinAge[p]!,
      trainingCompleted: m.trainingCompleted,
      trainingDeadline: m.trainingDeadline,
    }
  },
  applies: (c, _s, p) => c.pKind[p] === KIND.dual,
})
