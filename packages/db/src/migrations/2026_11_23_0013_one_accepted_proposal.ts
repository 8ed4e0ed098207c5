import { type Kysely, sql } from 'kysely'

// Frozen: never edit after it has run anywhere; add a new migration instead.

// A pupil has at most one accepted proposal, always (issue 13): the partial unique index below is
// the database's own guarantee, behind the API's lock on the student row. Parallel accepts could
// store several before it existed, so existing data is made to fit first, deterministically: per
// pupil the EARLIEST acceptance is kept (by status_at, then created_at, then id) — that is the one
// a company and the pupil heard of first, and the later ones only won a race they should have
// lost — and the others are declined, marked as declined by this migration and written to the
// audit log, so a coordinator can see which placements were undone.
//
// A decline may carry a reason for the school (≤ 500 characters); only the school's view shows it.

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function up(db: Kysely<any>): Promise<void> {
  const undone = await sql<{ id: string; student_id: string; place_id: string }>`
    with ranked as (
      select id, row_number() over (
        partition by student_id order by status_at asc nulls last, created_at asc, id asc
      ) as n
      from proposal
      where status = 'accepted'
    )
    update proposal p
    set status = 'declined', status_by = 'migration:2026_11_23_0013', status_at = now()
    from ranked r
    where r.id = p.id and r.n > 1
    returning p.id, p.student_id, p.place_id
  `.execute(db)
  for (const row of undone.rows) {
    await db
      .insertInto('audit_log')
      .values({
        actor: 'migration:2026_11_23_0013',
        action: 'proposal.status',
        subject: `proposal:${row.id}`,
        detail: JSON.stringify({
          from: 'accepted',
          to: 'declined',
          student: row.student_id,
          place: row.place_id,
          why: 'a second accepted proposal of one pupil; the earliest acceptance is kept',
        }),
      })
      .execute()
  }
  await db.schema
    .createIndex('proposal_one_accepted_per_student')
    .on('proposal')
    .column('student_id')
    .unique()
    .where(sql.ref('status'), '=', 'accepted')
    .execute()
  await db.schema
    .alterTable('proposal')
    .addColumn('decline_reason', 'text', (c) => c.check(sql`char_length(decline_reason) <= 500`))
    .execute()
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('proposal').dropColumn('decline_reason').execute()
  await db.schema.dropIndex('proposal_one_accepted_per_student').execute()
}
