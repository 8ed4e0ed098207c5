import { defineRule } from './rule.js'

/** A student who needs an inclusive workplace only goes to one. */
export const inclusiveRule = defineRule({
  code: 'needs_inclusive_workplace',
  passes: (c, s, p) => c.sNeedsInclusive[s] === 0 || c.pInclusive[p] === 1,
  detail: () => ({}),
  applies: (c, s) => c.sNeedsInclusive[s] === 1,
})
