// @stagebrug/admin — the administrator's writes (schools, coordinators, companies, API keys),
// validated once and audited in the write's transaction. The command line and the API both call
// these functions; the field schemas are the API's request bodies too. Explicit exports only.

export { AdminError, type AdminErrorKind, type AdminIssue, describeIssue, parseInput } from './errors.js'
export {
  ZAdminName,
  ZEmail,
  ZIdentifierText,
  ZInstellingsnummer,
  ZKboNumber,
  ZNameText,
  ZPostcode,
} from './fields.js'
export {
  type TApiKeyInput,
  type TCompanyInput,
  type TCoordinatorInput,
  type TSchoolInput,
  type TSchoolProfileInput,
  type TSupervisorInput,
  ZApiKeyInput,
  ZApiKeyRole,
  ZApiKeyScope,
  ZCompanyInput,
  ZCoordinatorInput,
  ZSchoolInput,
  ZSchoolProfileInput,
  ZSupervisorInput,
} from './inputs.js'
export { companyIdByKbo, schoolIdByNumber } from './lookups.js'
export {
  issueApiKey,
  type Loose,
  readSchoolProfile,
  type SchoolRef,
  saveCompany,
  saveCoordinator,
  saveSchool,
  updateSchoolProfile,
} from './writes.js'
