// Audit rows of reads, written together: while one multi-row insert is on its way, the rows of the
// requests that arrive meanwhile wait and go in the next one (group commit). Each request still
// awaits the commit of its own row before it answers, so no read is ever served without its audit
// row, also not when the process stops or dies; under load 200 reads a second cost a few inserts
// instead of 200 commits.
import { type AuditEntry, type Database, writeAudit } from '@stagebrug/db'
import type { Kysely } from 'kysely'
import { perHandle } from '../per-handle.js'

/** Most rows in one insert (4 parameters each). */
export const AUDIT_BATCH_MAX = 500

interface Waiting {
  readonly entry: AuditEntry
  readonly resolve: () => void
  readonly reject: (error: unknown) => void
}

export class AuditBatcher {
  readonly #write: (entries: readonly AuditEntry[]) => Promise<void>
  readonly #max: number
  #waiting: Waiting[] = []
  #draining: Promise<void> | null = null
  /** Inserts done so far (for tests and the bench). */
  inserts = 0

  constructor(write: (entries: readonly AuditEntry[]) => Promise<void>, max = AUDIT_BATCH_MAX) {
    this.#write = write
    this.#max = max
  }

  /** Resolves once the entry is committed; rejects when its insert failed. */
  add(entry: AuditEntry): Promise<void> {
    const done = new Promise<void>((resolve, reject) => this.#waiting.push({ entry, resolve, reject }))
    this.#draining ??= this.#drain()
    return done
  }

  /** Resolves when every entry added so far is written (or failed). */
  async flush(): Promise<void> {
    while (this.#draining) await this.#draining
  }

  async #drain(): Promise<void> {
    while (this.#waiting.length > 0) {
      const batch = this.#waiting.splice(0, this.#max)
      try {
        this.inserts++
        await this.#write(batch.map((w) => w.entry))
        for (const w of batch) w.resolve()
      } catch (error) {
        for (const w of batch) w.reject(error)
      }
    }
    this.#draining = null
  }
}

/** The audit batcher of a database handle. */
export const auditBatcherOf = perHandle(
  (db: Kysely<Database>) => new AuditBatcher((entries) => writeAudit(db, entries)),
)
