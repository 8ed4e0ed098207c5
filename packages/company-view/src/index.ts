// @stagebrug/company-view — what a company may see of a candidate: one allow-list, keyed candidate
// codes, travel bands and age flags. Used by the company mail and the company API. Explicit exports only.

export { ageFlags, travelBand } from './bands.js'
export { CANDIDATE_CODE, candidateCode, schoolYear } from './candidate-code.js'
export {
  CANDIDATE_KIND_NL,
  type CandidateSource,
  COMPANY_REASON_CODES,
  type CompanyCandidate,
  companyCandidate,
  companyReasons,
} from './company-view.js'
