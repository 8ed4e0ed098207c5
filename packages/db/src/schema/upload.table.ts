import type { ColumnType, Insertable, Selectable } from 'kysely'
import type { JsonColumn, Uuid } from './columns.js'

export type UploadKind = 'students' | 'places' | 'recognitions' | 'mentors'
export type UploadOutcome = 'accepted' | 'partial' | 'rejected'

export interface UploadTable {
  id: Uuid
  /** Who uploaded: an api key id or a coordinator email. */
  uploaded_by: string
  uploaded_at: ColumnType<Date, Date | string | undefined, never>
  kind: UploadKind
  school_id: string | null
  file_sha256: string
  filename: string
  outcome: UploadOutcome
  errors: JsonColumn<unknown[]>
  counts: JsonColumn<Record<string, number>>
}
export type UploadRow = Selectable<UploadTable>
export type NewUpload = Insertable<UploadTable>
