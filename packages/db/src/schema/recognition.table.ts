import type { Insertable, Selectable } from 'kysely'
import type { CreatedAt, DateColumn, UpdatedAt, Uuid } from './columns.js'

/** Only `erkend` counts for the recognition rule; `aangevraagd` is pending, `ingetrokken` withdrawn. */
export type RecognitionStatus = 'erkend' | 'aangevraagd' | 'ingetrokken'
/** Who declared the recognition: the company itself or a school on its behalf. */
export type RecognitionSource = 'company' | 'school'

/** An erkenning per company × vestigingseenheid × programme (migration 0017); unique on those three. */
export interface RecognitionTable {
  id: Uuid
  company_id: string
  /** Vestigingseenheidsnummer, 10 digits (check digits enforced by the database). */
  establishment_number: string
  programme_id: number
  /** Erkenningsnummer, when the company knows it. */
  reference: string | null
  valid_from: DateColumn
  /** Inclusive; five years minus a day after `valid_from` when the declaration left it empty. */
  valid_until: DateColumn
  status: RecognitionStatus
  source: RecognitionSource
  created_at: CreatedAt
  updated_at: UpdatedAt
}
export type RecognitionRow = Selectable<RecognitionTable>
export type NewRecognition = Insertable<RecognitionTable>
