import { KIND } from '../compile/codes.js'
import { ymdToIso } from '../util/dates.js'
import { defineRule } from './rule.js'

/**
 * A dual place needs at least one mentor who, on the start date, is 25 (23 with the sector's
 * waiver, or declared ≥ 25 by the company) and whose mandatory mentor training is done or not yet
 * overdue. Compiled per mentor into a validity interval, so the hot loop compares integers.
 */
export const mentorRule = defineRule({
  code: 'no_valid_mentor',
  passes: (c, _s, p, x) => {
    if (c.pKind[p] !== KIND.dual) return true
    for (let j = c.pMentorStart[p]!; j < c.pMentorStart[p + 1]!; j++) {
      if (c.pMentorFrom[j]! <= x.start && x.start <= c.pMentorUntil[j]!) return true
    }
    return false
  },
  detail: (c, _s, p, x) => {
    const ms = c.places[p]!.mentors
    if (ms.length === 0) return { mentor: 'none' }
    return {
      start: ymdToIso(x.start),
      mentors: ms.map((m, k) => {
        const from = c.pMentorFrom[c.pMentorStart[p]! + k]!
        return {
          oldEnough: from <= x.start,
          required: m.declaredAtLeast25 ? 'declared_25' : m.ageWaiver ? 23 : 25,
          trainingCompleted: m.trainingCompleted,
          trainingDeadline: m.trainingDeadline,
        }
      }),
    }
  },
  applies: (c, _s, p) => c.pKind[p] === KIND.dual,
})
