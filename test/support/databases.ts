// One fresh database per test file and engine: a `sb_<random>` database on the local PostgreSQL
// server, or an in-memory PGlite. Both run in every `pnpm test`.
import { randomBytes } from 'node:crypto'
import { createDb, type DbHandle, runMigrations, seedReferenceData } from '@stagebrug/db'
import pg from 'pg'

export type Engine = 'postgres' | 'pglite'
export const ENGINES: readonly (readonly [Engine])[] = [['postgres'], ['pglite']]

/** Server and maintenance database used to create and drop the per-file databases (trust auth). */
export const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test'

/** Runs one statement on the maintenance database (CREATE/DROP DATABASE, pg_terminate_backend, …). */
export async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/** A database of its own for a test file; `url` reaches it from another process (PostgreSQL only). */
export type TestDb = DbHandle & { readonly url: string; close(): Promise<void> }

/** Opens an empty database of the engine; `close` destroys the handle and drops the database. */
export async function openTestDb(engine: Engine): Promise<TestDb> {
  if (engine === 'pglite') {
    const handle = createDb('pglite://memory')
    return { ...handle, url: 'pglite://memory', close: () => handle.destroy() }
  }
  const name = `sb_${randomBytes(6).toString('hex')}`
  await admin(`CREATE DATABASE ${name}`)
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  const handle = createDb(url.toString())
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.destroy()
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    },
  }
}

/** `openTestDb`, migrated to the latest schema and seeded with the reference data. */
export async function openSeededDb(engine: Engine): Promise<TestDb> {
  const handle = await openTestDb(engine)
  const { error } = await runMigrations(handle.db)
  if (error !== undefined) throw error
  await seedReferenceData(handle.db)
  return handle
}
