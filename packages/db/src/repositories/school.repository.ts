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
