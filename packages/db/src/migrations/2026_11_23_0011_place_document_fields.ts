import { type Kysely, sql } from 'kysely'

// Frozen: never edit after it has run anywhere; add a new migration instead.

// What the outbound documents (issue 6) need from a place registration: the establishment's street
// address, the workstation, its activities, risks and protective measures as the company registered
// them (werkpostfiche, domain.md §9.6), health surveillance, and the mentor's name, function and
// e-mail (agreement, §9.3–9.4). All optional: NULL means "not registered", never "no". `risks` holds
// checklist codes (matching-core WORKPLACE_RISK_CODES); an empty array is an explicit "none".

const nonBlank = (column: string) => sql`btrim(${sql.ref(column)}) <> ''`

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('place')
    .addColumn('establishment_street', 'text', (c) => c.check(nonBlank('establishment_street')))
    .addColumn('establishment_house_number', 'text', (c) => c.check(nonBlank('establishment_house_number')))
    .addColumn('establishment_municipality', 'text', (c) => c.check(nonBlank('establishment_municipality')))
    .addColumn('workstation', 'text', (c) => c.check(nonBlank('workstation')))
    .addColumn('activities', 'text', (c) => c.check(nonBlank('activities')))
    .addColumn('risks', sql`text[]`)
    .addColumn('increased_risk', 'boolean')
    .addColumn('protective_measures', 'text', (c) => c.check(nonBlank('protective_measures')))
    .addColumn('health_surveillance', 'boolean')
    .addColumn('health_surveillance_type', 'text', (c) => c.check(nonBlank('health_surveillance_type')))
    .addColumn('mentor_name', 'text', (c) => c.check(nonBlank('mentor_name')))
    .addColumn('mentor_function', 'text', (c) => c.check(nonBlank('mentor_function')))
    .addColumn('mentor_email', 'text', (c) => c.check(nonBlank('mentor_email')))
    .execute()
  await db.schema
    .alterTable('place')
    .addCheckConstraint(
      'place_health_surveillance_type_needs_surveillance',
      sql`health_surveillance_type is null or health_surveillance is true`,
    )
    .execute()
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('place')
    .dropConstraint('place_health_surveillance_type_needs_surveillance')
    .execute()
  await db.schema
    .alterTable('place')
    .dropColumn('establishment_street')
    .dropColumn('establishment_house_number')
    .dropColumn('establishment_municipality')
    .dropColumn('workstation')
    .dropColumn('activities')
    .dropColumn('risks')
    .dropColumn('increased_risk')
    .dropColumn('protective_measures')
    .dropColumn('health_surveillance')
    .dropColumn('health_surveillance_type')
    .dropColumn('mentor_name')
    .dropColumn('mentor_function')
    .dropColumn('mentor_email')
    .execute()
}
