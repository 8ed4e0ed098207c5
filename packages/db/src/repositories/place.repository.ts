import type { Mentor, PlaceCompetence, PlaceKind, Recognition } from '@stagebrug/matching-core'
import type { Kysely, Transaction } from 'kysely'
import { json } from '../schema/columns.js'
import type { Database } from '../schema/database.js'
import type { NewPlace } from '../schema/place.table.js'
import { chunks } from './batch.js'

export interface PlaceInput {
  /** Generated when absent. */
  readonly id?: string
  readonly companyId: string
  readonly establishmentPostcode: string
  readonly establishmentNumber?: string | null
  readonly kind: PlaceKind
  readonly foreign?: boolean
  readonly programmes: readonly number[]
  readonly competences?: readonly PlaceCompetence[]
  readonly capacity: number
  readonly period: { readonly start: string; readonly end: string }
  readonly hours: { readonly start: string; readonly end: string; readonly shiftWork?: boolean }
  readonly recognitions?: readonly Recognition[]
  readonly mentor?: Mentor | null
  readonly minimumAge?: number
  readonly needsDrivingLicence?: boolean
  readonly inclusive?: boolean
  readonly sector: string
  readonly preferredStudents?: readonly string[]
}

function placeInputToRow(p: PlaceInput): NewPlace & { id: string } {
  return {
    id: p.id ?? globalThis.crypto.randomUUID(),
    company_id: p.companyId,
    establishment_postcode: p.establishmentPostcode,
    establishment_number: p.establishmentNumber ?? null,
    kind: p.kind,
    foreign: p.foreign ?? false,
    programmes: [...p.programmes],
    competences: json([...(p.competences ?? [])]),
    capacity: p.capacity,
    period_start: p.period.start,
    period_end: p.period.end,
    hours_start: p.hours.start,
    hours_end: p.hours.end,
    shift_work: p.hours.shiftWork ?? false,
    recognitions: json([...(p.recognitions ?? [])]),
    mentor: json(p.mentor ?? null),
    minimum_age: p.minimumAge ?? 0,
    needs_driving_licence: p.needsDrivingLicence ?? false,
    inclusive: p.inclusive ?? false,
    sector: p.sector,
    preferred_students: json([...(p.preferredStudents ?? [])]),
  }
}

/** Inserts places in batched multi-row inserts; returns their ids in input order. */
export async function insertPlaces(
  db: Kysely<Database> | Transaction<Database>,
  places: readonly PlaceInput[],
): Promise<string[]> {
  const rows = places.map(placeInputToRow)
  for (const batch of chunks(rows, 500)) await db.insertInto('place').values(batch).execute()
  return rows.map((r) => r.id)
}
