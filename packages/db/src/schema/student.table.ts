import type { Seeks, TravelFrom, Wish, WorkReadiness } from '@stagebrug/matching-core'
import type { ColumnType, Insertable, Selectable } from 'kysely'
import type { CreatedAt, DateColumn, JsonColumn, UpdatedAt, Uuid } from './columns.js'

export type DutchLevel = 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2'
export type StudentStatus = 'open' | 'placed' | 'withdrawn'

export interface StudentTable {
  id: Uuid
  school_id: string
  /** The school's own id of the student; unique per school. */
  external_id: string
  first_name: string
  last_name: string
  email: string | null
  birth_date: DateColumn
  programme_id: number
  grade: number
  class: string | null
  home_postcode: string
  competences: number[]
  interests: number[]
  wishes: JsonColumn<Wish[]>
  available_from: DateColumn
  available_to: DateColumn
  max_travel_km: number
  seeks: Seeks
  work_readiness: WorkReadiness
  needs_inclusive: boolean
  /** Opted in for a place abroad (Erasmus+); without it no place abroad is proposed (migration 0019). */
  abroad: ColumnType<boolean, boolean | undefined, boolean>
  priority: boolean
  driving_licence: boolean
  first_two_years_done: boolean
  // Migration 0022 (issue 15). The distance rule measures from here.
  travel_from: ColumnType<TravelFrom, TravelFrom | undefined, TravelFrom>
  // For the agreement only (domain.md §9.6); the row, and so these, go when the pupil is purged.
  street: string | null
  house_number: string | null
  box: string | null
  municipality: string | null
  /** Parent or guardian of a minor: signs the agreement with the pupil. */
  guardian_name: string | null
  guardian_phone: string | null
  guardian_email: string | null
  /** Dutch level of a newcomer (CEFR A1–C2), where the school has it. */
  dutch_level: DutchLevel | null
  status: ColumnType<StudentStatus, StudentStatus | undefined, StudentStatus>
  created_at: CreatedAt
  updated_at: UpdatedAt
}
export type StudentRow = Selectable<StudentTable>
export type NewStudent = Insertable<StudentTable>
