import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openTestDb } from '../../../test/support/databases.js'
import { createDb, type DbHandle, migrateDown, migrations, runMigrations } from '../src/index.js'

async function tableNames(handle: DbHandle): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_name not like 'kysely_%' order by table_name`.execute(handle.db)
  return rows.map((r) => r.table_name)
}

describe.each(ENGINES)('migrations on %s', (engine) => {
  let handle: Awaited<ReturnType<typeof openTestDb>>
  beforeAll(async () => {
    handle = await openTestDb(engine)
  })
  afterAll(() => handle?.close())

  it('migrates up, all the way down, and up again', async () => {
    const first = await runMigrations(handle.db)
    expect(first.error).toBeUndefined()
    expect(first.results?.map((r) => r.status)).toEqual(Object.keys(migrations).map(() => 'Success'))
    const upTables = await tableNames(handle)
    expect(upTables).toMatchInlineSnapshot(`
      [
        "api_key",
        "audit_log",
        "company",
        "competence",
        "contact_release",
        "coordinator",
        "mail_outbox",
        "match_outcome",
        "match_run",
        "match_run_part",
        "mentor",
        "place",
        "place_mentor",
        "placement_override",
        "postcode",
        "programme",
        "proposal",
        "recognition",
        "run_figure",
        "run_figure_idle_place",
        "run_figure_watch",
        "run_figures",
        "school",
        "school_group",
        "school_programme",
        "school_supervisor",
        "server_secret",
        "student",
        "upload",
        "upload_mapping",
      ]
    `)

    const down = await migrateDown(handle.db, { all: true })
    expect(down.error).toBeUndefined()
    expect(down.results).toHaveLength(Object.keys(migrations).length)
    expect(await tableNames(handle)).toEqual([])

    const again = await runMigrations(handle.db)
    expect(again.error).toBeUndefined()
    expect(await tableNames(handle)).toEqual(upTables)
  })

  it('steps one migration down, and up to latest again', async () => {
    const latest = Object.keys(migrations).sort().at(-1)
    const down = await migrateDown(handle.db)
    expect(down.results?.map((r) => [r.migrationName, r.direction])).toEqual([[latest, 'Down']])
    const up = await runMigrations(handle.db)
    expect(up.results?.map((r) => r.migrationName)).toEqual([latest])
  })

  it('is a no-op when already at the latest migration', async () => {
    const result = await runMigrations(handle.db)
    expect(result).toEqual({ results: [] })
  })
})

describe('createDb', () => {
  it('rejects an unknown URL and names the accepted forms', () => {
    expect(() => createDb('mysql://localhost/x')).toThrowErrorMatchingInlineSnapshot(
      `[Error: createDb: unsupported database URL; accepted forms: postgres://…, postgresql://…, pglite://memory, pglite://<dir>]`,
    )
  })

  it('persists PGlite in a folder it creates', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sb-pglite-')), 'data')
    try {
      const first = createDb(`pglite://${dir}`)
      expect((await runMigrations(first.db)).error).toBeUndefined()
      await first.destroy()
      const second = createDb(`pglite://${dir}`)
      expect(await runMigrations(second.db)).toEqual({ results: [] })
      await second.destroy()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
