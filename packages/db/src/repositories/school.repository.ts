import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database } from '../schema/database.js'

export interface SchoolInput {
  readonly name: string
  readonly instellingsnummer: string
  readonly postcode: string
  /** Name of the school group (scholengroep); created when new. */
  readonly group?: string | null
}

/** Creates or updates a school by its instellingsnummer (and its group by name); returns the school id. */
export async function upsertSchool(
  db: Kysely<Database> | Transaction<Database>,
  school: SchoolInput,
): Promise<string> {
  const groupId = school.group ? await upsertSchoolGroup(db, school.group) : null
  const row = await db
    .insertInto('school')
    .values({
      name: school.name,
      instellingsnummer: school.instellingsnummer,
      postcode: school.postcode,
      school_group_id: groupId,
    })
    .onConflict((oc) =>
      oc.column('instellingsnummer').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        postcode: eb.ref('excluded.postcode'),
        school_group_id: eb.ref('excluded.school_group_id'),
        updated_at: sql`now()`,
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Creates a school group by name if it does not exist; returns its id. */
export async function upsertSchoolGroup(
  db: Kysely<Database> | Transaction<Database>,
  name: string,
): Promise<string> {
  // DO UPDATE (a no-op) rather than DO NOTHING, so RETURNING also yields an existing row
  const row = await db
    .insertInto('school_group')
    .values({ name })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** A school's own data (issue 15): absent = unchanged, null = cleared; the lists replace the stored ones. */
export interface SchoolProfileInput {
  readonly street?: string | null | undefined
  readonly houseNumber?: string | null | undefined
  readonly municipality?: string | null | undefined
  readonly directorName?: string | null | undefined
  readonly directorFunction?: string | null | undefined
  readonly insurer?: string | null | undefined
  readonly policyNumber?: string | null | undefined
  readonly supervisors?:
    | readonly { name: string; email?: string | null | undefined; phone?: string | null | undefined }[]
    | undefined
  readonly programmes?: readonly number[] | undefined
}

/** A school's own data as stored, with its stagebegeleiders in order and its programmes by id. */
export interface SchoolProfile {
  readonly street: string | null
  readonly houseNumber: string | null
  readonly postcode: string
  readonly municipality: string | null
  readonly directorName: string | null
  readonly directorFunction: string | null
  readonly insurer: string | null
  readonly policyNumber: string | null
  readonly supervisors: { name: string; email: string | null; phone: string | null }[]
  readonly programmes: number[]
}

const PROFILE_COLUMNS = {
  street: 'street',
  houseNumber: 'house_number',
  municipality: 'municipality',
  directorName: 'director_name',
  directorFunction: 'director_function',
  insurer: 'insurer',
  policyNumber: 'policy_number',
} as const

/** Writes a school's own data in the caller's transaction (lists replaced whole when given). */
export async function saveSchoolProfile(
  trx: Transaction<Database>,
  schoolId: string,
  p: SchoolProfileInput,
): Promise<void> {
  const set: Record<string, string | null> = {}
  for (const [key, column] of Object.entries(PROFILE_COLUMNS)) {
    const value = p[key as keyof typeof PROFILE_COLUMNS]
    if (value !== undefined) set[column] = value
  }
  if (Object.keys(set).length > 0)
    await trx
      .updateTable('school')
      .set({ ...set, updated_at: sql`now()` })
      .where('id', '=', schoolId)
      .execute()
  if (p.supervisors !== undefined) {
    await trx.deleteFrom('school_supervisor').where('school_id', '=', schoolId).execute()
    if (p.supervisors.length > 0)
      await trx
        .insertInto('school_supervisor')
        .values(
          p.supervisors.map((s, position) => ({
            school_id: schoolId,
            position,
            name: s.name,
            email: s.email ?? null,
            phone: s.phone ?? null,
          })),
        )
        .execute()
  }
  if (p.programmes !== undefined) {
    await trx.deleteFrom('school_programme').where('school_id', '=', schoolId).execute()
    const ids = [...new Set(p.programmes)]
    if (ids.length > 0)
      await trx
        .insertInto('school_programme')
        .values(ids.map((programme_id) => ({ school_id: schoolId, programme_id })))
        .execute()
  }
}

/** A school's own data, or undefined when there is no such school. */
export async function loadSchoolProfile(
  db: Kysely<Database> | Transaction<Database>,
  schoolId: string,
): Promise<SchoolProfile | undefined> {
  const s = await db.selectFrom('school').selectAll().where('id', '=', schoolId).executeTakeFirst()
  if (!s) return undefined
  const supervisors = await db
    .selectFrom('school_supervisor')
    .select(['name', 'email', 'phone'])
    .where('school_id', '=', schoolId)
    .orderBy('position')
    .execute()
  const programmes = await db
    .selectFrom('school_programme')
    .select('programme_id')
    .where('school_id', '=', schoolId)
    .orderBy('programme_id')
    .execute()
  return {
    street: s.street,
    houseNumber: s.house_number,
    postcode: s.postcode,
    municipality: s.municipality,
    directorName: s.director_name,
    directorFunction: s.director_function,
    insurer: s.insurer,
    policyNumber: s.policy_number,
    supervisors,
    programmes: programmes.map((r) => r.programme_id),
  }
}
