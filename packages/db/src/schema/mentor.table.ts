import type { Insertable, Selectable } from 'kysely'
import type { CreatedAt, DateColumn, UpdatedAt, Uuid } from './columns.js'

/** A company's mentor (migration 0018): contact details and what the duaal rules need. */
export interface MentorTable {
  id: Uuid
  company_id: string
  /** NULL only for a mentor carried over by migration 0018 from a place with rule data but no name. */
  name: string | null
  function: string | null
  /** Lower-cased; with the company, the mentor's key (else the name, case-insensitively). */
  email: string | null
  phone: string | null
  /** NULL when the company declared the age instead (`declared_at_least_25`). */
  birth_date: DateColumn | null
  declared_at_least_25: boolean
  /** The sector's waiver: 23 instead of 25. */
  age_waiver_23: boolean
  years_experience: number | null
  training_completed: boolean
  training_deadline: DateColumn | null
  /** The day the 596.2 extract was checked: the date only, never the document. */
  extract_5962_checked_on: DateColumn | null
  created_at: CreatedAt
  updated_at: UpdatedAt
}
export type MentorRow = Selectable<MentorTable>
export type NewMentor = Insertable<MentorTable>

/** Which places a mentor supervises; company_id keeps both ends in one company (composite keys). */
export interface PlaceMentorTable {
  place_id: string
  mentor_id: string
  company_id: string
}
