import type { Insertable, Selectable } from 'kysely'
import type { CreatedAt, UpdatedAt, Uuid } from './columns.js'

export interface CompanyTable {
  id: Uuid
  /** KBO/BCE enterprise number, 10 digits, mod-97 checked by the database. */
  kbo_number: string
  name: string
  contact_name: string | null
  contact_email: string | null
  contact_phone: string | null
  // The registered seat (maatschappelijke zetel), which the agreement names (migration 0019).
  seat_street: string | null
  seat_house_number: string | null
  seat_postcode: string | null
  seat_municipality: string | null
  created_at: CreatedAt
  updated_at: UpdatedAt
}
export type CompanyRow = Selectable<CompanyTable>
export type NewCompany = Insertable<CompanyTable>
