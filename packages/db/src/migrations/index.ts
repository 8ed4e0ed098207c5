import type { Migration } from 'kysely/migration'
import * as m0001 from './2026_11_23_0001_create_reference_tables.js'
import * as m0002 from './2026_11_23_0002_create_schools.js'
import * as m0003 from './2026_11_23_0003_create_students.js'
import * as m0004 from './2026_11_23_0004_create_places.js'
import * as m0005 from './2026_11_23_0005_create_match_runs.js'
import * as m0006 from './2026_11_23_0006_create_operations.js'
import * as m0007 from './2026_11_23_0007_place_external_id.js'
import * as m0008 from './2026_11_23_0008_create_run_parts_and_mail_content.js'
import * as m0009 from './2026_11_23_0009_api_access_and_overrides.js'
import * as m0010 from './2026_11_23_0010_create_run_figures.js'
import * as m0011 from './2026_11_23_0011_place_document_fields.js'
import * as m0012 from './2026_11_23_0012_student_school_sort_index.js'
import * as m0013 from './2026_11_23_0013_one_accepted_proposal.js'
import * as m0014 from './2026_11_23_0014_reason_codes_and_server_secret.js'
import * as m0015 from './2026_11_23_0015_coordinator_email_unique_ci.js'
import * as m0017 from './2026_11_23_0017_create_recognitions.js'
import * as m0018 from './2026_11_23_0018_create_mentors.js'
import * as m0019 from './2026_11_23_0019_place_abroad_contact_seat.js'
import * as m0020 from './2026_11_23_0020_figures_by_place_kind.js'
import * as m0021 from './2026_11_23_0021_upload_mapping.js'
import * as m0022 from './2026_11_23_0022_student_pupil_fields.js'
import * as m0023 from './2026_11_23_0023_school_profile.js'

/** Every migration, by name (static, so a bundle still finds them). Append only. */
export const migrations: Readonly<Record<string, Migration>> = {
  '2026_11_23_0001_create_reference_tables': m0001,
  '2026_11_23_0002_create_schools': m0002,
  '2026_11_23_0003_create_students': m0003,
  '2026_11_23_0004_create_places': m0004,
  '2026_11_23_0005_create_match_runs': m0005,
  '2026_11_23_0006_create_operations': m0006,
  '2026_11_23_0007_place_external_id': m0007,
  '2026_11_23_0008_create_run_parts_and_mail_content': m0008,
  '2026_11_23_0009_api_access_and_overrides': m0009,
  '2026_11_23_0010_create_run_figures': m0010,
  '2026_11_23_0011_place_document_fields': m0011,
  '2026_11_23_0012_student_school_sort_index': m0012,
  '2026_11_23_0013_one_accepted_proposal': m0013,
  '2026_11_23_0014_reason_codes_and_server_secret': m0014,
  '2026_11_23_0015_coordinator_email_unique_ci': m0015,
  '2026_11_23_0017_create_recognitions': m0017,
  '2026_11_23_0018_create_mentors': m0018,
  '2026_11_23_0019_place_abroad_contact_seat': m0019,
  '2026_11_23_0020_figures_by_place_kind': m0020,
  '2026_11_23_0021_upload_mapping': m0021,
  '2026_11_23_0022_student_pupil_fields': m0022,
  '2026_11_23_0023_school_profile': m0023,
}
