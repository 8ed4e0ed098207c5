import type { Insertable, Selectable } from 'kysely'
import type { CreatedAt, Uuid } from './columns.js'

export interface SchoolGroupTable {
  id: Uuid
  name: string
  created_at: CreatedAt
}
export type SchoolGroupRow = Selectable<SchoolGroupTable>
export type NewSchoolGroup = Insertable<SchoolGroupTable>
