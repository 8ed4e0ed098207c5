import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb } from '../../../test/support/databases.js'
import { type Database, prepared, preparedName } from '../src/index.js'

describe('preparedName', () => {
  it('names marked texts by their content and leaves others alone', () => {
    const a = prepared({ compile: () => ({ sql: 'select 1', parameters: [] }) } as never).sql
    const b = prepared({ compile: () => ({ sql: 'select 2', parameters: [] }) } as never).sql
    expect(preparedName(a)).toMatch(/^sb_[0-9a-f]{32}$/)
    expect(preparedName(a)).toBe(preparedName(a))
    expect(preparedName(b)).not.toBe(preparedName(a))
    expect(preparedName('select 1')).toBeUndefined()
  })
})

const byPostcode = (db: Kysely<Database>, postcode: string) =>
  db.selectFrom('postcode').select(['postcode', 'municipality']).where('postcode', '=', postcode)

describe.each(ENGINES)('prepared queries on %s', (engine) => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  beforeAll(async () => {
    handle = await openSeededDb(engine)
  })
  afterAll(() => handle.close())

  it('returns what the plain query returns, with each call its own parameters', async () => {
    for (const postcode of ['2440', '3500', '9000']) {
      const plain = await byPostcode(handle.db, postcode).execute()
      const { rows } = await handle.db.executeQuery(prepared(byPostcode(handle.db, postcode)))
      expect(plain.length).toBeGreaterThan(0)
      expect(rows).toEqual(plain)
    }
  })

  it('reports an error in a prepared query like any other', async () => {
    const broken = handle.db.selectFrom('postcode').select(sql<number>`1 / 0`.as('x'))
    await expect(handle.db.executeQuery(prepared(broken))).rejects.toThrow(/division by zero/)
  })
})

// PostgreSQL only: PGlite has no pool and runs a marked query as a plain one (the comment).
describe('prepared statements on a PostgreSQL connection', () => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  beforeAll(async () => {
    handle = await openSeededDb('postgres')
  })
  afterAll(() => handle.close())

  it('plans prepared statements generically on every pooled connection', async () => {
    const modes = await Promise.all(
      Array.from({ length: 3 }, () =>
        handle.db
          .connection()
          .execute(
            async (conn) =>
              (await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(conn)).rows[0],
          ),
      ),
    )
    expect(modes).toEqual(Array(3).fill({ plan_cache_mode: 'force_generic_plan' }))
  })

  it('is prepared once per connection under its name; plain queries are not', async () => {
    const statements = await handle.db.connection().execute(async (conn) => {
      await conn.executeQuery(prepared(byPostcode(conn, '2440')))
      await conn.executeQuery(prepared(byPostcode(conn, '3500')))
      await byPostcode(conn, '9000').execute()
      return (
        await sql<{
          name: string
          statement: string
        }>`select name, statement from pg_prepared_statements`.execute(conn)
      ).rows
    })
    const name = preparedName(prepared(byPostcode(handle.db, '2440')).sql)
    expect(statements).toEqual([{ name, statement: prepared(byPostcode(handle.db, '2440')).sql }])
  })
})
