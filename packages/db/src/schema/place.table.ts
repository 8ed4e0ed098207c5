import type { Mentor, PlaceCompetence, PlaceKind, Recognition } from '@stagebrug/matching-core'
import type { ColumnType, Insertable, Selectable } from 'kysely'
import type { CreatedAt, DateColumn, JsonColumn, UpdatedAt, Uuid } from './columns.js'

export type PlaceStatus = 'open' | 'closed'

export interface PlaceTable {
  id: Uuid
  company_id: string
  /** The company's own code for the place (`plaatscode`); unique per company when given. */
  external_id: string | null
  establishment_postcode: string
  /** Vestigingseenheidsnummer of the establishment, if known. */
  establishment_number: string | null
  kind: PlaceKind
  foreign: boolean
  programmes: number[]
  competences: JsonColumn<PlaceCompetence[]>
  capacity: number
  period_start: DateColumn
  period_end: DateColumn
  /** `HH:MM`. */
  hours_start: string
  hours_end: string
  shift_work: boolean
  recognitions: JsonColumn<Recognition[]>
  mentor: JsonColumn<Mentor | null>
  minimum_age: number
  needs_driving_licence: boolean
  inclusive: boolean
  sector: string
  /** Student ids the company prefers, most preferred first. */
  preferred_students: JsonColumn<string[]>
  status: ColumnType<PlaceStatus, PlaceStatus | undefined, PlaceStatus>
  created_at: CreatedAt
  updated_at: UpdatedAt
}
export type PlaceRow = Selectable<PlaceTable>
export type NewPlace = Insertable<PlaceTable>
