import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database } from '../schema/database.js'

export interface CompanyInput {
  /** 10 digits, no dots; the database rejects a wrong check number. */
  readonly kboNumber: string
  readonly name: string
  readonly contactName?: string | null
  readonly contactEmail?: string | null
  readonly contactPhone?: string | null
}

/** Creates or updates a company by its KBO number; returns the company id. */
export async function upsertCompany(
  db: Kysely<Database> | Transaction<Database>,
  company: CompanyInput,
): Promise<string> {
  const row = await db
    .insertInto('company')
    .values({
      kbo_number: company.kboNumber,
      name: company.name,
      contact_name: company.contactName ?? null,
      contact_email: company.contactEmail ?? null,
      contact_phone: company.contactPhone ?? null,
    })
    .onConflict((oc) =>
      oc.column('kbo_number').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        contact_name: eb.ref('excluded.contact_name'),
        contact_email: eb.ref('excluded.contact_email'),
        contact_phone: eb.ref('excluded.contact_phone'),
        updated_at: sql`now()`,
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}
