import type { ColumnType, Insertable, Selectable } from 'kysely'
import type { CreatedAt, UpdatedAt, Uuid } from './columns.js'

export interface SchoolTable {
  id: Uuid
  name: string
  /** Official school number (instellingsnummer), digits only. */
  instellingsnummer: string
  postcode: string
  school_group_id: string | null
  /** The school's own data (migration 0023); null until the school or the administrator gives it. */
  street: ColumnType<string | null, string | null | undefined, string | null>
  house_number: ColumnType<string | null, string | null | undefined, string | null>
  municipality: ColumnType<string | null, string | null | undefined, string | null>
  director_name: ColumnType<string | null, string | null | undefined, string | null>
  director_function: ColumnType<string | null, string | null | undefined, string | null>
  insurer: ColumnType<string | null, string | null | undefined, string | null>
  policy_number: ColumnType<string | null, string | null | undefined, string | null>
  created_at: CreatedAt
  updated_at: UpdatedAt
}
export type SchoolRow = Selectable<SchoolTable>
export type NewSchool = Insertable<SchoolTable>

/** A stagebegeleider of a school (migration 0023): a list of its own, apart from the coordinators the night mails. */
export interface SchoolSupervisorTable {
  id: Uuid
  school_id: string
  /** Order in the school's list, from 0; the agreement names the first. */
  position: number
  name: string
  email: string | null
  phone: string | null
}

/** A programme (studierichting) the school offers (migration 0023). */
export interface SchoolProgrammeTable {
  school_id: string
  programme_id: number
}
