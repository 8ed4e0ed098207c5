import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'
import { GENERIC_PLANS, PreparingClient } from './prepared.js'
import type { Database } from './schema/database.js'

export interface DbHandle {
  readonly db: Kysely<Database>
  /** Closes the pool or the PGlite instance. */
  destroy(): Promise<void>
}

const OID = { int8: 20, date: 1082, numeric: 1700 } as const

// Both engines read rows the same way: dates as `YYYY-MM-DD`, int8 and numeric as numbers.
const parsers: Record<number, (value: string) => unknown> = {
  [OID.int8]: Number,
  [OID.date]: (value) => value,
  [OID.numeric]: Number,
}

export const ACCEPTED_URL_FORMS = ['postgres://…', 'postgresql://…', 'pglite://memory', 'pglite://<dir>']

export interface CreateDbOptions {
  /**
   * Told when a pooled connection dies (PostgreSQL restarted, pg_terminate_backend, a network cut).
   * The pool drops that connection and opens a new one for the next query; a query in flight fails.
   * Default: ignored — without a listener, pg's Pool would re-emit it as an uncaught 'error' and
   * crash the process.
   */
  readonly onIdleError?: (error: Error) => void
}

/**
 * Opens the database a URL names: a pg pool for `postgres://`/`postgresql://`, PGlite in memory for
 * `pglite://memory`, PGlite persisted in a folder for `pglite://<dir>` (the folder is created).
 * Throws on any other URL.
 */
export function createDb(url: string, options: CreateDbOptions = {}): DbHandle {
  const db = new Kysely<Database>({ dialect: dialectFor(url, options) })
  return { db, destroy: () => db.destroy() }
}

function dialectFor(url: string, options: CreateDbOptions) {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({
      connectionString: url,
      Client: PreparingClient,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    })
    const onError = options.onIdleError ?? (() => {})
    pool.on('error', onError)
    // A checked-out client has no pool listener: a connection that dies between two queries (kysely
    // holds it for a transaction) would crash the process. The query in flight still fails with the
    // error, and the pool discards the client when it comes back.
    pool.on('connect', (client) => {
      client.on('error', onError)
      // Runs before any query the pool hands the client out for (a client runs its queries in order).
      client.query(GENERIC_PLANS).catch(onError)
    })
    return new PostgresDialect({ pool })
  }
  if (url.startsWith('pglite://')) {
    const where = url.slice('pglite://'.length)
    if (where === '') throw new Error(`createDb: pglite URL without a folder: ${url}`)
    if (where !== 'memory') mkdirSync(where, { recursive: true })
    const options = { parsers }
    return new PGliteDialect(where === 'memory' ? new PGlite(options) : new PGlite(where, options))
  }
  throw new Error(`createDb: unsupported database URL; accepted forms: ${ACCEPTED_URL_FORMS.join(', ')}`)
}
