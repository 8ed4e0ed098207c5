// `pnpm --filter @stagebrug/api bench uploads [students] [--reuse <db>] [--keep] [--seconds <s>]`:
// placement lists uploaded by 20 schools at once while a run is in progress. The API and a worker
// run as their own processes (src/server.ts, apps/worker/src/main.ts) on BullMQ and PostgreSQL, with
// an SMTP server in this process. An administrator asks for a run over HTTP; as soon as it is
// running, 20 school keys each post a CSV of 200–600 new students (so each school's other students
// are withdrawn, as with a real new list) while autocannon reads the largest school's proposals at
// 200 requests/s. Prints each upload's latency, the read figures during the run, how the run ended,
// and checks that the run kept to its snapshot: none of the uploaded students has a proposal in it,
// and its counts are those of the students before the uploads.
// `--reuse <db>` works on a copy of a kept bench database (CREATE DATABASE … TEMPLATE), dropped after.
import { randomBytes } from 'node:crypto'
import { setPriority } from 'node:os'
import { createApiKey } from '@stagebrug/db'
import { sql } from 'kysely'
import { startWorkerProcess, stop, tail } from '../../../../test/e2e/support/processes.js'
import { startTestSmtp } from '../../../../test/support/smtp.js'
import { csv, realisticPupils, STUDENT_HEADER, table, utf8 } from '../../../../test/support/upload-files.js'
import { REDIS_URL } from '../support/world.js'
import { type BenchDb, openBenchDb } from './bench-db.js'
import {
  type BenchArgs,
  databaseCpuMs,
  drive,
  dropQueues,
  ensureSeeded,
  formatResult,
  heaviestTenants,
  load,
  type ReadResult,
  readTargets,
  startApiProcess,
} from './shared.js'

const SCHOOLS = 20
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const pct = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN

interface UploadResult {
  readonly school: string
  readonly rows: number
  readonly status: number
  readonly ms: number
  readonly outcome: string
  readonly counts: Record<string, number> | null
  /** As the API reports them: reading and validating the file, and its transaction. */
  readonly timings: { readonly parseMs?: number; readonly storeMs?: number } | null
  readonly error: string | null
}

async function upload(
  base: string,
  key: string,
  school: string,
  rows: number,
  batch: string,
): Promise<UploadResult> {
  const pupils = realisticPupils(rows, school).map((p) => ({
    ...p,
    stamboeknummer: `${batch}${p.stamboeknummer}`,
  }))
  const bytes = utf8(csv(table(STUDENT_HEADER, pupils)), true)
  const form = new FormData()
  form.append('file', new Blob([bytes], { type: 'text/csv' }), `leerlingen-${school}.csv`)
  const t0 = performance.now()
  const res = await fetch(`${base}/school/uploads/students`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}` },
    body: form,
  })
  const text = await res.text()
  const ms = Math.round(performance.now() - t0)
  let body: {
    outcome?: string
    counts?: Record<string, number>
    timings?: { parseMs?: number; storeMs?: number }
  } = {}
  try {
    body = JSON.parse(text)
  } catch {}
  return {
    school,
    rows,
    status: res.status,
    ms,
    outcome: body.outcome ?? '?',
    counts: body.counts ?? null,
    timings: body.timings ?? null,
    error: res.status === 200 ? null : text.slice(0, 300),
  }
}

/** A scratch copy of a kept database (`--reuse`), or a fresh seeded one. */
async function openUploadDb(args: BenchArgs): Promise<BenchDb> {
  if (args.reuse === undefined) return openBenchDb(args)
  const copy = `sbbench_up_${randomBytes(3).toString('hex')}`
  const t0 = performance.now()
  const admin = await openBenchDb({ students: 0, reuse: args.reuse, keep: true })
  await admin.close()
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${copy} TEMPLATE ${args.reuse}`)
  } finally {
    await client.end()
  }
  const handle = await openBenchDb({ students: 0, reuse: copy, keep: true })
  process.stdout.write(
    `copied ${args.reuse} to ${copy} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
  )
  return {
    ...handle,
    close: async () => {
      await handle.close()
      if (args.keep) return
      const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`)
      await c.end()
    },
  }
}

function summarise(uploads: readonly UploadResult[], reads: ReadResult) {
  const sorted = uploads.map((u) => u.ms).sort((a, b) => a - b)
  const ok = uploads.filter((u) => u.status === 200 && u.outcome === 'accepted')
  return {
    uploads: {
      succeeded: ok.length,
      of: uploads.length,
      rows: uploads.reduce((n, u) => n + u.rows, 0),
      p50: pct(sorted, 50),
      p99: pct(sorted, 99),
      max: sorted.at(-1),
      failed: uploads
        .filter((u) => !ok.includes(u))
        .map((u) => ({ school: u.school, status: u.status, error: u.error })),
    },
    reads,
  }
}

/** What the API logged at level error or above (pino: 50, 60): the cause of a 500. */
function apiErrors(output: readonly string[]): string[] {
  return output
    .join('')
    .split('\n')
    .filter((line) => /"level":(50|60)/.test(line))
    .map((line) => line.slice(0, 1500))
}

function report(uploads: readonly UploadResult[], reads: ReadResult) {
  process.stdout.write(
    '\nuploads (school, rows, status, ms, created/updated/withdrawn, parse + store ms in the API):\n',
  )
  for (const u of uploads)
    process.stdout.write(
      `  ${u.school} ${String(u.rows).padStart(3)} rows  ${u.status} ${u.outcome.padEnd(8)} ${String(u.ms).padStart(6)} ms  ${u.counts ? `${u.counts.created}/${u.counts.updated}/${u.counts.withdrawn}` : u.error}  ${u.timings?.parseMs ?? '?'} + ${u.timings?.storeMs ?? '?'}\n`,
    )
  const { uploads: s } = summarise(uploads, reads)
  process.stdout.write(
    `${s.succeeded} of ${s.of} uploads accepted (${s.rows} rows): p50 ${s.p50} ms, p99 ${s.p99} ms, max ${s.max} ms; load ${load()}\n`,
  )
  process.stdout.write(`reads meanwhile: ${formatResult(reads)}`)
}

export async function uploadsBench(args: BenchArgs): Promise<void> {
  const handle = await openUploadDb(args)
  const smtp = await startTestSmtp()
  const prefix = `sbbench-up-${randomBytes(4).toString('hex')}`
  const stops: (() => Promise<unknown>)[] = []
  try {
    process.stdout.write(`database ${handle.name}; load ${load()}\n`)
    await ensureSeeded(handle, args.students)
    const db = handle.db
    const tenants = await heaviestTenants(db)
    const probe = (await readTargets(db, tenants)).find((t) => t.path.startsWith('/school/proposals'))!
    // Twenty schools other than the one the reads are about (its proposals stay as they are).
    const schools = await db
      .selectFrom('school')
      .select(['id', 'instellingsnummer'])
      .where('id', '<>', tenants.school.school_id)
      .orderBy('instellingsnummer')
      .limit(SCHOOLS)
      .execute()
    const keys = await Promise.all(
      schools.map(
        async (s) =>
          (
            await createApiKey(db, {
              name: `bench ${s.instellingsnummer}`,
              role: 'school',
              scope: { schoolId: s.id },
            })
          ).key,
      ),
    )
    const adminKey = (await createApiKey(db, { name: 'bench admin', role: 'admin' })).key
    const before = await db
      .selectFrom('student')
      .select(sql<number>`count(*) filter (where status = 'open')::int`.as('open'))
      .executeTakeFirstOrThrow()

    const api = await startApiProcess(handle.url, prefix)
    stops.push(api.stop)
    const worker = await startWorkerProcess('worker', {
      DATABASE_URL: handle.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Stagebrug <noreply@stagebrug.test>',
      MATCH_CRON: '0 3 1 1 *', // not tonight: only the run asked for here
      MATCH_PARTS: '8',
      MATCH_CONCURRENCY: '1',
      MAIL_CONCURRENCY: '1',
      LOG_LEVEL: 'info',
    })
    // A deployment knob: the night may yield the CPU to the API and the database.
    if (args.workerNice !== 0 && worker.child.pid !== undefined)
      setPriority(worker.child.pid, args.workerNice)
    stops.push(async () => {
      const code = await stop(worker)
      if (code !== 0) process.stdout.write(`worker stopped with ${code}\n${tail(worker)}\n`)
    })
    process.stdout.write(
      `API and worker started (worker nice ${args.workerNice}); ${before.open} open students; load ${load()}\n`,
    )

    const dbCpu = () => databaseCpuMs(db, handle.name)
    const quiet = await drive(api.url, probe, { seconds: args.seconds, cpuMs: api.cpuMs, dbCpu })
    process.stdout.write(`reads before the run: ${formatResult(quiet)}`)
    const t0 = performance.now()
    const at = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`
    const batch = `U${Date.now() % 100_000}`
    const sizes = schools.map((_, i) => 200 + Math.round((400 * i) / (SCHOOLS - 1)))
    const uploadAndRead = () =>
      Promise.all([
        drive(api.url, probe, {
          seconds: Math.max(args.seconds, 20),
          cpuMs: api.cpuMs,
          warmUp: false,
        }),
        Promise.all(schools.map((s, i) => upload(api.url, keys[i]!, s.instellingsnummer, sizes[i]!, batch))),
      ])
    if (args.noRun) {
      process.stdout.write(`no run: ${SCHOOLS} uploads and reads at 200/s start now\n`)
      const [reads, uploads] = await uploadAndRead()
      report(uploads, reads)
      process.stdout.write(
        `${JSON.stringify({ students: tenants.counts.students, run: null, ...summarise(uploads, reads) })}\n`,
      )
      return
    }
    const asked = await fetch(`${api.url}/admin/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ publish: true }),
    })
    if (asked.status >= 300) throw new Error(`POST /admin/runs: ${asked.status} ${await asked.text()}`)
    const { jobId } = (await asked.json()) as { jobId: string }
    const runOf = () =>
      db.selectFrom('match_run').selectAll().where('job_key', '=', `night.${jobId}`).executeTakeFirst()
    let run = await runOf()
    // 'running' once the snapshot is taken and the parts are queued.
    while (run?.status !== 'running') {
      if (run?.status === 'failed' || performance.now() - t0 > 300_000)
        throw new Error(`the run did not start: ${run?.status}\n${tail(worker)}`)
      await sleep(50)
      run = await runOf()
    }
    process.stdout.write(`run ${run.id} planned and running at ${at()}; reads alone for ${args.seconds} s\n`)
    const runOnly = await drive(api.url, probe, {
      seconds: args.seconds,
      cpuMs: api.cpuMs,
      dbCpu,
      warmUp: false,
    })
    process.stdout.write(`reads during the run, no uploads: ${formatResult(runOnly)}`)
    process.stdout.write(`${SCHOOLS} uploads and reads at 200/s start at ${at()}\n`)
    const [reads, uploads] = await uploadAndRead()
    for (const line of apiErrors(api.output)) process.stdout.write(`API error: ${line}\n`)
    const stored = await db
      .selectFrom('match_run_part')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('run_id', '=', run.id)
      .executeTakeFirstOrThrow()
    process.stdout.write(`uploads done at ${at()}; by then ${stored.n} of ${run.parts} parts stored\n`)
    while (run?.status === 'running' || run?.status === 'queued') {
      if (performance.now() - t0 > 30 * 60_000)
        throw new Error(`the run did not finish in 30 min\n${tail(worker)}`)
      await sleep(500)
      run = await runOf()
    }
    const runSeconds = (performance.now() - t0) / 1000
    // Jobs of the run that failed an attempt (BullMQ retried them), e.g. a part chosen to break a deadlock.
    const failedJobs = worker.output
      .join('')
      .split('\n')
      .filter((line) => line.includes('"job failed"'))
    for (const line of failedJobs) process.stdout.write(`worker: ${line.slice(0, 400)}\n`)
    process.stdout.write(`run ${run?.status} at ${at()}; load ${load()}\n`)

    // The run kept to its snapshot: no uploaded student in it, the counts of before.
    const uploadedInRun = await db
      .selectFrom('proposal as p')
      .innerJoin('student as s', 's.id', 'p.student_id')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('p.run_id', '=', run!.id)
      .where('s.external_id', 'like', `${batch}%`)
      .executeTakeFirstOrThrow()
    const inRun = await db
      .selectFrom('proposal')
      .select([
        sql<number>`count(distinct student_id)::int`.as('students'),
        sql<number>`count(*) filter (where kind in ('allocated', 'pinned'))::int`.as('placed'),
      ])
      .where('run_id', '=', run!.id)
      .executeTakeFirstOrThrow()
    const counts = (run?.counts ?? {}) as Record<string, number>
    const after = await db
      .selectFrom('student')
      .select([
        sql<number>`count(*) filter (where status = 'open')::int`.as('open'),
        sql<number>`count(*) filter (where external_id like ${`${batch}%`})::int`.as('uploaded'),
      ])
      .executeTakeFirstOrThrow()

    report(uploads, reads)
    const summary = {
      students: tenants.counts.students,
      readsBefore: quiet,
      readsDuringRunAlone: runOnly,
      ...summarise(uploads, reads),
      run: {
        id: run?.id,
        status: run?.status,
        seconds: Math.round(runSeconds),
        parts: run?.parts,
        jobAttemptsFailed: failedJobs.length,
        partsStoredWhenUploadsDone: stored.n,
        snapshotStudents: counts.students,
        openStudentsBefore: before.open,
        openStudentsAfter: after.open,
        uploadedStudents: after.uploaded,
        studentsWithProposals: inRun.students,
        placed: inRun.placed,
        matchedCount: counts.matched,
        uploadedStudentsWithProposals: uploadedInRun.n,
      },
    }
    const consistent =
      run?.status === 'succeeded' &&
      uploadedInRun.n === 0 &&
      counts.students === before.open &&
      counts.matched === inRun.placed
    process.stdout.write(
      `run ${run?.status} in ${Math.round(runSeconds)} s: snapshot ${counts.students} students (open before the uploads: ${before.open}, after: ${after.open}); ${inRun.placed} placed (counts say ${counts.matched}); uploaded students with a proposal in it: ${uploadedInRun.n} → ${consistent ? 'the run kept to its snapshot' : 'INCONSISTENT'}\n`,
    )
    process.stdout.write(`${JSON.stringify(summary)}\n`)
    if (!consistent || summary.uploads.succeeded !== uploads.length) process.exitCode = 1
  } finally {
    for (const s of stops.reverse())
      await s().catch((e: unknown) => process.stdout.write(`stop: ${String(e)}\n`))
    await dropQueues(prefix)
    await smtp.close()
    await handle.close()
  }
}
