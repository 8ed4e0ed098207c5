import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database } from '../schema/database.js'
import type { MailKind, MailOutboxRow } from '../schema/mail-outbox.table.js'
import { chunks } from './batch.js'

type Db = Kysely<Database> | Transaction<Database>

export interface OutboxMail {
  /** Who it is for, stable within a run, e.g. `coordinator:<id>`: one row per (run, recipient). */
  readonly recipient: string
  readonly kind: MailKind
  readonly to: string
  readonly subject: string
  readonly text: string
  readonly html: string
}

/** Puts a run's mails in the ledger; a second call for the same run adds nothing. */
export async function addToOutbox(db: Db, runId: string, mails: readonly OutboxMail[]): Promise<number> {
  let added = 0
  for (const batch of chunks(mails, 200)) {
    const result = await db
      .insertInto('mail_outbox')
      .values(
        batch.map((m) => ({
          run_id: runId,
          recipient: m.recipient,
          kind: m.kind,
          to_address: m.to,
          subject: m.subject,
          text_body: m.text,
          html_body: m.html,
        })),
      )
      .onConflict((oc) => oc.columns(['run_id', 'recipient']).doNothing())
      .executeTakeFirst()
    added += Number(result.numInsertedOrUpdatedRows ?? 0n)
  }
  return added
}

/** Ids of the mails still to send (of one run, or all), oldest first. */
export async function pendingMailIds(db: Db, runId?: string): Promise<string[]> {
  let q = db.selectFrom('mail_outbox').select('id').where('status', '=', 'pending')
  if (runId) q = q.where('run_id', '=', runId)
  const rows = await q.orderBy('created_at').orderBy('id').execute()
  return rows.map((r) => r.id)
}

export function getMail(db: Db, id: string): Promise<MailOutboxRow | undefined> {
  return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst()
}

/**
 * Claims a pending mail for sending (pending → sending) before anyone talks to SMTP, and gives it
 * its deterministic Message-ID `<row id.run id@domain>`. Only one caller can win; everyone else
 * gets undefined and must not send.
 */
export function claimMail(db: Db, id: string, messageIdDomain: string): Promise<MailOutboxRow | undefined> {
  return db
    .updateTable('mail_outbox')
    .set((eb) => ({
      status: 'sending',
      message_id: sql<string>`'<' || id::text || '.' || run_id::text || '@' || ${messageIdDomain} || '>'`,
      attempts: eb('attempts', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst()
}

async function moveFrom(
  db: Db,
  id: string,
  from: readonly MailOutboxRow['status'][],
  set: Partial<Pick<MailOutboxRow, 'status' | 'last_error' | 'sent_at'>>,
) {
  const r = await db
    .updateTable('mail_outbox')
    .set({ ...set, updated_at: new Date() })
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/**
 * SMTP accepted it. Also from `unknown`: when the attempt that was presumed dead (its job lock
 * expired, e.g. while Redis was away) reports back after all, the ledger learns the mail did go.
 */
export const markMailSent = (db: Db, id: string) =>
  moveFrom(db, id, ['sending', 'unknown'], { status: 'sent', sent_at: new Date() })
/** A transient failure: back to pending for the next attempt. */
export const releaseMail = (db: Db, id: string, error: string) =>
  moveFrom(db, id, ['sending'], { status: 'pending', last_error: error })
/** A permanent failure (5xx, or out of attempts): recorded for the administrator, never retried. */
export const failMail = (db: Db, id: string, error: string) =>
  moveFrom(db, id, ['sending'], { status: 'failed', last_error: error })
/** Found claimed by an attempt that never reported back: SMTP may or may not have it. */
export const markMailUnknown = (db: Db, id: string) =>
  moveFrom(db, id, ['sending'], {
    status: 'unknown',
    last_error:
      'Verzending onderbroken: niet zeker of de mail vertrokken is / Sending interrupted: delivery unknown',
  })

/** The `unknown` and `failed` mails not yet listed for the administrator; marks them listed (at most once). */
export function takeUnreportedProblems(db: Db): Promise<MailOutboxRow[]> {
  return db
    .updateTable('mail_outbox')
    .set({ reported_at: new Date() })
    .where('status', 'in', ['unknown', 'failed'])
    .where('reported_at', 'is', null)
    .returningAll()
    .execute()
}
