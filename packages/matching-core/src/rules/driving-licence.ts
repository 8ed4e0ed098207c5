import { defineRule } from './rule.js'

/** A place that needs a driving licence only takes students who have one. */
export const drivingLicenceRule = defineRule({
  code: 'driving_licence_required',
  passes: (c, s, p) => c.pLicence[p] === 0 || c.sLicence[s] === 1,
  detail: () => ({}),
  applies: (c, _s, p) => c.pLicence[p] === 1,
})
