import type { Proposal, Reason } from '@stagebrug/matching-core'
import type { Kysely } from 'kysely'
import type { Database } from '../schema/database.js'
import type { OutcomeStatus } from '../schema/match-outcome.table.js'
import { chunks } from './batch.js'
import { insertProposals } from './proposal.repository.js'

export interface OutcomeInput {
  readonly student: string
  readonly status: OutcomeStatus
  readonly place: string | null
  readonly unmatchedCode: string | null
  readonly unmatchedReason: string | null
}

export interface PartWrite {
  readonly proposals: readonly (Proposal & { readonly reasons: readonly Reason[] })[]
  readonly outcomes: readonly OutcomeInput[]
}

/**
 * Stores one part of a run — its proposals and every student's outcome — in one transaction,
 * exactly once: the part's row is inserted first, so a retry (or a second worker holding a
 * stalled job) finds it and writes nothing. Returns whether this call wrote the part.
 */
export async function savePart(
  db: Kysely<Database>,
  runId: string,
  part: number,
  write: PartWrite,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('match_run_part')
      .values({ run_id: runId, part, students: write.outcomes.length, proposals: write.proposals.length })
      .onConflict((oc) => oc.columns(['run_id', 'part']).doNothing())
      .returning('part')
      .executeTakeFirst()
    if (!claimed) return false
    await insertProposals(trx, runId, write.proposals)
    for (const batch of chunks(write.outcomes, 1000)) {
      await trx
        .insertInto('match_outcome')
        .values(
          batch.map((o) => ({
            run_id: runId,
            student_id: o.student,
            status: o.status,
            place_id: o.place,
            unmatched_code: o.unmatchedCode,
            unmatched_reason: o.unmatchedReason,
          })),
        )
        .execute()
    }
    return true
  })
}

/** The parts of a run that are stored. */
export async function storedParts(db: Kysely<Database>, runId: string): Promise<number[]> {
  const rows = await db.selectFrom('match_run_part').select('part').where('run_id', '=', runId).execute()
  return rows.map((r) => r.part).sort((a, b) => a - b)
}
