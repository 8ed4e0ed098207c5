import type { Kysely } from 'kysely'

// Frozen: never edit after it has run anywhere; add a new migration instead.

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('programme')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('grade', 'smallint')
    .addColumn('duaal', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('base_programme_id', 'integer', (c) => c.references('programme.id'))
    .execute()

  await db.schema
    .createTable('competence')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('postcode')
    .addColumn('postcode', 'varchar(4)', (c) => c.primaryKey())
    .addColumn('municipality', 'text')
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('arrondissement', 'text', (c) => c.notNull())
    .execute()
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('postcode').execute()
  await db.schema.dropTable('competence').execute()
  await db.schema.dropTable('programme').execute()
}
