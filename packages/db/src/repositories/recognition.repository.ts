import type { Recognition } from '@stagebrug/matching-core'
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely'
import type { Database } from '../schema/database.js'
import type { RecognitionSource, RecognitionStatus } from '../schema/recognition.table.js'
import { chunks } from './batch.js'

/** One recognition as a company or school declares it; the key is company × establishment × programme. */
export interface RecognitionInput {
  readonly companyId: string
  /** Vestigingseenheidsnummer, 10 digits, already validated. */
  readonly establishmentNumber: string
  readonly programmeId: number
  readonly reference: string | null
  readonly validFrom: string
  readonly validUntil: string
  readonly status: RecognitionStatus
  readonly source: RecognitionSource
}

export interface UpsertRecognitionsCounts {
  readonly created: number
  readonly updated: number
  readonly unchanged: number
}

type Db = Kysely<Database> | Transaction<Database>

/**
 * Creates or updates recognitions by (company, establishment, programme) in batched statements: a
 * row whose reference, validity, status and source are the same is not written, so re-uploading a
 * file changes nothing. The last entry of a key wins. Returns the counts.
 */
export async function upsertRecognitions(
  db: Db,
  inputs: readonly RecognitionInput[],
): Promise<UpsertRecognitionsCounts> {
  const byKey = new Map<string, RecognitionInput>()
  for (const r of inputs) byKey.set(`${r.companyId}|${r.establishmentNumber}|${r.programmeId}`, r)
  let created = 0
  let updated = 0
  for (const batch of chunks([...byKey.values()], 1000)) {
    const rows = await db
      .insertInto('recognition')
      .values(
        batch.map((r) => ({
          company_id: r.companyId,
          establishment_number: r.establishmentNumber,
          programme_id: r.programmeId,
          reference: r.reference,
          valid_from: r.validFrom,
          valid_until: r.validUntil,
          status: r.status,
          source: r.source,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['company_id', 'establishment_number', 'programme_id'])
          .doUpdateSet((eb) => ({
            reference: eb.ref('excluded.reference'),
            valid_from: eb.ref('excluded.valid_from'),
            valid_until: eb.ref('excluded.valid_until'),
            status: eb.ref('excluded.status'),
            source: eb.ref('excluded.source'),
            updated_at: sql`now()`,
          }))
          .where(
            sql<boolean>`(recognition.reference, recognition.valid_from, recognition.valid_until, recognition.status, recognition.source)
              is distinct from (excluded.reference, excluded.valid_from, excluded.valid_until, excluded.status, excluded.source)`,
          ),
      )
      // xmax = 0: the row was inserted, not updated (PostgreSQL's documented upsert tell).
      .returning(sql<boolean>`xmax = 0`.as('inserted'))
      .execute()
    for (const r of rows) if (r.inserted) created++
    updated += rows.filter((r) => !r.inserted).length
  }
  return { created, updated, unchanged: byKey.size - created - updated }
}

/**
 * The `erkend` recognitions of a place's own establishment (its company × establishment_number) as a
 * jsonb array of the core's `Recognition`, `[]` when the place has no establishment number. Every
 * reader of a place's recognitions selects this, so they live in one place: the recognition table.
 * @example db.selectFrom('place as pl').select(recognitionsOfPlace('pl').as('recognitions'))
 */
export function recognitionsOfPlace(place: string): RawBuilder<Recognition[]> {
  const company = sql.ref(`${place}.company_id`)
  const establishment = sql.ref(`${place}.establishment_number`)
  return sql<Recognition[]>`coalesce((
    select jsonb_agg(jsonb_build_object(
             'programme', r.programme_id,
             'validFrom', to_char(r.valid_from, 'YYYY-MM-DD'),
             'validTo', to_char(r.valid_until, 'YYYY-MM-DD'))
           order by r.programme_id, r.valid_from)
    from recognition r
    where r.company_id = ${company} and r.establishment_number = ${establishment} and r.status = 'erkend'
  ), '[]'::jsonb)`
}
