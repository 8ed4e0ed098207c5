import type { Database } from '@stagebrug/db'
import { json } from '@stagebrug/db'
import type { Kysely } from 'kysely'

/**
 * Makes every (student, open place) pair of a run a proposal, so suites can pick independent
 * proposals to change: copies the breakdown of an existing proposal, ranks from 10 on.
 */
export async function proposeEveryPair(db: Kysely<Database>, runId: string): Promise<void> {
  const sample = await db
    .selectFrom('proposal')
    .select(['breakdown', 'score'])
    .where('run_id', '=', runId)
    .executeTakeFirstOrThrow()
  const students = await db.selectFrom('student').select('id').orderBy('external_id').execute()
  const places = await db
    .selectFrom('place')
    .select('id')
    .where('status', '=', 'open')
    .orderBy('external_id')
    .execute()
  let rank = 10
  await db
    .insertInto('proposal')
    .values(
      students.flatMap((s) =>
        places.map((p) => ({
          run_id: runId,
          student_id: s.id,
          place_id: p.id,
          rank: rank++,
          score: sample.score,
          breakdown: json(sample.breakdown),
          kind: 'alternative' as const,
          reasons: json([{ code: 'programme_exact' as const, text: 'zelfde studierichting' }]),
        })),
      ),
    )
    .onConflict((oc) => oc.columns(['run_id', 'student_id', 'place_id']).doNothing())
    .execute()
}

/** The proposal of a run for a (student, place) pair. */
export async function proposalId(
  db: Kysely<Database>,
  runId: string,
  studentId: string,
  placeId: string,
): Promise<string> {
  const row = await db
    .selectFrom('proposal')
    .select('id')
    .where('run_id', '=', runId)
    .where('student_id', '=', studentId)
    .where('place_id', '=', placeId)
    .executeTakeFirstOrThrow()
  return row.id
}
