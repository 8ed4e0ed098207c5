import type { PlaceCompetence, PlaceKind, WorkplaceRiskCode } from '@stagebrug/matching-core'
import { type Kysely, sql, type Transaction } from 'kysely'
import { json } from '../schema/columns.js'
import type { Database } from '../schema/database.js'
import type { NewPlace, PlaceRow, PlaceTable } from '../schema/place.table.js'
import { chunks } from './batch.js'

export interface PlaceInput {
  /** Generated when absent. */
  readonly id?: string
  readonly companyId: string
  /** The company's own code for the place (`plaatscode`); the key of a re-upload. */
  readonly externalId?: string | null
  /** Null only for a place abroad (`country` set). */
  readonly establishmentPostcode: string | null
  readonly establishmentNumber?: string | null
  readonly kind: PlaceKind
  /** Set from `country` when that is given: a place abroad (Erasmus+). */
  readonly foreign?: boolean
  /** ISO 3166-1 alpha-2 of a place abroad, never BE; null or absent for a place in Belgium. */
  readonly country?: string | null
  /** The postcode of a place abroad, as written. */
  readonly foreignPostcode?: string | null
  /** The contact person for schools at this place. */
  readonly contactName?: string | null
  readonly contactEmail?: string | null
  readonly contactPhone?: string | null
  readonly programmes: readonly number[]
  readonly competences?: readonly PlaceCompetence[]
  readonly capacity: number
  readonly period: { readonly start: string; readonly end: string }
  readonly hours: { readonly start: string; readonly end: string; readonly shiftWork?: boolean }
  readonly minimumAge?: number
  readonly needsDrivingLicence?: boolean
  readonly inclusive?: boolean
  readonly sector: string
  readonly preferredStudents?: readonly string[]
  // What the documents need, as registered; absent or null = not registered.
  readonly establishmentStreet?: string | null
  readonly establishmentHouseNumber?: string | null
  readonly establishmentMunicipality?: string | null
  /** Workstation name or job title (werkpost). */
  readonly workstation?: string | null
  readonly activities?: string | null
  /** Risk checklist codes; an empty list is an explicit "none", null is "not registered". */
  readonly risks?: readonly WorkplaceRiskCode[] | null
  /** Tasks with increased risk (annex X.3-1). */
  readonly increasedRisk?: boolean | null
  /** Prevention measures and PBM. */
  readonly protectiveMeasures?: string | null
  readonly healthSurveillance?: boolean | null
  /** Only when `healthSurveillance` is true. */
  readonly healthSurveillanceType?: string | null
}

function placeInputToRow(p: PlaceInput): NewPlace & { id: string } {
  return {
    id: p.id ?? globalThis.crypto.randomUUID(),
    company_id: p.companyId,
    external_id: p.externalId ?? null,
    establishment_postcode: p.establishmentPostcode,
    establishment_number: p.establishmentNumber ?? null,
    kind: p.kind,
    foreign: p.country != null || (p.foreign ?? false),
    country: p.country ?? null,
    foreign_postcode: p.foreignPostcode ?? null,
    contact_name: p.contactName ?? null,
    contact_email: p.contactEmail ?? null,
    contact_phone: p.contactPhone ?? null,
    programmes: [...p.programmes],
    competences: json([...(p.competences ?? [])]),
    capacity: p.capacity,
    period_start: p.period.start,
    period_end: p.period.end,
    hours_start: p.hours.start,
    hours_end: p.hours.end,
    shift_work: p.hours.shiftWork ?? false,
    minimum_age: p.minimumAge ?? 0,
    needs_driving_licence: p.needsDrivingLicence ?? false,
    inclusive: p.inclusive ?? false,
    sector: p.sector,
    preferred_students: json([...(p.preferredStudents ?? [])]),
    establishment_street: p.establishmentStreet ?? null,
    establishment_house_number: p.establishmentHouseNumber ?? null,
    establishment_municipality: p.establishmentMunicipality ?? null,
    workstation: p.workstation ?? null,
    activities: p.activities ?? null,
    risks: p.risks == null ? null : [...p.risks],
    increased_risk: p.increasedRisk ?? null,
    protective_measures: p.protectiveMeasures ?? null,
    health_surveillance: p.healthSurveillance ?? null,
    health_surveillance_type: p.healthSurveillanceType ?? null,
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

export interface UpsertPlacesCounts {
  readonly created: number
  readonly updated: number
  readonly unchanged: number
}

/** The columns a place registration owns: what a re-upload compares and overwrites. */
const REGISTERED_COLUMNS = [
  'establishment_postcode',
  'establishment_number',
  'kind',
  'programmes',
  'competences',
  'capacity',
  'period_start',
  'period_end',
  'hours_start',
  'hours_end',
  'shift_work',
  'minimum_age',
  'needs_driving_licence',
  'inclusive',
  'sector',
  'establishment_street',
  'establishment_house_number',
  'establishment_municipality',
  'workstation',
  'activities',
  'risks',
  'increased_risk',
  'protective_measures',
  'health_surveillance',
  'health_surveillance_type',
  'foreign',
  'country',
  'foreign_postcode',
  'contact_name',
  'contact_email',
  'contact_phone',
] as const satisfies readonly (keyof PlaceTable)[]
type RegisteredColumn = (typeof REGISTERED_COLUMNS)[number]

/** A registered column's value as a row read back from the database would hold it. */
function registeredValue(row: ReturnType<typeof placeInputToRow>, column: RegisteredColumn): unknown {
  const value = row[column]
  return column === 'competences' ? JSON.parse(value as string) : value
}

// jsonb does not keep key order, so compare with sorted keys
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}

/**
 * Applies a place registration: a place with an external id (the company's `plaatscode`) that the
 * company already has is updated when a registered column changed and left alone otherwise; every
 * other place is created. Recognitions, mentors (tables of their own), preferred students and `status` are never
 * touched by a re-upload, and places missing from the list stay as they are (closing is an explicit
 * act). Needs the caller's transaction; returns the place ids in input order.
 */
export async function upsertPlaces(
  trx: Transaction<Database>,
  places: readonly PlaceInput[],
): Promise<UpsertPlacesCounts & { ids: string[] }> {
  const keyOf = (companyId: string, externalId: string) => `${companyId}\u0000${externalId}`
  const keys = new Set<string>()
  for (const p of places) {
    if (p.externalId == null) continue
    const key = keyOf(p.companyId, p.externalId)
    if (keys.has(key)) throw new Error(`upsertPlaces: duplicate external id ${p.externalId}`)
    keys.add(key)
  }

  const companies = [...new Set(places.filter((p) => p.externalId != null).map((p) => p.companyId))]
  const existing = new Map<string, Pick<PlaceRow, 'id' | RegisteredColumn>>()
  for (const batch of chunks(companies, 1000)) {
    const rows = await trx
      .selectFrom('place')
      .select(['id', 'company_id', 'external_id', ...REGISTERED_COLUMNS])
      .where('company_id', 'in', batch)
      .where('external_id', 'is not', null)
      // NO KEY UPDATE, not UPDATE: it still serialises two uploads of the same tenant, but does not
      // block the foreign-key checks (KEY SHARE) of a night storing proposals — FOR UPDATE did, and deadlocked.
      .forNoKeyUpdate()
      .execute()
    for (const r of rows) existing.set(keyOf(r.company_id, r.external_id!), r)
  }

  let created = 0
  let updated = 0
  const ids: string[] = []
  const writes: NewPlace[] = []
  for (const p of places) {
    const current = p.externalId == null ? undefined : existing.get(keyOf(p.companyId, p.externalId))
    const row = placeInputToRow(p)
    if (current === undefined) {
      created++
      ids.push(row.id)
      writes.push(row)
      continue
    }
    ids.push(current.id)
    if (REGISTERED_COLUMNS.every((c) => canonical(current[c]) === canonical(registeredValue(row, c))))
      continue
    updated++
    writes.push(row)
  }

  for (const batch of chunks(writes, 500)) {
    await trx
      .insertInto('place')
      .values(batch)
      .onConflict((oc) =>
        oc.columns(['company_id', 'external_id']).doUpdateSet({
          ...Object.fromEntries(REGISTERED_COLUMNS.map((c) => [c, sql.ref(`excluded.${c}`)])),
          updated_at: sql`now()`,
        }),
      )
      .execute()
  }
  return { created, updated, unchanged: places.length - created - updated, ids }
}
