import { type Kysely, sql } from 'kysely'

// Frozen: never edit after it has run anywhere; add a new migration instead.

// Issue 14 (part C): what the place registration carries through both doors.
// - Places abroad (Erasmus+): `country` (ISO 3166-1 alpha-2, never BE) and the foreign postcode as text;
//   such a place has no Belgian postcode, so `establishment_postcode` may be NULL, but only abroad.
// - A contact person for schools per place (name, phone, e-mail), shown to the school with a proposal.
// - The company's registered seat (maatschappelijke zetel), which the agreement names.
// - The pupil's opt-in for a place abroad (`abroad`), without which no place abroad is ever proposed.

const nonBlank = (column: string) => sql`btrim(${sql.ref(column)}) <> ''`

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('place')
    .addColumn('country', 'varchar(2)', (c) => c.check(sql`country ~ '^[A-Z]{2}$' and country <> 'BE'`))
    .addColumn('foreign_postcode', 'text', (c) => c.check(nonBlank('foreign_postcode')))
    .addColumn('contact_name', 'text', (c) => c.check(nonBlank('contact_name')))
    .addColumn('contact_email', 'text', (c) => c.check(nonBlank('contact_email')))
    .addColumn('contact_phone', 'text', (c) => c.check(nonBlank('contact_phone')))
    .execute()
  await db.schema
    .alterTable('place')
    .alterColumn('establishment_postcode', (c) => c.dropNotNull())
    .execute()
  // A Belgian place has a Belgian postcode; a place abroad has its country (and no Belgian postcode).
  await db.schema
    .alterTable('place')
    .addCheckConstraint(
      'place_belgian_or_abroad',
      sql`(country is null and establishment_postcode is not null) or (country is not null and "foreign" and establishment_postcode is null)`,
    )
    .execute()
  await db.schema
    .alterTable('company')
    .addColumn('seat_street', 'text', (c) => c.check(nonBlank('seat_street')))
    .addColumn('seat_house_number', 'text', (c) => c.check(nonBlank('seat_house_number')))
    .addColumn('seat_postcode', 'varchar(4)', (c) => c.references('postcode.postcode'))
    .addColumn('seat_municipality', 'text', (c) => c.check(nonBlank('seat_municipality')))
    .execute()
  await db.schema
    .alterTable('student')
    .addColumn('abroad', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute()
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('student').dropColumn('abroad').execute()
  await db.schema
    .alterTable('company')
    .dropColumn('seat_street')
    .dropColumn('seat_house_number')
    .dropColumn('seat_postcode')
    .dropColumn('seat_municipality')
    .execute()
  await db.schema.alterTable('place').dropConstraint('place_belgian_or_abroad').execute()
  await db.deleteFrom('place').where('establishment_postcode', 'is', null).execute()
  await db.schema
    .alterTable('place')
    .alterColumn('establishment_postcode', (c) => c.setNotNull())
    .execute()
  await db.schema
    .alterTable('place')
    .dropColumn('country')
    .dropColumn('foreign_postcode')
    .dropColumn('contact_name')
    .dropColumn('contact_email')
    .dropColumn('contact_phone')
    .execute()
}
