import { type Kysely, sql } from 'kysely'

// Frozen: never edit after it has run anywhere; add a new migration instead.

// A company's own code for a place (the registration's `plaatscode`), so a re-uploaded registration
// updates its places instead of adding them again. NULLs stay distinct: places without a code are
// always new.

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('place')
    .addColumn('external_id', 'text', (c) => c.check(sql`btrim(external_id) <> ''`))
    .execute()
  await db.schema
    .createIndex('place_company_external_id_key')
    .on('place')
    .columns(['company_id', 'external_id'])
    .unique()
    .execute()
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('place_company_external_id_key').execute()
  await db.schema.alterTable('place').dropColumn('external_id').execute()
}
