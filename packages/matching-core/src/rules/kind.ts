import { KINDS_FOR_SEEK, PLACE_KINDS, SEEKS } from '../compile/codes.js'
import { defineRule } from './rule.js'

const ALLOWED = KINDS_FOR_SEEK.map((kinds) => kinds.reduce((mask, k) => mask | (1 << k), 0))

/** What the student seeks (internship, dual, job) fits the kind of place. */
export const kindRule = defineRule({
  code: 'kind_mismatch',
  passes: (c, s, p) => ((ALLOWED[c.sSeek[s]!]! >> c.pKind[p]!) & 1) === 1,
  detail: (c, s, p) => ({ seeks: SEEKS[c.sSeek[s]!], placeKind: PLACE_KINDS[c.pKind[p]!] }),
})
