import type { Kysely, Transaction } from 'kysely'
import { json } from '../schema/columns.js'
import type { Database } from '../schema/database.js'

type Db = Kysely<Database> | Transaction<Database>

/** One audit entry: who (`apikey:<id>`, `cli`), did what (`student.read`), to what (`student:<id>`). */
export interface AuditEntry {
  readonly actor: string
  readonly action: string
  readonly subject: string
  readonly detail?: Record<string, unknown>
}

/** Appends audit entries in one statement; pass the write's transaction so both commit or neither. */
export async function writeAudit(db: Db, entries: AuditEntry | readonly AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries as AuditEntry]
  if (list.length === 0) return
  await db
    .insertInto('audit_log')
    .values(
      list.map((e) => ({
        actor: e.actor,
        action: e.action,
        subject: e.subject,
        detail: json(e.detail ?? {}),
      })),
    )
    .execute()
}
