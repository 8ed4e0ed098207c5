import type { PlaceCompetence, PlaceKind } from '@stagebrug/matching-core'
import type { ColumnType, Insertable, Selectable } from 'kysely'
import type { CreatedAt, DateColumn, JsonColumn, UpdatedAt, Uuid } from './columns.js'

export type PlaceStatus = 'open' | 'closed'

export interface PlaceTable {
  id: Uuid
  company_id: string
  /** The company's own code for the place (`plaatscode`); unique per company when given. */
  external_id: string | null
  /** NULL only for a place abroad (`country` set). */
  establishment_postcode: string | null
  /** Vestigingseenheidsnummer of the establishment, if known. */
  establishment_number: string | null
  establishment_street: string | null
  establishment_house_number: string | null
  /** As registered (a deelgemeente is fine); checked against the postcode at upload. */
  establishment_municipality: string | null
  kind: PlaceKind
  foreign: boolean
  /** ISO 3166-1 alpha-2 of a place abroad (Erasmus+), never BE; NULL for a place in Belgium (migration 0019). */
  country: string | null
  /** The postcode of a place abroad, as written. */
  foreign_postcode: string | null
  /** The contact person for schools at this place (migration 0019); shown to the school with a proposal. */
  contact_name: string | null
  contact_email: string | null
  contact_phone: string | null
  programmes: number[]
  competences: JsonColumn<PlaceCompetence[]>
  capacity: number
  period_start: DateColumn
  period_end: DateColumn
  /** `HH:MM`. */
  hours_start: string
  hours_end: string
  shift_work: boolean
  minimum_age: number
  needs_driving_licence: boolean
  inclusive: boolean
  sector: string
  // What the documents need, as the company registered it (migration 0011). NULL = not registered.
  /** Workstation name or job title (werkpost). */
  workstation: string | null
  /** The activities (activiteitenlijst), free text. */
  activities: string | null
  /** Risk checklist codes (`WorkplaceRiskCode`); an empty array is an explicit "none". */
  risks: string[] | null
  /** Tasks with increased risk (annex X.3-1 of the Codex). */
  increased_risk: boolean | null
  /** Prevention measures and personal protective equipment (PBM), free text. */
  protective_measures: string | null
  health_surveillance: boolean | null
  /** Only with `health_surveillance` true (check constraint). */
  health_surveillance_type: string | null
  /** Student ids the company prefers, most preferred first. */
  preferred_students: JsonColumn<string[]>
  status: ColumnType<PlaceStatus, PlaceStatus | undefined, PlaceStatus>
  created_at: CreatedAt
  updated_at: UpdatedAt
}
export type PlaceRow = Selectable<PlaceTable>
export type NewPlace = Insertable<PlaceTable>
