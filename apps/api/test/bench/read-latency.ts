// `pnpm --filter @stagebrug/api bench [students] [--keep] [--reuse <db>] [--seconds <s>]`: read latency
// of the API against a seeded PostgreSQL. Seeds a synthetic Flanders-wide data set (default 10,000
// students) in a scratch database, runs a night in-process for the proposals, then drives five read
// endpoints with autocannon (its own process) at a fixed 200 requests/s (30 s each, `--seconds`) and
// prints p50/p99 with the load average (and a JSON line). Every read also writes its audit row, as in
// production. The API runs as its own process (src/server.ts with the Dockerfile's node flags, logging
// at info as in production); `--in-process` runs it in the bench's process instead.
// `--keep` keeps the seeded database (its name is printed); `--reuse <db>` benches a kept one again.
// `pnpm --filter @stagebrug/api bench uploads …`: uploads from 20 schools during a run (uploads-during-run.ts).
import { createApp } from '../../src/app.js'
import { openQueuesFor, SETTINGS } from '../support/world.js'
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
  parseArgs,
  type ReadResult,
  readTargets,
  startApiProcess,
} from './shared.js'
import { uploadsBench } from './uploads-during-run.js'

/** The API under test: its own process by default (server.ts, as in production), or in this one. */
async function startApiFor(handle: BenchDb, args: BenchArgs, prefix: string) {
  if (!args.inProcess) {
    const api = await startApiProcess(handle.url, prefix)
    return { base: api.url, cpuMs: api.cpuMs, close: () => api.stop() }
  }
  const queues = openQueuesFor(prefix)
  const app = await createApp({
    db: handle.db,
    queues,
    settings: { ...SETTINGS, rateLimit: { max: 1_000_000, windowMs: 60_000 } },
  })
  const base = await app.listen({ host: '127.0.0.1', port: 0 })
  return {
    base,
    cpuMs: () => Number.NaN,
    close: async () => {
      await app.close()
      await queues.close()
    },
  }
}

async function readBench(args: BenchArgs) {
  const handle = await openBenchDb(args)
  try {
    process.stdout.write(
      `database ${handle.name}${handle.fresh ? (args.keep ? ' (kept afterwards)' : '') : ' (reused)'}; load ${load()}\n`,
    )
    await ensureSeeded(handle, args.students)
    const tenants = await heaviestTenants(handle.db)
    const targets = await readTargets(handle.db, tenants)
    const prefix = `sbbench-${Date.now()}`
    const api = await startApiFor(handle, args, prefix)
    process.stdout.write(
      `${tenants.counts.students} students, ${tenants.counts.proposals} proposals in run ${tenants.runId}; school of ${tenants.school.n} students, company with ${tenants.company.n} proposals; API ${args.inProcess ? 'in this process' : 'in its own process'}\n`,
    )
    const results: ReadResult[] = []
    try {
      for (const t of targets.filter((t) => args.only === undefined || t.name.includes(args.only))) {
        const line = await drive(api.base, t, {
          seconds: args.seconds,
          cpuMs: api.cpuMs,
          dbCpu: () => databaseCpuMs(handle.db, handle.name),
        })
        results.push(line)
        process.stdout.write(formatResult(line))
      }
    } finally {
      await api.close()
      await dropQueues(prefix)
    }
    process.stdout.write(`${JSON.stringify({ students: tenants.counts.students, results })}\n`)
  } finally {
    await handle.close()
    if (args.keep && handle.fresh)
      process.stdout.write(`kept database ${handle.name}: --reuse ${handle.name}\n`)
  }
}

async function main() {
  const argv = process.argv.slice(2)
  if (argv[0] === 'uploads') {
    await uploadsBench(parseArgs(argv.slice(1)))
  } else await readBench(parseArgs(argv))
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
