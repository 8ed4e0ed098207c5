import { KIND } from '../compile/codes.js'
import { defineRule } from './rule.js'

/**
 * Students who are willing but not yet work-ready go only to an aanloopfase or an inclusive
 * workplace; an aanloopfase is only for them.
 */
export const workReadinessRule = defineRule({
  code: 'work_readiness',
  passes: (c, s, p) =>
    c.sNotReady[s] === 1
      ? c.pKind[p] === KIND.aanloopfase || c.pInclusive[p] === 1
      : c.pKind[p] !== KIND.aanloopfase,
  detail: (c, s, p) => ({
    notWorkReady: c.sNotReady[s] === 1,
    placeKind: c.places[p]!.kind,
    inclusive: c.pInclusive[p] === 1,
  }),
})
