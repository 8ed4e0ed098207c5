import { type Kysely, sql } from 'kysely'

// Frozen: never edit after it has run anywhere; add a new migration instead.

// Issue 15 (part D): a school's own data, which the agreement's school block names.
// - Address (street, number, municipality; the postcode the school already has), the director or
//   delegate (name, function), the insurer and policy number (arbeidsongevallenpolis of the school).
// - Stagebegeleiders: a list of their own, not coordinators with a role. Coordinators
//   (trajectbegeleiders) receive the night's mails and are the company's contact; a stagebegeleider
//   is a teacher the agreement names, with a phone. Kept apart, adding one never changes who is mailed.
// - The programmes the school offers (for the regional directory), against the programme matrix.

const nonBlank = (column: string) => sql`btrim(${sql.ref(column)}) <> ''`

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('school')
    .addColumn('street', 'text', (c) => c.check(nonBlank('street')))
    .addColumn('house_number', 'text', (c) => c.check(nonBlank('house_number')))
    .addColumn('municipality', 'text', (c) => c.check(nonBlank('municipality')))
    .addColumn('director_name', 'text', (c) => c.check(nonBlank('director_name')))
    .addColumn('director_function', 'text', (c) => c.check(nonBlank('director_function')))
    .addColumn('insurer', 'text', (c) => c.check(nonBlank('insurer')))
    .addColumn('policy_number', 'text', (c) => c.check(nonBlank('policy_number')))
    .execute()

  await db.schema
    .createTable('school_supervisor')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id').onDelete('cascade'))
    /** Order in the school's list; the agreement names the first. */
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().check(nonBlank('name')))
    .addColumn('email', 'text', (c) => c.check(nonBlank('email')))
    .addColumn('phone', 'text', (c) => c.check(nonBlank('phone')))
    .addUniqueConstraint('school_supervisor_position_key', ['school_id', 'position'])
    .execute()

  await db.schema
    .createTable('school_programme')
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id').onDelete('cascade'))
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programme.id'))
    .addPrimaryKeyConstraint('school_programme_pkey', ['school_id', 'programme_id'])
    .execute()
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('school_programme').execute()
  await db.schema.dropTable('school_supervisor').execute()
  await db.schema
    .alterTable('school')
    .dropColumn('street')
    .dropColumn('house_number')
    .dropColumn('municipality')
    .dropColumn('director_name')
    .dropColumn('director_function')
    .dropColumn('insurer')
    .dropColumn('policy_number')
    .execute()
}
