// What both bench modes share: arguments, the seeded database and its night, the heaviest tenants,
// their keys, and driving one endpoint with autocannon at a fixed rate.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { loadavg } from 'node:os'
import { createApiKey, type Database } from '@stagebrug/db'
import { seedSynthetic } from '@stagebrug/demo'
import { runNightInline } from '@stagebrug/night'
import { QUEUES, redisConnection } from '@stagebrug/queue'
import { Queue } from 'bullmq'
import { type Kysely, sql } from 'kysely'
import { startApi, stop, tail } from '../../../../test/e2e/support/processes.js'
import { nightDeps, REDIS_URL } from '../support/world.js'
import { analyze, type BenchDb } from './bench-db.js'

export const RATE = 200

export interface BenchArgs {
  readonly students: number
  readonly keep: boolean
  readonly reuse?: string
  readonly seconds: number
  readonly inProcess: boolean
  /** Uploads mode: upload and read without a run (the baseline). */
  readonly noRun: boolean
  /** Only the endpoints whose name contains this. */
  readonly only?: string
  /** Uploads mode: the worker's nice value (0: as the API; 10: the API and PostgreSQL go first). */
  readonly workerNice: number
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  let students = 10_000
  let keep = false
  let reuse: string | undefined
  let seconds = 30
  let inProcess = false
  let noRun = false
  let only: string | undefined
  let workerNice = 0
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--keep') keep = true
    else if (a === '--reuse') reuse = argv[++i]
    else if (a === '--seconds') seconds = Number(argv[++i])
    else if (a === '--in-process') inProcess = true
    else if (a === '--no-run') noRun = true
    else if (a === '--only') only = argv[++i]
    else if (a === '--worker-nice') workerNice = Number(argv[++i])
    else if (/^\d+$/.test(a)) students = Number(a)
    else throw new Error(`unknown argument ${a}`)
  }
  return {
    students,
    keep,
    seconds,
    inProcess,
    noRun,
    workerNice,
    ...(reuse === undefined ? {} : { reuse }),
    ...(only === undefined ? {} : { only }),
  }
}

export const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

/** Seeds a fresh database and runs one published night in-process; a reused one is left as it is. */
export async function ensureSeeded(handle: BenchDb, students: number): Promise<void> {
  if (!handle.fresh) return
  const t0 = performance.now()
  const seeded = await seedSynthetic(handle.db, { students, seed: 20261123 })
  const seedMs = performance.now() - t0
  process.stdout.write(
    `seeded ${seeded.students} students, ${seeded.places} places, ${seeded.schools} schools, ${seeded.companies} companies in ${(seedMs / 1000).toFixed(1)} s (load ${load()})\n`,
  )
  const t1 = performance.now()
  let last = ''
  const night = await runNightInline(
    { ...nightDeps(handle.db), now: () => new Date(`${seeded.today}T03:00:00Z`) },
    { jobKey: 'bench', requestedBy: 'bench', publish: true, seed: 20261123 },
    (stage, done, total) => {
      const line = `${stage} ${done}/${total}`
      if (stage !== last.split(' ')[0] || done === total || stage !== 'mail') {
        if (line !== last)
          process.stdout.write(
            `  night: ${line} at ${((performance.now() - t1) / 1000).toFixed(1)} s, rss ${mb(process.memoryUsage().rss)}\n`,
          )
      }
      last = line
    },
  )
  await analyze(handle.db)
  process.stdout.write(
    `night ${night.run.id}: ${((performance.now() - t1) / 1000).toFixed(1)} s, peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} (load ${load()})\n`,
  )
}

/** The biggest school and the company with the most proposals of the latest published run: the heaviest lists. */
export async function heaviestTenants(db: Kysely<Database>) {
  const run = await db
    .selectFrom('match_run')
    .select('id')
    .where('status', '=', 'succeeded')
    .where('published_at', 'is not', null)
    .orderBy('published_at', 'desc')
    .executeTakeFirstOrThrow()
  const school = await db
    .selectFrom('student')
    .select(['school_id', sql<number>`count(*)::int`.as('n')])
    .groupBy('school_id')
    .orderBy(sql`count(*)`, 'desc')
    .executeTakeFirstOrThrow()
  const company = await db
    .selectFrom('proposal as p')
    .innerJoin('place as pl', 'pl.id', 'p.place_id')
    .select(['pl.company_id', sql<number>`count(*)::int`.as('n')])
    .where('p.run_id', '=', run.id)
    .groupBy('pl.company_id')
    .orderBy(sql`count(*)`, 'desc')
    .executeTakeFirstOrThrow()
  const counts = await db
    .selectFrom('student')
    .select([
      sql<number>`count(*)::int`.as('students'),
      sql<number>`(select count(*)::int from proposal where run_id = ${run.id})`.as('proposals'),
    ])
    .executeTakeFirstOrThrow()
  return { runId: run.id, school, company, counts }
}

export interface ReadTarget {
  readonly name: string
  readonly key: string
  readonly path: string
}

export async function readTargets(
  db: Kysely<Database>,
  tenants: Awaited<ReturnType<typeof heaviestTenants>>,
) {
  const schoolKey = (
    await createApiKey(db, {
      name: 'bench school',
      role: 'school',
      scope: { schoolId: tenants.school.school_id },
    })
  ).key
  const companyKey = (
    await createApiKey(db, {
      name: 'bench company',
      role: 'company',
      scope: { companyId: tenants.company.company_id },
    })
  ).key
  const studentId = (
    await db
      .selectFrom('student')
      .select('id')
      .where('school_id', '=', tenants.school.school_id)
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id
  return [
    { name: 'GET /school/students?limit=50', key: schoolKey, path: '/school/students?limit=50' },
    { name: 'GET /school/students/:id', key: schoolKey, path: `/school/students/${studentId}` },
    { name: 'GET /school/proposals?limit=50', key: schoolKey, path: '/school/proposals?limit=50' },
    { name: 'GET /company/proposals?limit=50', key: companyKey, path: '/company/proposals?limit=50' },
    { name: 'GET /lookups/programmes?q=…', key: schoolKey, path: '/lookups/programmes?q=elektromechanica' },
  ] satisfies ReadTarget[]
}

export interface ReadResult {
  readonly endpoint: string
  readonly rate: number
  readonly requests: number
  readonly achieved: number
  readonly p50: number
  readonly p90: number
  readonly p99: number
  readonly max: number
  readonly non2xx: number
  readonly errors: number
  readonly timeouts: number
  /** CPU time of the API process per request (when it runs as its own process). */
  readonly apiCpuMsPerRequest: number
  /** CPU time of the PostgreSQL backends per request (those alive before and after). */
  readonly dbCpuMsPerRequest: number
  readonly load: string
}

/** What the bench reads of autocannon's `--json` report. */
interface CannonResult {
  readonly latency: { readonly p50: number; readonly p90: number; readonly p99: number; readonly max: number }
  readonly requests: { readonly total: number }
  /** How long the run took, in seconds. */
  readonly duration: number
  readonly non2xx: number
  readonly errors: number
  readonly timeouts: number
}

const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon')

/**
 * One autocannon run (10 connections, a fixed overall rate) as its own process, through its CLI: the
 * clock that measures the latencies then shares no event loop and no heap with the bench, which
 * keeps the API's log and samples CPU meanwhile.
 */
async function autocannon(o: {
  url: string
  duration: number
  overallRate: number
  key: string
}): Promise<CannonResult> {
  const args = ['-c', '10', '-d', String(o.duration), '-R', String(o.overallRate)]
  const child = spawn(
    process.execPath,
    [AUTOCANNON, ...args, '-H', `authorization=Bearer ${o.key}`, '-j', o.url],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let out = ''
  let err = ''
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8')
  })
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8')
  })
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  if (code !== 0) throw new Error(`autocannon exited with ${code}: ${err.slice(-2000)}`)
  return JSON.parse(out) as CannonResult
}

/** Drives one endpoint at a fixed rate with autocannon (10 connections). */
export async function drive(
  base: string,
  t: ReadTarget,
  o: {
    readonly seconds: number
    /** CPU time of the API process so far, in ms. */
    readonly cpuMs?: () => number
    /** CPU time of the database's backends so far, per backend. */
    readonly dbCpu?: () => Promise<ReadonlyMap<number, number>>
    readonly warmUp?: boolean
  },
): Promise<ReadResult> {
  const { seconds, cpuMs = () => Number.NaN, warmUp = true } = o
  // Warm up first (JIT, pools, caches): 2 s at half the rate, not counted.
  if (warmUp) await autocannon({ url: `${base}${t.path}`, duration: 2, overallRate: RATE / 2, key: t.key })
  const cpu0 = cpuMs()
  const db0 = await o.dbCpu?.()
  const r = await autocannon({ url: `${base}${t.path}`, duration: seconds, overallRate: RATE, key: t.key })
  return {
    endpoint: t.name,
    rate: RATE,
    requests: r.requests.total,
    achieved: Math.round(r.requests.total / (r.duration || seconds)),
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    apiCpuMsPerRequest: Math.round(((cpuMs() - cpu0) / Math.max(1, r.requests.total)) * 100) / 100,
    dbCpuMsPerRequest:
      db0 && o.dbCpu
        ? Math.round((cpuBetween(db0, await o.dbCpu()) / Math.max(1, r.requests.total)) * 100) / 100
        : Number.NaN,
    load: load(),
  }
}

export const formatResult = (line: ReadResult) =>
  `${line.endpoint.padEnd(34)} ${String(line.achieved).padStart(3)}/s  p50 ${String(line.p50).padStart(4)} ms  p99 ${String(line.p99).padStart(4)} ms  max ${String(line.max).padStart(4)} ms  (${line.requests} requests, ${line.non2xx} non-2xx, ${line.errors} errors, ${line.timeouts} timeouts; CPU per request: API ${line.apiCpuMsPerRequest} ms, PostgreSQL ${line.dbCpuMsPerRequest} ms; load ${line.load})\n`

/**
 * The API as its own process (src/server.ts under tsx, configured through the environment as in
 * production; rate limit lifted for the load). `stop` sends SIGTERM: the graceful shutdown.
 */
export async function startApiProcess(databaseUrl: string, prefix: string) {
  const api = await startApi({
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    RATE_LIMIT_MAX: '1000000',
    LOG_LEVEL: 'info',
  })
  return {
    url: api.url,
    output: api.output,
    /** CPU time the API process used so far (user + system), in ms: a figure the machine's load barely moves. */
    cpuMs: () => processCpuMs(api.child.pid),
    stop: async () => {
      const code = await stop(api)
      if (code !== 0) throw new Error(`the API stopped with ${code}:\n${tail(api)}`)
    },
  }
}

/**
 * CPU time so far of the PostgreSQL backends serving `database` (other than the caller's own), in ms:
 * sampled around a load, it is what the database spent on it (backends that end in between are lost).
 */
export async function databaseCpuMs(db: Kysely<Database>, database: string): Promise<Map<number, number>> {
  const rows = await sql<{
    pid: number
  }>`select pid from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()`.execute(db)
  return new Map(rows.rows.map((r) => [r.pid, processCpuMs(r.pid)]))
}

/** The CPU the backends sampled in `before` and still alive in `after` used in between, in ms. */
export function cpuBetween(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let total = 0
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? ms)
  return total
}

/** User + system CPU time of a process in ms, from /proc (Linux); NaN elsewhere. */
export function processCpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // utime and stime are fields 14 and 15 of stat, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return Number.NaN
  }
}

/** Removes the queues (and their Redis keys) of a bench's prefix. */
export async function dropQueues(prefix: string): Promise<void> {
  for (const name of Object.values(QUEUES)) {
    const q = new Queue(name, { connection: redisConnection(REDIS_URL, 'producer'), prefix })
    await q.obliterate({ force: true })
    await q.close()
  }
}
