import type { PinnedPair, PlaceId, StudentId } from '@stagebrug/matching-core'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../schema/database.js'

type Db = Kysely<Database> | Transaction<Database>

/**
 * The coordinators' pins in force (not removed), as the core takes them. A pin whose pair was
 * declined is left out: the decline is the later decision.
 */
export async function activePins(db: Db): Promise<PinnedPair[]> {
  const rows = await db
    .selectFrom('placement_override as o')
    .select(['o.student_id', 'o.place_id', 'o.reason'])
    .where('o.kind', '=', 'pin')
    .where('o.removed_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('proposal as p')
            .select('p.id')
            .whereRef('p.student_id', '=', 'o.student_id')
            .whereRef('p.place_id', '=', 'o.place_id')
            .where('p.status', '=', 'declined'),
        ),
      ),
    )
    .orderBy('o.student_id')
    .execute()
  return rows.map((r) => ({
    student: r.student_id as StudentId,
    place: r.place_id as PlaceId,
    reason: r.reason,
  }))
}
