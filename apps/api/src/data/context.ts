import { type Database, writeAudit } from '@stagebrug/db'
import type { Kysely, Transaction } from 'kysely'
import { actorOf, type Caller } from '../scope/scope.js'
import { auditBatcherOf } from './audit-batch.js'

/** What every data-layer function gets: the database, the caller (and so its scope) and the clock. */
export interface DataCtx {
  readonly db: Kysely<Database>
  readonly caller: Caller
  readonly now: () => Date
  /** The server secret (migration 0014): keys the cursors and a company's candidate codes. */
  readonly secret: Buffer
}

/** Writes the caller's audit entry; pass the write's transaction so both commit or neither. */
export function audit(
  db: Kysely<Database> | Transaction<Database>,
  ctx: DataCtx,
  action: string,
  subject: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  return writeAudit(db, { actor: actorOf(ctx.caller), action, subject, detail })
}

/**
 * Writes the caller's audit entry of a read (nothing else to commit with it): batched with the
 * concurrent reads' entries into one insert, and resolved once it is committed.
 */
export function auditRead(
  ctx: DataCtx,
  action: string,
  subject: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  return auditBatcherOf(ctx.db).add({ actor: actorOf(ctx.caller), action, subject, detail })
}

export const iso = (d: Date | string | null): string | null =>
  d === null ? null : typeof d === 'string' ? new Date(d).toISOString() : d.toISOString()
