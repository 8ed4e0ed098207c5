import type { Insertable, Selectable } from 'kysely'
import type { CreatedAt, UpdatedAt, Uuid } from './columns.js'

export interface SchoolTable {
  id: Uuid
  name: string
  /** Official school number (instellingsnummer), digits only. */
  instellingsnummer: string
  postcode: string
  school_group_id: string | null
  created_at: CreatedAt
  updated_at: UpdatedAt
}
export type SchoolRow = Selectable<SchoolTable>
export type NewSchool = Insertable<SchoolTable>
