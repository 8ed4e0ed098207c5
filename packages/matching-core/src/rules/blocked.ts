import { defineRule } from './rule.js'

/** A pair declined or rejected earlier is never proposed again. */
export const blockedRule = defineRule({
  code: 'blocked_after_rejection',
  passes: (c, s, p) => c.sHasBlock[s] === 0 || !c.blocked.has(s * c.nP + p),
  detail: () => ({}),
  applies: (c, s) => c.sHasBlock[s] === 1,
})
