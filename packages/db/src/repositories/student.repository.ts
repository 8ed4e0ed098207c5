import type { Seeks, TravelFrom, Wish, WorkReadiness } from '@stagebrug/matching-core'
import { sql, type Transaction } from 'kysely'
import { json } from '../schema/columns.js'
import type { Database } from '../schema/database.js'
import type { DutchLevel, StudentRow } from '../schema/student.table.js'
import { chunks } from './batch.js'

/** One student as a school uploads it (already validated and resolved to ids). */
export interface StudentInput {
  readonly externalId: string
  readonly firstName: string
  readonly lastName: string
  readonly email?: string | null
  readonly birthDate: string
  readonly programmeId: number
  readonly grade: number
  readonly class?: string | null
  readonly homePostcode: string
  readonly competences?: readonly number[]
  readonly interests?: readonly number[]
  readonly wishes?: readonly Wish[]
  readonly availability: { readonly start: string; readonly end: string }
  readonly maxTravelKm: number
  readonly seeks: Seeks
  readonly workReadiness?: WorkReadiness
  readonly needsInclusive?: boolean
  /** Opted in for a place abroad (Erasmus+). */
  readonly abroad?: boolean
  readonly priority?: boolean
  readonly drivingLicence?: boolean
  readonly firstTwoYearsDone?: boolean
  /** Where the maximum travel distance counts from (default home). */
  readonly travelFrom?: TravelFrom
  /** The pupil's address, for the agreement only. */
  readonly address?: StudentAddress | null
  /** Parent or guardian of a minor, for the agreement only. */
  readonly guardian?: StudentGuardian | null
  readonly dutchLevel?: DutchLevel | null
}

export interface StudentAddress {
  readonly street: string | null
  readonly houseNumber: string | null
  readonly box: string | null
  readonly municipality: string | null
}

export interface StudentGuardian {
  readonly name: string | null
  readonly phone: string | null
  readonly email: string | null
}

export interface UpsertStudentsCounts {
  readonly created: number
  readonly updated: number
  readonly unchanged: number
  readonly withdrawn: number
}

/** The columns an upload owns, with defaults filled in: what we compare and what we write. */
function uploadedFields(s: StudentInput) {
  return {
    external_id: s.externalId,
    first_name: s.firstName,
    last_name: s.lastName,
    email: s.email ?? null,
    birth_date: s.birthDate,
    programme_id: s.programmeId,
    grade: s.grade,
    class: s.class ?? null,
    home_postcode: s.homePostcode,
    competences: [...(s.competences ?? [])],
    interests: [...(s.interests ?? [])],
    wishes: [...(s.wishes ?? [])],
    available_from: s.availability.start,
    available_to: s.availability.end,
    max_travel_km: s.maxTravelKm,
    seeks: s.seeks,
    work_readiness: s.workReadiness ?? 'ready',
    needs_inclusive: s.needsInclusive ?? false,
    abroad: s.abroad ?? false,
    priority: s.priority ?? false,
    driving_licence: s.drivingLicence ?? false,
    first_two_years_done: s.firstTwoYearsDone ?? false,
    travel_from: s.travelFrom ?? 'home',
    street: s.address?.street ?? null,
    house_number: s.address?.houseNumber ?? null,
    box: s.address?.box ?? null,
    municipality: s.address?.municipality ?? null,
    guardian_name: s.guardian?.name ?? null,
    guardian_phone: s.guardian?.phone ?? null,
    guardian_email: s.guardian?.email ?? null,
    dutch_level: s.dutchLevel ?? null,
  }
}
type UploadedFields = ReturnType<typeof uploadedFields>

// jsonb does not keep key order, so compare with sorted keys
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}

function isUnchanged(row: StudentRow, fields: UploadedFields): boolean {
  if (row.status === 'withdrawn') return false
  return (Object.keys(fields) as (keyof UploadedFields)[]).every(
    (k) => canonical(row[k]) === canonical(fields[k]),
  )
}

/**
 * Applies a school's full student list: new students are created, changed ones updated (a withdrawn
 * student who is listed again reopens), and students of the school missing from the list become
 * 'withdrawn' (never deleted) — only those of a track (seeks) the list holds: a list replaces its tracks.
 * Needs the caller's transaction: on any failing row nothing is written.
 */
export async function upsertStudents(
  trx: Transaction<Database>,
  schoolId: string,
  rows: readonly StudentInput[],
): Promise<UpsertStudentsCounts> {
  const incoming = new Map<string, UploadedFields>()
  for (const row of rows) {
    if (incoming.has(row.externalId))
      throw new Error(`upsertStudents: duplicate external id ${row.externalId}`)
    incoming.set(row.externalId, uploadedFields(row))
  }

  const existing = await trx
    .selectFrom('student')
    .selectAll()
    .where('school_id', '=', schoolId)
    // NO KEY UPDATE, not UPDATE: it still serialises two uploads of the same tenant, but does not
    // block the foreign-key checks (KEY SHARE) of a night storing proposals — FOR UPDATE did, and deadlocked.
    .forNoKeyUpdate()
    .execute()
  const byExternalId = new Map(existing.map((r) => [r.external_id, r]))

  let created = 0
  let updated = 0
  const writes: UploadedFields[] = []
  for (const [externalId, fields] of incoming) {
    const current = byExternalId.get(externalId)
    if (current === undefined) created++
    else if (isUnchanged(current, fields)) continue
    else updated++
    writes.push(fields)
  }

  const columns = writes[0] === undefined ? [] : Object.keys(writes[0])
  for (const batch of chunks(writes, 250)) {
    await trx
      .insertInto('student')
      .values(batch.map((f) => ({ ...f, school_id: schoolId, wishes: json(f.wishes) })))
      .onConflict((oc) =>
        oc.columns(['school_id', 'external_id']).doUpdateSet({
          // The conflict key is not set again: naming a unique column in the update makes it a key
          // update, which waits for a night's foreign-key checks (KEY SHARE) like FOR UPDATE would.
          ...Object.fromEntries(
            columns.filter((c) => c !== 'external_id').map((c) => [c, sql.ref(`excluded.${c}`)]),
          ),
          status: sql`case when student.status = 'withdrawn' then 'open' else student.status end`,
          updated_at: sql`now()`,
        }),
      )
      .execute()
  }

  // A list replaces only the tracks it holds (issue 15): next year's internship list leaves the
  // school leavers seeking a job as they are, and a job-only list leaves the internship pupils.
  const tracks = new Set(rows.map((r) => r.seeks))
  const gone = existing
    .filter((r) => r.status !== 'withdrawn' && !incoming.has(r.external_id) && tracks.has(r.seeks))
    .map((r) => r.id)
  for (const batch of chunks(gone, 1000)) {
    await trx
      .updateTable('student')
      .set({ status: 'withdrawn', updated_at: sql`now()` })
      .where('id', 'in', batch)
      .execute()
  }

  return { created, updated, unchanged: incoming.size - created - updated, withdrawn: gone.length }
}
