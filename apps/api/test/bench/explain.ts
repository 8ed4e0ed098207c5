// `pnpm --filter @stagebrug/api exec tsx --conditions=@stagebrug/source test/bench/explain.ts <db>`:
// EXPLAIN ANALYZE of every query the benched read endpoints send, on a kept bench database (see
// read-latency.ts --keep), as the heaviest school and company. Shows which plans the indexes give.
import { type Database, serverSecret } from '@stagebrug/db'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { authenticate } from '../../src/auth/authenticate.js'
import { listCompanyProposals } from '../../src/data/company-proposals.data.js'
import type { DataCtx } from '../../src/data/context.js'
import { listSchoolProposals } from '../../src/data/proposals.data.js'
import { getStudent, listStudents } from '../../src/data/students.data.js'
import { openBenchDb } from './bench-db.js'
import { heaviestTenants, readTargets } from './shared.js'

const name = process.argv[2] ?? ''
if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error('usage: explain.ts <bench database>')
const url = `postgres://postgres@127.0.0.1:5432/${name}`
// Rows read as the app reads them (createDb's parsers): dates as text, int8 and numeric as numbers.
const parsers: Record<number, (value: string) => unknown> = { 20: Number, 1082: (v) => v, 1700: Number }
const pool = new pg.Pool({
  connectionString: url,
  max: 2,
  types: {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  },
})
const seen: { sql: string; parameters: readonly unknown[] }[] = []
let capture = false
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool }),
  log: (event) => {
    if (capture && event.level === 'query' && /^\s*(\/\*.*?\*\/\s*)?select/is.test(event.query.sql))
      seen.push({ sql: event.query.sql, parameters: event.query.parameters })
  },
})

async function explainAll(title: string, call: () => Promise<unknown>) {
  seen.length = 0
  capture = true
  await call()
  await call() // the second time, as the bench sees it (warm cache, key cached)
  capture = false
  const queries = seen.slice(seen.length / 2)
  process.stdout.write(`\n=== ${title}: ${queries.length} select(s)\n`)
  for (const q of queries) {
    const { rows } = await pool.query(`explain (analyze, buffers) ${q.sql}`, q.parameters as unknown[])
    process.stdout.write(`${q.sql.slice(0, 160)}…\n${rows.map((r) => `  ${r['QUERY PLAN']}`).join('\n')}\n`)
  }
}

async function main() {
  // Migrated to the latest schema (new indexes) and analysed, as the bench does.
  const bench = await openBenchDb({ students: 0, reuse: name, keep: true })
  await bench.close()
  const tenants = await heaviestTenants(db)
  const targets = await readTargets(db, tenants)
  const school = await authenticate(db, targets[0]!.key)
  const company = await authenticate(db, targets[3]!.key)
  const secret = await serverSecret(db)
  const as = (caller: typeof school): DataCtx => ({ db, caller, now: () => new Date(), secret })
  const studentId = targets[1]!.path.split('/').at(-1)!
  await explainAll('GET /school/students?limit=50', () => listStudents(as(school), { limit: 50 }))
  await explainAll('GET /school/students/:id', () => getStudent(as(school), studentId))
  await explainAll('GET /school/proposals?limit=50', () => listSchoolProposals(as(school), { limit: 50 }))
  await explainAll('GET /company/proposals?limit=50', () => listCompanyProposals(as(company), { limit: 50 }))
}

main()
  .catch((error: unknown) => {
    process.stderr.write(
      `explain: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    )
    process.exitCode = 1
  })
  .finally(() => db.destroy())
