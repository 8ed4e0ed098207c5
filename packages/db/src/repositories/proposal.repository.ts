import type { Proposal, Reason } from '@stagebrug/matching-core'
import type { Transaction } from 'kysely'
import { json } from '../schema/columns.js'
import type { Database } from '../schema/database.js'
import { chunks } from './batch.js'

/**
 * Stores a run's proposals in batched multi-row inserts. Idempotent on (run, student, place): a
 * retry inserts nothing twice. Returns how many rows were new.
 */
export async function insertProposals(
  trx: Transaction<Database>,
  runId: string,
  proposals: readonly (Proposal & { readonly reasons?: readonly Reason[] })[],
): Promise<number> {
  let inserted = 0
  for (const batch of chunks(proposals, 500)) {
    const result = await trx
      .insertInto('proposal')
      .values(
        batch.map((p) => ({
          run_id: runId,
          student_id: p.student,
          place_id: p.place,
          rank: p.rank,
          score: p.score,
          breakdown: json(p.breakdown),
          kind: p.kind,
          reasons: json<readonly Reason[]>(p.reasons ?? []),
        })),
      )
      .onConflict((oc) => oc.columns(['run_id', 'student_id', 'place_id']).doNothing())
      .executeTakeFirst()
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0n)
  }
  return inserted
}
