import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database } from '../schema/database.js'
import { chunks } from './batch.js'

export interface CompanyInput {
  /** 10 digits, no dots; the database rejects a wrong check number. */
  readonly kboNumber: string
  readonly name: string
  readonly contactName?: string | null
  readonly contactEmail?: string | null
  readonly contactPhone?: string | null
  /** The registered seat (maatschappelijke zetel); absent = leave what is stored. */
  readonly seat?: CompanySeat | null
}

/** The company's registered seat (maatschappelijke zetel), as the agreement names it. */
export interface CompanySeat {
  readonly street: string | null
  readonly houseNumber: string | null
  /** A Belgian postcode (the seat of a KBO-registered enterprise). */
  readonly postcode: string | null
  readonly municipality: string | null
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
      ...seatRow(company.seat),
    })
    .onConflict((oc) =>
      oc.column('kbo_number').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        contact_name: eb.ref('excluded.contact_name'),
        contact_email: eb.ref('excluded.contact_email'),
        contact_phone: eb.ref('excluded.contact_phone'),
        ...keepSeatUnlessGiven(),
        updated_at: sql`now()`,
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * Creates or updates companies by KBO number in batched statements; the first entry of a KBO number
 * counts, and a company whose name and contacts are unchanged is not written at all. Returns the
 * company id per KBO number.
 */
export async function upsertCompanies(
  db: Kysely<Database> | Transaction<Database>,
  companies: readonly CompanyInput[],
): Promise<Map<string, string>> {
  const firsts = new Map<string, ReturnType<typeof companyInputToRow>>()
  for (const c of companies) if (!firsts.has(c.kboNumber)) firsts.set(c.kboNumber, companyInputToRow(c))
  const rows = [...firsts.values()]
  const ids = new Map<string, string>()
  for (const batch of chunks(rows, 1000)) {
    const existing = await db
      .selectFrom('company')
      .select(['id', 'kbo_number', 'name', 'contact_name', 'contact_email', 'contact_phone', ...SEAT_COLUMNS])
      .where(
        'kbo_number',
        'in',
        batch.map((r) => r.kbo_number),
      )
      .execute()
    const byKbo = new Map(existing.map((r) => [r.kbo_number, r]))
    const writes = batch.filter((r) => {
      const current = byKbo.get(r.kbo_number)
      if (current === undefined) return true
      ids.set(r.kbo_number, current.id)
      return (
        CONTACT_COLUMNS.some((c) => current[c] !== r[c]) ||
        SEAT_COLUMNS.some((c) => r[c] !== null && current[c] !== r[c])
      )
    })
    if (writes.length === 0) continue
    const written = await db
      .insertInto('company')
      .values(writes)
      .onConflict((oc) =>
        oc.column('kbo_number').doUpdateSet({
          ...Object.fromEntries(CONTACT_COLUMNS.map((c) => [c, sql.ref(`excluded.${c}`)])),
          ...keepSeatUnlessGiven(),
          updated_at: sql`now()`,
        }),
      )
      .returning(['id', 'kbo_number'])
      .execute()
    for (const r of written) ids.set(r.kbo_number, r.id)
  }
  return ids
}

const CONTACT_COLUMNS = ['name', 'contact_name', 'contact_email', 'contact_phone'] as const

function companyInputToRow(c: CompanyInput) {
  return {
    kbo_number: c.kboNumber,
    name: c.name,
    contact_name: c.contactName ?? null,
    contact_email: c.contactEmail ?? null,
    contact_phone: c.contactPhone ?? null,
    ...seatRow(c.seat),
  }
}

const SEAT_COLUMNS = ['seat_street', 'seat_house_number', 'seat_postcode', 'seat_municipality'] as const

function seatRow(seat: CompanySeat | null | undefined) {
  return {
    seat_street: seat?.street ?? null,
    seat_house_number: seat?.houseNumber ?? null,
    seat_postcode: seat?.postcode ?? null,
    seat_municipality: seat?.municipality ?? null,
  }
}

// A file or request without the seat leaves the stored one: a blank seat cell never erases it.
function keepSeatUnlessGiven() {
  return Object.fromEntries(
    SEAT_COLUMNS.map((c) => [c, sql`coalesce(${sql.ref(`excluded.${c}`)}, ${sql.ref(`company.${c}`)})`]),
  )
}
