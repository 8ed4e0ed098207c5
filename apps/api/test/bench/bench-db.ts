// The bench's PostgreSQL database: a fresh `sbbench_<students>_<random>` one, dropped afterwards unless
// kept, or an existing one reused (migrated to the latest schema first, never dropped). Seeding 100k
// students and matching them takes minutes, so iterating on the API reuses a kept database.
import { randomBytes } from 'node:crypto'
import { createDb, type DbHandle, runMigrations, seedReferenceData } from '@stagebrug/db'
import { sql } from 'kysely'
import { ADMIN_URL, admin } from '../../../../test/support/databases.js'

export interface BenchDb extends DbHandle {
  readonly name: string
  readonly url: string
  /** True when the database was created by this run (so it still needs its data). */
  readonly fresh: boolean
  /** Destroys the handle; drops the database when it was created here and not kept. */
  close(): Promise<void>
}

/**
 * Fresh planner statistics. The test server runs without autovacuum; in production autovacuum
 * analyses a table after a night's bulk insert, and without statistics PostgreSQL plans the
 * proposal lists as if a run had a hundred proposals.
 */
export async function analyze(db: DbHandle['db']): Promise<void> {
  await sql`analyze`.execute(db)
}

const urlOf = (name: string) => {
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  return url.toString()
}

/** Opens `reuse` when given, else creates a database; migrates it in both cases. */
export async function openBenchDb(options: {
  readonly students: number
  readonly reuse?: string
  readonly keep: boolean
}): Promise<BenchDb> {
  const fresh = options.reuse === undefined
  const name = options.reuse ?? `sbbench_${options.students}_${randomBytes(3).toString('hex')}`
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a database name: ${name}`)
  if (fresh) await admin(`CREATE DATABASE ${name}`)
  const url = urlOf(name)
  const handle = createDb(url)
  const { error } = await runMigrations(handle.db)
  if (error !== undefined) throw error
  if (fresh) await seedReferenceData(handle.db)
  else await analyze(handle.db)
  const drop = fresh && !options.keep
  return {
    ...handle,
    name,
    url,
    fresh,
    close: async () => {
      await handle.destroy()
      if (drop) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    },
  }
}
