// Worker processes killed in the middle of a night: the run completes on the survivors, no
// proposal is lost or doubled, and no mail reaches anyone twice.
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { promisify } from 'node:util'
import { loadSnapshot, type MatchRunRow } from '@stagebrug/db'
import { seedSynthetic } from '@stagebrug/demo'
import { match } from '@stagebrug/matching-core'
import { openQueues, QUEUES, type Queues, redisConnection, triggerRun } from '@stagebrug/queue'
import { Queue } from 'bullmq'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestSmtp, type TestSmtp } from '../../../packages/mail/test/support/smtp.js'
import { openSeededDb } from '../../../test/support/databases.js'
import { REDIS_URL, waitFor } from './support/harness.js'
import { spawnWorker, started, type WorkerProcess } from './support/processes.js'

describe('worker processes killed mid-run', { timeout: 300_000 }, () => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  let smtp: TestSmtp
  let queues: Queues
  const prefix = `sbcrash-${randomBytes(4).toString('hex')}`
  const processes: WorkerProcess[] = []
  let env: Record<string, string>

  beforeAll(async () => {
    handle = await openSeededDb('postgres')
    // Placements a year ahead, so today's real date (the worker's clock) is before every period.
    await seedSynthetic(handle.db, { students: 1500, seed: 21, region: 'reg-kempen', schoolYearStart: 2027 })
    smtp = await startTestSmtp()
    queues = openQueues({
      connection: redisConnection(REDIS_URL, 'producer'),
      prefix,
      mailAttempts: 4,
      mailBackoffMs: 100,
    })
    env = {
      DATABASE_URL: handle.url,
      REDIS_URL,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Stagebrug <noreply@stagebrug.test>',
      QUEUE_PREFIX: prefix,
      MATCH_PARTS: '16',
      MATCH_CONCURRENCY: '1',
      MAIL_CONCURRENCY: '1',
      JOB_LOCK_MS: '1500',
      MAIL_BACKOFF_MS: '100',
      LOG_LEVEL: 'info',
    }
  })
  afterAll(async () => {
    for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL')
    await Promise.all(processes.map((p) => p.exited))
    await queues?.close()
    for (const name of Object.values(QUEUES)) {
      const q = new Queue(name, { connection: redisConnection(REDIS_URL, 'producer'), prefix })
      await q.obliterate({ force: true })
      await q.close()
    }
    await smtp?.close()
    await handle?.close()
  })

  async function worker(): Promise<WorkerProcess> {
    const w = spawnWorker(env)
    processes.push(w)
    await started(w)
    return w
  }
  async function kill(w: WorkerProcess) {
    w.child.kill('SIGKILL')
    expect(await w.exited).toBe('SIGKILL')
  }
  const runOf = (jobId: string) =>
    handle.db.selectFrom('match_run').selectAll().where('job_key', '=', `night.${jobId}`).executeTakeFirst()
  const finished = (jobId: string) =>
    waitFor(
      `run of ${jobId}`,
      async () => {
        const run = await runOf(jobId)
        if (run?.status === 'failed') throw new Error(`run failed: ${run.error}`)
        return run?.status === 'succeeded' ? run : undefined
      },
      90_000,
    )
  const mailsOf = (runId: string) =>
    handle.db.selectFrom('mail_outbox').selectAll().where('run_id', '=', runId).execute()

  it('finishes a run whose only worker died between parts, on two new workers, exactly as one match', async () => {
    const first = await worker()
    const snapshot = await loadSnapshot(handle.db)
    const jobId = await triggerRun(queues.match, 'crash-test')
    const storedAtKill = await waitFor('a first stored part', async () => {
      const run = await runOf(jobId)
      if (!run?.parts) return undefined
      const { n } = await handle.db
        .selectFrom('match_run_part')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('run_id', '=', run.id)
        .executeTakeFirstOrThrow()
      return Number(n) >= 1 ? { stored: Number(n), parts: run.parts } : undefined
    })
    await kill(first)
    expect(storedAtKill.stored).toBeLessThan(storedAtKill.parts)

    await Promise.all([worker(), worker()])
    const run: MatchRunRow = await finished(jobId)
    const whole = match(snapshot, { seed: Number(run.seed), today: run.today! })
    const stored = await handle.db.selectFrom('proposal').selectAll().where('run_id', '=', run.id).execute()
    const key = (s: string, p: string, rank: number) => `${s} ${p} ${rank}`
    expect(stored.map((p) => key(p.student_id, p.place_id, p.rank)).sort()).toEqual(
      whole.students.flatMap((o) => o.proposals.map((p) => key(p.student, p.place, p.rank))).sort(),
    )
    expect(whole.summary.matched).toBeGreaterThan(100)
    const parts = await handle.db
      .selectFrom('match_run_part')
      .select('part')
      .where('run_id', '=', run.id)
      .execute()
    expect(parts.map((p) => p.part).sort((a, b) => a - b)).toEqual([...Array(run.parts).keys()])
    await waitFor(
      'the mails of the first run',
      async () => ((await mailsOf(run.id)).every((m) => m.status === 'sent') ? true : undefined),
      150_000,
    )
  })

  it('never delivers a mail twice when workers die while sending', async () => {
    const before = smtp.messages.length
    // Each 250 comes 300 ms after the message is stored: a kill now lands in the window where
    // SMTP has the mail but the worker never learns it.
    smtp.setReplyDelay(300)
    const jobId = await triggerRun(queues.match, 'crash-test-mails')
    await waitFor('some mails of the second run', async () =>
      smtp.messages.length >= before + 3 ? true : undefined,
    )
    const alive = processes.filter((p) => p.child.exitCode === null && p.child.signalCode === null)
    await Promise.all(alive.map(kill))
    smtp.setReplyDelay(0)

    await worker()
    const run = await finished(jobId)
    const rows = await waitFor(
      'every mail settled',
      async () => {
        const r = await mailsOf(run.id)
        return r.every((m) => m.status === 'sent' || m.status === 'unknown') ? r : undefined
      },
      150_000,
    )
    const received = smtp.messages.slice(before)
    const ids = received.map((m) => m.messageId)
    expect(new Set(ids).size).toBe(ids.length)
    const unknown = rows.filter((r) => r.status === 'unknown')
    expect(unknown.length).toBeLessThanOrEqual(alive.length)
    for (const r of rows.filter((m) => m.status === 'sent')) {
      expect(ids.filter((id) => id === r.message_id)).toHaveLength(1)
    }
    expect(rows.filter((r) => r.status === 'sent').length).toBeGreaterThanOrEqual(rows.length - alive.length)
  })

  it('lets an administrator ask for a night from the command line and follow it to the end', async () => {
    const cli = new URL('../../cli/', import.meta.url).pathname
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--conditions=@stagebrug/source', '--import', 'tsx', 'src/stagebrug.ts', 'run'],
      { cwd: cli, env: { ...process.env, DATABASE_URL: env.DATABASE_URL!, REDIS_URL, QUEUE_PREFIX: prefix } },
    )
    expect(stdout).toMatch(/Run gevraagd \/ requested \(job \d+\)/)
    expect(stdout).toMatch(/delen \/ parts/)
    expect(stdout).toMatch(/Run [0-9a-f-]{36} \(\d{4}-\d{2}-\d{2}\): 1500 leerlingen, \d+ geplaatst/)
  })

  it('stops on SIGTERM after finishing its work, with exit code 0', async () => {
    const w = processes.at(-1)!
    w.child.kill('SIGTERM')
    expect(await w.exited).toBe(0)
    expect(w.output.join('')).toContain('"stopped"')
  })
})
