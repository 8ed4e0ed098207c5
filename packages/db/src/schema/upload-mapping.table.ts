import type { Selectable } from 'kysely'
import type { JsonColumn, UpdatedAt } from './columns.js'

/** A school's confirmed column → field mapping per upload kind and header signature (issue 15). */
export interface UploadMappingTable {
  school_id: string
  kind: string
  signature: string
  mapping: JsonColumn<Record<string, string>>
  updated_at: UpdatedAt
}
export type UploadMappingRow = Selectable<UploadMappingTable>
