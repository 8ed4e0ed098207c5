import { type Kysely, sql } from 'kysely'

// Frozen: never edit after it has run anywhere; add a new migration instead.

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('company')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kbo_number', 'char(10)', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('contact_email', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // KBO check digits: 97 - (first 8 digits mod 97) = last 2. CASE keeps the casts behind the regex.
    .addCheckConstraint(
      'company_kbo_number_check',
      sql`case when kbo_number ~ '^[0-9]{10}$'
        then 97 - (substring(kbo_number from 1 for 8)::bigint % 97) = substring(kbo_number from 9 for 2)::int
        else false end`,
    )
    .execute()

  await db.schema
    .createTable('place')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('company_id', 'uuid', (c) => c.notNull().references('company.id'))
    .addColumn('establishment_postcode', 'varchar(4)', (c) => c.notNull().references('postcode.postcode'))
    .addColumn('establishment_number', 'char(10)')
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('internship', 'dual', 'job', 'aanloopfase')`),
    )
    .addColumn('foreign', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('programmes', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('competences', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity >= 0`))
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('period_end', 'date', (c) => c.notNull())
    .addColumn('hours_start', 'text', (c) =>
      c.notNull().check(sql`hours_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    )
    .addColumn('hours_end', 'text', (c) =>
      c.notNull().check(sql`hours_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    )
    .addColumn('shift_work', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('recognitions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('mentor', 'jsonb')
    .addColumn('minimum_age', 'smallint', (c) => c.notNull().defaultTo(0).check(sql`minimum_age >= 0`))
    .addColumn('needs_driving_licence', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('inclusive', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('preferred_students', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(sql`status in ('open', 'closed')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('place_period_order', sql`period_end >= period_start`)
    .execute()

  await db.schema.createIndex('place_company_idx').on('place').column('company_id').execute()
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('place').execute()
  await db.schema.dropTable('company').execute()
}
