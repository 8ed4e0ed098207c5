// A bulkhead for uploads: at most IMPORT_SLOTS imports of this process use the database at once;
// the others wait here, holding no connection. An import holds a pooled connection for its whole
// transaction; without a limit twenty schools uploading at once would take every connection of the
// pool (10) and every read would wait behind them.
import { perHandle } from '../per-handle.js'

/** Imports of one API process that may run at once; keep it well below the pool size (10). */
export const IMPORT_SLOTS = 3

export class Slots {
  readonly #waiting: (() => void)[] = []
  #busy = 0
  readonly #size: number

  constructor(size: number) {
    this.#size = size
  }

  /** Runs `task` once a slot is free (first come, first served), then frees the slot. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#busy >= this.#size) await new Promise<void>((resolve) => this.#waiting.push(resolve))
    else this.#busy++
    try {
      return await task()
    } finally {
      const next = this.#waiting.shift()
      // The slot passes straight to the next in line; #busy stays as it is.
      if (next) next()
      else this.#busy--
    }
  }

  /** Imports running and waiting (for tests). */
  get load(): { readonly running: number; readonly waiting: number } {
    return { running: this.#busy, waiting: this.#waiting.length }
  }
}

/** PostgreSQL chose this transaction to break a deadlock, or could not serialise it: trying again is safe. */
const RETRYABLE = new Set(['40P01', '40001'])
const ATTEMPTS = 3

/**
 * Runs an all-or-nothing import, again (up to 3 times, after 50–250 ms) when PostgreSQL aborted its
 * transaction to break a deadlock or a serialisation conflict. Uploads lock their rows FOR NO KEY
 * UPDATE, which a night's foreign-key checks do not wait for; this is the safety net for the rest.
 */
export async function retryDeadlocks<T>(task: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task()
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code
      if (attempt >= ATTEMPTS || typeof code !== 'string' || !RETRYABLE.has(code)) throw error
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200))
    }
  }
}

/** The import slots of a database handle. */
export const importSlotsOf = perHandle((_db: object) => new Slots(IMPORT_SLOTS))

/** Runs an import in one of the handle's slots, retried when PostgreSQL broke a deadlock with it. */
export function runImport<T>(db: object, task: () => Promise<T>): Promise<T> {
  return importSlotsOf(db).run(() => retryDeadlocks(task))
}
