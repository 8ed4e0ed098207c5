import { type Kysely, sql } from 'kysely'

// Frozen: never edit after it has run anywhere; add a new migration instead.

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('match_run')
    // The queue job that started the run: a retried trigger finds its run instead of making a second.
    .addColumn('job_key', 'text', (c) => c.unique())
    .addColumn('today', 'date')
    .addColumn('trigger', 'text', (c) =>
      c.notNull().defaultTo('manual').check(sql`trigger in ('scheduled', 'manual')`),
    )
    .addColumn('parts', 'integer', (c) => c.check(sql`parts >= 0`))
    .addColumn('published_at', 'timestamptz')
    .execute()

  // A part's proposals and outcomes are written once: the row is inserted in the same transaction.
  await db.schema
    .createTable('match_run_part')
    .addColumn('run_id', 'uuid', (c) => c.notNull().references('match_run.id').onDelete('cascade'))
    .addColumn('part', 'integer', (c) => c.notNull().check(sql`part >= 0`))
    .addColumn('students', 'integer', (c) => c.notNull())
    .addColumn('proposals', 'integer', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('match_run_part_pkey', ['run_id', 'part'])
    .execute()

  // Every student of a run: placed or not, and why not (the figures count these).
  await db.schema
    .createTable('match_outcome')
    .addColumn('run_id', 'uuid', (c) => c.notNull().references('match_run.id').onDelete('cascade'))
    .addColumn('student_id', 'uuid', (c) => c.notNull().references('student.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pinned', 'matched', 'unmatched')`))
    .addColumn('place_id', 'uuid', (c) => c.references('place.id'))
    .addColumn('unmatched_code', 'text')
    .addColumn('unmatched_reason', 'text')
    .addPrimaryKeyConstraint('match_outcome_pkey', ['run_id', 'student_id'])
    .execute()

  // The Dutch reasons as the run explained them, so mails and the API show the same words.
  await db.schema
    .alterTable('proposal')
    .addColumn('reasons', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute()

  // The rendered mail is frozen with its ledger row: a retry sends exactly what was decided.
  await db.schema
    .alterTable('mail_outbox')
    .addColumn('kind', 'text', (c) =>
      c.notNull().defaultTo('coordinator').check(sql`kind in ('coordinator', 'company', 'admin')`),
    )
    .addColumn('to_address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('text_body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('html_body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sent_at', 'timestamptz')
    .addColumn('reported_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('mail_outbox_status_idx').on('mail_outbox').column('status').execute()
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('mail_outbox_status_idx').execute()
  await db.schema
    .alterTable('mail_outbox')
    .dropColumn('kind')
    .dropColumn('to_address')
    .dropColumn('subject')
    .dropColumn('text_body')
    .dropColumn('html_body')
    .dropColumn('sent_at')
    .dropColumn('reported_at')
    .execute()
  await db.schema.alterTable('proposal').dropColumn('reasons').execute()
  await db.schema.dropTable('match_outcome').execute()
  await db.schema.dropTable('match_run_part').execute()
  await db.schema
    .alterTable('match_run')
    .dropColumn('job_key')
    .dropColumn('today')
    .dropColumn('trigger')
    .dropColumn('parts')
    .dropColumn('published_at')
    .execute()
}
