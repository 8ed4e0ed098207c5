import type { Kysely, Transaction } from 'kysely'
import { json } from '../schema/columns.js'
import type { Database } from '../schema/database.js'

/** Records a queued match run; returns its id. */
export async function createMatchRun(
  db: Kysely<Database> | Transaction<Database>,
  run: { readonly seed: number; readonly params?: Record<string, unknown> },
): Promise<string> {
  const row = await db
    .insertInto('match_run')
    .values({ seed: run.seed, params: json(run.params ?? {}), timings: json({}), counts: json({}) })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}
