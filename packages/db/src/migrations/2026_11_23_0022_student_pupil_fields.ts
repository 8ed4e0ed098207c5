import { type Kysely, sql } from 'kysely'

// Frozen: never edit after it has run anywhere; add a new migration instead.
// Issue 15: what the placement list now carries for a rule or a document. The address and the
// parents/guardian are for the agreement only; they go with the row when a pupil is purged.

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('student')
    .addColumn('travel_from', 'text', (c) =>
      c.notNull().defaultTo('home').check(sql`travel_from in ('home', 'school')`),
    )
    .addColumn('street', 'text')
    .addColumn('house_number', 'text')
    .addColumn('box', 'text')
    .addColumn('municipality', 'text')
    .addColumn('guardian_name', 'text')
    .addColumn('guardian_phone', 'text')
    .addColumn('guardian_email', 'text')
    .addColumn('dutch_level', 'text', (c) =>
      c.check(sql`dutch_level in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')`),
    )
    .execute()
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('student')
    .dropColumn('travel_from')
    .dropColumn('street')
    .dropColumn('house_number')
    .dropColumn('box')
    .dropColumn('municipality')
    .dropColumn('guardian_name')
    .dropColumn('guardian_phone')
    .dropColumn('guardian_email')
    .dropColumn('dutch_level')
    .execute()
}
