import { type Kysely, sql } from 'kysely'

// Frozen: never edit after it has run anywhere; add a new migration instead.

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('student')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('birth_date', 'date', (c) => c.notNull())
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programme.id'))
    .addColumn('grade', 'smallint', (c) => c.notNull().check(sql`grade between 1 and 3`))
    .addColumn('class', 'text')
    .addColumn('home_postcode', 'varchar(4)', (c) => c.notNull().references('postcode.postcode'))
    .addColumn('competences', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('interests', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('wishes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('available_from', 'date', (c) => c.notNull())
    .addColumn('available_to', 'date', (c) => c.notNull())
    .addColumn('max_travel_km', 'double precision', (c) => c.notNull().check(sql`max_travel_km >= 0`))
    .addColumn('seeks', 'text', (c) => c.notNull().check(sql`seeks in ('internship', 'dual', 'job')`))
    .addColumn('work_readiness', 'text', (c) =>
      c.notNull().defaultTo('ready').check(sql`work_readiness in ('ready', 'willing-not-ready')`),
    )
    .addColumn('needs_inclusive', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('priority', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('driving_licence', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('first_two_years_done', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(sql`status in ('open', 'placed', 'withdrawn')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('student_school_external_id_key', ['school_id', 'external_id'])
    .addCheckConstraint('student_availability_order', sql`available_to >= available_from`)
    .execute()

  await db.schema.createIndex('student_status_idx').on('student').column('status').execute()
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('student').execute()
}
