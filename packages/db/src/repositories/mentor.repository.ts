import type { Mentor } from '@stagebrug/matching-core'
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely'
import type { Database } from '../schema/database.js'
import type { MentorRow } from '../schema/mentor.table.js'
import { chunks } from './batch.js'

type Db = Kysely<Database> | Transaction<Database>

/**
 * One mentor as a company declares it. The key within the company is the e-mail (lower-cased), or
 * the name (case-insensitively) when there is no e-mail. A field left `undefined` is not touched
 * when the mentor exists (the place file only knows name, function and e-mail); `null` clears it.
 */
export interface MentorInput {
  readonly companyId: string
  readonly name: string
  readonly function?: string | null
  readonly email?: string | null
  readonly phone?: string | null
  readonly birthDate?: string | null
  readonly declaredAtLeast25?: boolean
  readonly ageWaiver23?: boolean
  readonly yearsExperience?: number | null
  readonly trainingCompleted?: boolean
  readonly trainingDeadline?: string | null
  /** The day the 596.2 extract was checked (the date only, never the document). */
  readonly extract5962CheckedOn?: string | null
}

export interface UpsertMentorsResult {
  readonly created: number
  readonly updated: number
  readonly unchanged: number
  /** The mentor id of each input, in input order. */
  readonly ids: readonly string[]
}

const FIELDS = {
  name: 'name',
  function: 'function',
  email: 'email',
  phone: 'phone',
  birthDate: 'birth_date',
  declaredAtLeast25: 'declared_at_least_25',
  ageWaiver23: 'age_waiver_23',
  yearsExperience: 'years_experience',
  trainingCompleted: 'training_completed',
  trainingDeadline: 'training_deadline',
  extract5962CheckedOn: 'extract_5962_checked_on',
} as const satisfies Record<Exclude<keyof MentorInput, 'companyId'>, keyof MentorRow>

/** The columns an input sets (undefined fields left out), e-mail lower-cased. */
function columnsOf(m: MentorInput): Partial<Record<(typeof FIELDS)[keyof typeof FIELDS], unknown>> {
  const out: Partial<Record<(typeof FIELDS)[keyof typeof FIELDS], unknown>> = {}
  for (const [field, column] of Object.entries(FIELDS) as [
    keyof typeof FIELDS,
    (typeof FIELDS)[keyof typeof FIELDS],
  ][]) {
    const v = m[field]
    if (v !== undefined) out[column] = field === 'email' && typeof v === 'string' ? v.trim().toLowerCase() : v
  }
  return out
}

const emailKey = (companyId: string, email: string) => `${companyId}|e|${email.trim().toLowerCase()}`
const nameKey = (companyId: string, name: string) => `${companyId}|n|${name.trim().toLowerCase()}`

/**
 * Creates or updates mentors by their key within the company, in the caller's transaction. A mentor
 * first registered by name only and now given with an e-mail is the same mentor (matched by name).
 * The last input of a key wins. Rows are locked (NO KEY UPDATE) so two uploads of one company queue.
 */
export async function upsertMentors(
  trx: Transaction<Database>,
  inputs: readonly MentorInput[],
): Promise<UpsertMentorsResult> {
  const companies = [...new Set(inputs.map((m) => m.companyId))]
  const byEmail = new Map<string, MentorRow>()
  const byName = new Map<string, MentorRow>()
  for (const batch of chunks(companies, 1000)) {
    const rows = await trx
      .selectFrom('mentor')
      .selectAll()
      .where('company_id', 'in', batch)
      .forNoKeyUpdate()
      .execute()
    for (const r of rows) {
      if (r.email != null) byEmail.set(emailKey(r.company_id, r.email), r)
      else if (r.name != null) byName.set(nameKey(r.company_id, r.name), r)
    }
  }
  const ids: string[] = []
  const seen = new Map<string, string>()
  const inserts = new Map<string, Record<string, unknown>>()
  let updated = 0
  let unchanged = 0
  for (const m of inputs) {
    const key = m.email ? emailKey(m.companyId, m.email) : nameKey(m.companyId, m.name)
    const cols = columnsOf(m)
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      // The last input of a key wins.
      const pending = inserts.get(earlier)
      if (pending) Object.assign(pending, cols)
      else
        await trx
          .updateTable('mentor')
          .set(cols as never)
          .where('id', '=', earlier)
          .execute()
      ids.push(earlier)
      continue
    }
    const current =
      byEmail.get(key) ?? byName.get(key) ?? (m.email ? byName.get(nameKey(m.companyId, m.name)) : undefined)
    if (current === undefined) {
      const id = globalThis.crypto.randomUUID()
      inserts.set(id, { id, company_id: m.companyId, ...cols })
      ids.push(id)
      seen.set(key, id)
      continue
    }
    const row = current as unknown as Record<string, unknown>
    if (Object.entries(cols).some(([c, v]) => row[c] !== v)) {
      await trx
        .updateTable('mentor')
        .set({ ...cols, updated_at: sql`now()` } as never)
        .where('id', '=', current.id)
        .execute()
      updated++
    } else unchanged++
    ids.push(current.id)
    seen.set(key, current.id)
  }
  for (const batch of chunks([...inserts.values()], 500)) {
    await trx
      .insertInto('mentor')
      .values(batch as never)
      .execute()
  }
  const created = inserts.size
  return { created, updated, unchanged, ids }
}

/** Makes `placeIds` exactly the places the mentor supervises (all of the mentor's company). */
export async function setMentorPlaces(
  trx: Transaction<Database>,
  companyId: string,
  mentorId: string,
  placeIds: readonly string[],
): Promise<void> {
  await trx.deleteFrom('place_mentor').where('mentor_id', '=', mentorId).execute()
  if (placeIds.length === 0) return
  await trx
    .insertInto('place_mentor')
    .values([...new Set(placeIds)].map((p) => ({ place_id: p, mentor_id: mentorId, company_id: companyId })))
    .execute()
}

/** Makes `mentorIds` exactly the mentors of the place (all of the place's company). */
export async function setPlaceMentors(
  trx: Transaction<Database>,
  companyId: string,
  placeId: string,
  mentorIds: readonly string[],
): Promise<void> {
  await trx.deleteFrom('place_mentor').where('place_id', '=', placeId).execute()
  if (mentorIds.length === 0) return
  await trx
    .insertInto('place_mentor')
    .values([...new Set(mentorIds)].map((m) => ({ place_id: placeId, mentor_id: m, company_id: companyId })))
    .execute()
}

/** Adds links (place, mentor) that are not there yet; existing links stay. */
export async function addPlaceMentors(
  trx: Transaction<Database>,
  links: readonly { readonly placeId: string; readonly mentorId: string; readonly companyId: string }[],
): Promise<void> {
  for (const batch of chunks(links, 1000)) {
    await trx
      .insertInto('place_mentor')
      .values(batch.map((l) => ({ place_id: l.placeId, mentor_id: l.mentorId, company_id: l.companyId })))
      .onConflict((oc) => oc.columns(['place_id', 'mentor_id']).doNothing())
      .execute()
  }
}

/** A mentor with the ids and plaatscodes of the places they supervise. */
export type MentorWithPlaces = MentorRow & {
  readonly places: readonly { readonly id: string; readonly externalId: string | null }[]
}

const placesOfMentor = (mentor: string) => sql<MentorWithPlaces['places']>`coalesce((
    select jsonb_agg(jsonb_build_object('id', p.id, 'externalId', p.external_id) order by p.external_id, p.id)
    from place_mentor pm join place p on p.id = pm.place_id
    where pm.mentor_id = ${sql.ref(`${mentor}.id`)}
  ), '[]'::jsonb)`

/** A company's mentors, by name, each with their places. */
export function listMentors(db: Db, companyId: string): Promise<MentorWithPlaces[]> {
  return db
    .selectFrom('mentor')
    .selectAll('mentor')
    .select(placesOfMentor('mentor').as('places'))
    .where('company_id', '=', companyId)
    .orderBy('name')
    .orderBy('id')
    .execute()
}

/** One mentor of the company with their places; undefined when the company has no such mentor. */
export function getMentor(db: Db, companyId: string, id: string): Promise<MentorWithPlaces | undefined> {
  return db
    .selectFrom('mentor')
    .selectAll('mentor')
    .select(placesOfMentor('mentor').as('places'))
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** Updates the given fields of one mentor of the company; false when it has none with that id. */
export async function updateMentor(
  trx: Transaction<Database>,
  companyId: string,
  id: string,
  patch: Partial<Omit<MentorInput, 'companyId'>>,
): Promise<boolean> {
  const cols = columnsOf({ companyId, name: '', ...patch })
  if (patch.name === undefined) delete cols.name
  const done = await trx
    .updateTable('mentor')
    .set({ ...cols, updated_at: sql`now()` } as never)
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst()
  return done.numUpdatedRows > 0n
}

/** Deletes one mentor of the company with their links; false when it has none with that id. */
export async function deleteMentor(db: Db, companyId: string, id: string): Promise<boolean> {
  const done = await db
    .deleteFrom('mentor')
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst()
  return done.numDeletedRows > 0n
}

/**
 * The mentors of a place as a jsonb array of the core's `Mentor`, `[]` when it has none. Every
 * reader of a place's mentors for the rules (the night's snapshot, the figures) selects this.
 * @example db.selectFrom('place as pl').select(mentorsOfPlace('pl').as('mentors'))
 */
export function mentorsOfPlace(place: string): RawBuilder<Mentor[]> {
  return sql<Mentor[]>`coalesce((
    select jsonb_agg(jsonb_build_object(
             'birthDate', to_char(m.birth_date, 'YYYY-MM-DD'),
             'declaredAtLeast25', m.declared_at_least_25,
             'ageWaiver', m.age_waiver_23,
             'trainingCompleted', m.training_completed,
             'trainingDeadline', to_char(m.training_deadline, 'YYYY-MM-DD'))
           order by m.id)
    from place_mentor pm join mentor m on m.id = pm.mentor_id
    where pm.place_id = ${sql.ref(`${place}.id`)}
  ), '[]'::jsonb)`
}
