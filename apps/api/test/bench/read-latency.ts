// `pnpm --filter @stagebrug/api bench [students]`: read latency of the API against a seeded
// PostgreSQL. Seeds a synthetic Flanders-wide data set (default 10,000 students) in a scratch
// database, runs a night in-process for the proposals, then drives four read endpoints with
// autocannon at a fixed 200 requests/s for 10 s each and prints p50/p99 (and a JSON line).
// Every read also writes its audit row, as in production.
import { createApiKey } from '@stagebrug/db'
import { seedSynthetic } from '@stagebrug/demo'
import { runNightInline } from '@stagebrug/night'
import autocannon from 'autocannon'
import { sql } from 'kysely'
import { openSeededDb } from '../../../../test/support/databases.js'
import { createApp } from '../../src/app.js'
import { nightDeps, openQueuesFor, SETTINGS } from '../support/world.js'

const students = Number(process.argv[2] ?? 10_000)
const RATE = 200
const SECONDS = 10

async function main() {
  const handle = await openSeededDb('postgres')
  const queues = openQueuesFor(`sbbench-${Date.now()}`)
  try {
    const t0 = performance.now()
    const seeded = await seedSynthetic(handle.db, { students, seed: 20261123 })
    const night = await runNightInline(
      { ...nightDeps(handle.db), now: () => new Date(`${seeded.today}T03:00:00Z`) },
      { jobKey: 'bench', requestedBy: 'bench', publish: true },
    )
    const seedMs = Math.round(performance.now() - t0)
    // The biggest school and the company with the most proposals: the heaviest lists.
    const school = await handle.db
      .selectFrom('student')
      .select(['school_id', sql<number>`count(*)`.as('n')])
      .groupBy('school_id')
      .orderBy(sql`count(*)`, 'desc')
      .executeTakeFirstOrThrow()
    const company = await handle.db
      .selectFrom('proposal as p')
      .innerJoin('place as pl', 'pl.id', 'p.place_id')
      .select(['pl.company_id', sql<number>`count(*)`.as('n')])
      .where('p.run_id', '=', night.run.id)
      .groupBy('pl.company_id')
      .orderBy(sql`count(*)`, 'desc')
      .executeTakeFirstOrThrow()
    const schoolKey = (
      await createApiKey(handle.db, {
        name: 'bench school',
        role: 'school',
        scope: { schoolId: school.school_id },
      })
    ).key
    const companyKey = (
      await createApiKey(handle.db, {
        name: 'bench company',
        role: 'company',
        scope: { companyId: company.company_id },
      })
    ).key
    const app = await createApp({
      db: handle.db,
      queues,
      settings: { ...SETTINGS, rateLimit: { max: 1_000_000, windowMs: 60_000 } },
    })
    const base = await app.listen({ host: '127.0.0.1', port: 0 })
    const studentId = (
      await handle.db
        .selectFrom('student')
        .select('id')
        .where('school_id', '=', school.school_id)
        .executeTakeFirstOrThrow()
    ).id

    const targets = [
      { name: 'GET /school/students?limit=50', key: schoolKey, path: '/school/students?limit=50' },
      { name: 'GET /school/students/:id', key: schoolKey, path: `/school/students/${studentId}` },
      { name: 'GET /school/proposals?limit=50', key: schoolKey, path: '/school/proposals?limit=50' },
      { name: 'GET /company/proposals?limit=50', key: companyKey, path: '/company/proposals?limit=50' },
      { name: 'GET /lookups/programmes?q=…', key: schoolKey, path: '/lookups/programmes?q=elektromechanica' },
    ]
    process.stdout.write(
      `${seeded.students} students, ${seeded.places} places, ${seeded.schools} schools; school of ${school.n} students, company with ${company.n} proposals; seeded and matched in ${seedMs} ms\n`,
    )
    const results = []
    for (const t of targets) {
      const r = await autocannon({
        url: `${base}${t.path}`,
        connections: 10,
        duration: SECONDS,
        overallRate: RATE,
        headers: { authorization: `Bearer ${t.key}` },
      })
      const line = {
        endpoint: t.name,
        rate: RATE,
        requests: r.requests.total,
        p50: r.latency.p50,
        p90: r.latency.p90,
        p99: r.latency.p99,
        max: r.latency.max,
        non2xx: r.non2xx,
        errors: r.errors,
      }
      results.push(line)
      process.stdout.write(
        `${t.name.padEnd(34)} p50 ${String(line.p50).padStart(4)} ms  p99 ${String(line.p99).padStart(4)} ms  max ${line.max} ms  (${line.requests} requests, ${line.non2xx} non-2xx)\n`,
      )
    }
    process.stdout.write(`${JSON.stringify({ students: seeded.students, results })}\n`)
    await app.close()
  } finally {
    await Promise.all([queues.match.obliterate({ force: true }), queues.mail.obliterate({ force: true })])
    await queues.close()
    await handle.close()
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
