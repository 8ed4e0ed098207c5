// @stagebrug/db — kysely schema, migrations and repositories. Explicit exports only.

export { ACCEPTED_URL_FORMS, createDb, type DbHandle } from './create-db.js'
export { type PlaceSnapshotRow, placeRowToPlace } from './mappers/place.mapper.js'
export { type StudentSnapshotRow, studentRowToStudent } from './mappers/student.mapper.js'
export { migrateDown, runMigrations } from './migrate.js'
export { migrations } from './migrations/index.js'
export { prepared, preparedName } from './prepared.js'
export {
  ApiKeyError,
  type ApiKeyScopeInput,
  type CreatedApiKey,
  createApiKey,
  findActiveApiKey,
  hashApiKey,
  type NewApiKeyRequest,
  revokeApiKey,
  touchApiKey,
} from './repositories/api-key.repository.js'
export { type AuditEntry, writeAudit } from './repositories/audit.repository.js'
export {
  type CompanyInput,
  type CompanySeat,
  upsertCompanies,
  upsertCompany,
} from './repositories/company.repository.js'
export {
  type FiguresSource,
  loadFiguresPupils,
  loadFiguresSource,
  type SourceArea,
} from './repositories/figures-source.repository.js'
export {
  addToOutbox,
  claimMail,
  failMail,
  getMail,
  markMailSent,
  markMailUnknown,
  type OutboxMail,
  pendingMailIds,
  releaseMail,
  takeUnreportedProblems,
} from './repositories/mail-outbox.repository.js'
export {
  createMatchRun,
  failMatchRun,
  findMatchRunByJobKey,
  finishMatchRun,
  getMatchRun,
  markRunPlanned,
  type OpenRunRequest,
  openMatchRun,
} from './repositories/match-run.repository.js'
export {
  addPlaceMentors,
  deleteMentor,
  getMentor,
  listMentors,
  type MentorInput,
  type MentorWithPlaces,
  mentorsOfPlace,
  setMentorPlaces,
  setPlaceMentors,
  type UpsertMentorsResult,
  updateMentor,
  upsertMentors,
} from './repositories/mentor.repository.js'
export { loadMissingNames, type MissingNamesSource } from './repositories/missing-names.repository.js'
export { activePins } from './repositories/override.repository.js'
export { loadPairInput } from './repositories/pair-input.repository.js'
export {
  insertPlaces,
  type PlaceInput,
  type UpsertPlacesCounts,
  upsertPlaces,
} from './repositories/place.repository.js'
export { insertProposals } from './repositories/proposal.repository.js'
export {
  type PurgeCounts,
  PurgeError,
  type PurgeOptions,
  parseSchoolYear,
  purgeSchoolYear,
  type SchoolYear,
} from './repositories/purge.repository.js'
export {
  type RecognitionInput,
  recognitionsOfPlace,
  type UpsertRecognitionsCounts,
  upsertRecognitions,
} from './repositories/recognition.repository.js'
export {
  coordinatorsOfSchools,
  figureTrend,
  latestSucceededRunId,
  loadStoredFigures,
  loadStoredWatch,
  previousFiguresRunId,
  type RunFiguresWrite,
  type StoredFigureRow,
  type StoredFiguresFilter,
  type StoredRunFigures,
  type StoredWatchRow,
  storeRunFigures,
} from './repositories/run-figures.repository.js'
export {
  type OutcomeInput,
  type PartWrite,
  savePart,
  storedParts,
} from './repositories/run-part.repository.js'
export {
  loadRunReport,
  type PlaceContact,
  type ReportOutcome,
  type ReportProposal,
  type RunReport,
} from './repositories/run-report.repository.js'
export {
  loadSchoolProfile,
  type SchoolInput,
  type SchoolProfile,
  type SchoolProfileInput,
  saveSchoolProfile,
  upsertSchool,
  upsertSchoolGroup,
} from './repositories/school.repository.js'
export { serverSecret } from './repositories/server-secret.repository.js'
export { loadSnapshot } from './repositories/snapshot.repository.js'
export {
  type StudentAddress,
  type StudentGuardian,
  type StudentInput,
  type UpsertStudentsCounts,
  upsertStudents,
} from './repositories/student.repository.js'
export type { ApiKeyRole, ApiKeyRow, ApiKeyTable, NewApiKey } from './schema/api-key.table.js'
export type { AuditLogRow, AuditLogTable, NewAuditLog } from './schema/audit-log.table.js'
export { type JsonColumn, type JsonText, json } from './schema/columns.js'
export type { CompanyRow, CompanyTable, NewCompany } from './schema/company.table.js'
export type { CompetenceRow, CompetenceTable } from './schema/competence.table.js'
export type { ContactReleaseRow, ContactReleaseTable } from './schema/contact-release.table.js'
export type { CoordinatorRow, CoordinatorTable, NewCoordinator } from './schema/coordinator.table.js'
export type { Database } from './schema/database.js'
export type {
  MailKind,
  MailOutboxRow,
  MailOutboxTable,
  MailStatus,
  NewMailOutbox,
} from './schema/mail-outbox.table.js'
export type { MatchOutcomeRow, MatchOutcomeTable, OutcomeStatus } from './schema/match-outcome.table.js'
export type {
  MatchRunRow,
  MatchRunStatus,
  MatchRunTable,
  MatchRunTrigger,
  NewMatchRun,
} from './schema/match-run.table.js'
export type { MatchRunPartRow, MatchRunPartTable } from './schema/match-run-part.table.js'
export type { MentorRow, MentorTable, NewMentor, PlaceMentorTable } from './schema/mentor.table.js'
export type { NewPlace, PlaceRow, PlaceStatus, PlaceTable } from './schema/place.table.js'
export type {
  NewPlacementOverride,
  OverrideKind,
  PlacementOverrideRow,
  PlacementOverrideTable,
} from './schema/placement-override.table.js'
export type { PostcodeRow, PostcodeTable } from './schema/postcode.table.js'
export type { ProgrammeRow, ProgrammeTable } from './schema/programme.table.js'
export type { NewProposal, ProposalRow, ProposalStatus, ProposalTable } from './schema/proposal.table.js'
export type {
  NewRecognition,
  RecognitionRow,
  RecognitionSource,
  RecognitionStatus,
  RecognitionTable,
} from './schema/recognition.table.js'
export type {
  FigureLevel,
  FigureRegionRef,
  IdleReason,
  NewRunFigure,
  RunFigureIdlePlaceRow,
  RunFigureIdlePlaceTable,
  RunFigureRow,
  RunFiguresRow,
  RunFiguresTable,
  RunFigureTable,
  RunFigureWatchRow,
  RunFigureWatchTable,
  WatchKind,
} from './schema/run-figure.table.js'
export type {
  NewSchool,
  SchoolProgrammeTable,
  SchoolRow,
  SchoolSupervisorTable,
  SchoolTable,
} from './schema/school.table.js'
export type { NewSchoolGroup, SchoolGroupRow, SchoolGroupTable } from './schema/school-group.table.js'
export type { ServerSecretTable } from './schema/server-secret.table.js'
export type {
  DutchLevel,
  NewStudent,
  StudentRow,
  StudentStatus,
  StudentTable,
} from './schema/student.table.js'
export type { NewUpload, UploadKind, UploadOutcome, UploadRow, UploadTable } from './schema/upload.table.js'
export type { UploadMappingRow, UploadMappingTable } from './schema/upload-mapping.table.js'
export { type SeedCounts, seedReferenceData } from './seed-reference-data.js'
