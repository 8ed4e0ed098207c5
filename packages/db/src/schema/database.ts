import type { ApiKeyTable } from './api-key.table.js'
import type { AuditLogTable } from './audit-log.table.js'
import type { CompanyTable } from './company.table.js'
import type { CompetenceTable } from './competence.table.js'
import type { ContactReleaseTable } from './contact-release.table.js'
import type { CoordinatorTable } from './coordinator.table.js'
import type { MailOutboxTable } from './mail-outbox.table.js'
import type { MatchOutcomeTable } from './match-outcome.table.js'
import type { MatchRunTable } from './match-run.table.js'
import type { MatchRunPartTable } from './match-run-part.table.js'
import type { MentorTable, PlaceMentorTable } from './mentor.table.js'
import type { PlaceTable } from './place.table.js'
import type { PlacementOverrideTable } from './placement-override.table.js'
import type { PostcodeTable } from './postcode.table.js'
import type { ProgrammeTable } from './programme.table.js'
import type { ProposalTable } from './proposal.table.js'
import type { RecognitionTable } from './recognition.table.js'
import type {
  RunFigureIdlePlaceTable,
  RunFiguresTable,
  RunFigureTable,
  RunFigureWatchTable,
} from './run-figure.table.js'
import type { SchoolProgrammeTable, SchoolSupervisorTable, SchoolTable } from './school.table.js'
import type { SchoolGroupTable } from './school-group.table.js'
import type { ServerSecretTable } from './server-secret.table.js'
import type { StudentTable } from './student.table.js'
import type { UploadTable } from './upload.table.js'
import type { UploadMappingTable } from './upload-mapping.table.js'

/** Every table of the Stagebrug schema, as kysely sees it. */
export interface Database {
  programme: ProgrammeTable
  competence: CompetenceTable
  postcode: PostcodeTable
  school_group: SchoolGroupTable
  school: SchoolTable
  school_supervisor: SchoolSupervisorTable
  school_programme: SchoolProgrammeTable
  coordinator: CoordinatorTable
  student: StudentTable
  company: CompanyTable
  place: PlaceTable
  mentor: MentorTable
  place_mentor: PlaceMentorTable
  recognition: RecognitionTable
  upload: UploadTable
  upload_mapping: UploadMappingTable
  match_run: MatchRunTable
  match_run_part: MatchRunPartTable
  match_outcome: MatchOutcomeTable
  proposal: ProposalTable
  mail_outbox: MailOutboxTable
  api_key: ApiKeyTable
  audit_log: AuditLogTable
  placement_override: PlacementOverrideTable
  contact_release: ContactReleaseTable
  run_figures: RunFiguresTable
  run_figure: RunFigureTable
  run_figure_idle_place: RunFigureIdlePlaceTable
  run_figure_watch: RunFigureWatchTable
  server_secret: ServerSecretTable
}
