import type { ColumnType, Insertable, Selectable } from 'kysely'
import type { CreatedAt, UpdatedAt, Uuid } from './columns.js'

export type MailKind = 'coordinator' | 'company' | 'admin'
export type MailStatus = 'pending' | 'sending' | 'sent' | 'unknown' | 'failed'

/** One ledger row per (run, recipient), written before the mail is sent. */
export interface MailOutboxTable {
  id: Uuid
  run_id: string
  recipient: string
  status: ColumnType<MailStatus, MailStatus | undefined, MailStatus>
  message_id: string | null
  attempts: ColumnType<number, number | undefined, number>
  last_error: string | null
  created_at: CreatedAt
  updated_at: UpdatedAt
  kind: MailKind
  to_address: string
  subject: string
  text_body: string
  html_body: string
  sent_at: Date | null
  /** When an `unknown` row was listed for the administrator (at most once). */
  reported_at: Date | null
}
export type MailOutboxRow = Selectable<MailOutboxTable>
export type NewMailOutbox = Insertable<MailOutboxTable>
