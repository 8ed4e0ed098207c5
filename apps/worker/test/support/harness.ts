// A night on real PostgreSQL, Redis and SMTP: a seeded database, an in-process SMTP server and
// workers on a queue prefix of their own, so suites never see each other's jobs.
import { randomBytes } from 'node:crypto'
import type { Database } from '@stagebrug/db'
import { createMailer } from '@stagebrug/mail'
import type { WorkerDeps } from '@stagebrug/night'
import { QUEUES, redisConnection } from '@stagebrug/queue'
import { Queue } from 'bullmq'
import type { Kysely } from 'kysely'
import { pino } from 'pino'
import { startTestSmtp, type TestSmtp } from '../../../../packages/mail/test/support/smtp.js'
import { type RunningWorker, startWorker } from '../../src/worker.js'

export const REDIS_URL = 'redis://127.0.0.1:6379'

export interface Harness {
  readonly smtp: TestSmtp
  readonly prefix: string
  readonly workers: RunningWorker[]
  deps(name: string): WorkerDeps
  startWorkers(count: number): Promise<RunningWorker[]>
  close(): Promise<void>
}

export async function openHarness(db: Kysely<Database>, today: string): Promise<Harness> {
  const smtp = await startTestSmtp()
  const prefix = `sbtest-${randomBytes(4).toString('hex')}`
  const workers: RunningWorker[] = []
  const mailer = createMailer(smtp.url, 'Stagebrug <noreply@stagebrug.test>')
  const deps = (name: string): WorkerDeps => ({
    db,
    mailer,
    logger: pino({ level: process.env.LOG_LEVEL ?? 'silent', base: { worker: name } }),
    now: () => new Date(`${today}T01:00:00Z`),
    settings: {
      matchParts: 4,
      timeZone: 'Europe/Brussels',
      platformName: 'Stagebrug',
      adminEmail: 'beheer@stagebrug.test',
      publicUrl: null,
      messageIdDomain: 'stagebrug.test',
    },
  })
  return {
    smtp,
    prefix,
    workers,
    deps,
    async startWorkers(count) {
      const started = await Promise.all(
        Array.from({ length: count }, (_, i) =>
          startWorker(deps(`w${workers.length + i + 1}`), {
            connection: redisConnection(REDIS_URL, 'worker'),
            prefix,
            matchConcurrency: 2,
            mailConcurrency: 4,
            mailAttempts: 4,
            mailBackoffMs: 100,
          }),
        ),
      )
      workers.push(...started)
      return started
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()))
      for (const name of Object.values(QUEUES)) {
        const q = new Queue(name, { connection: redisConnection(REDIS_URL, 'producer'), prefix })
        await q.obliterate({ force: true })
        await q.close()
      }
      mailer.close()
      await smtp.close()
    },
  }
}

/** Polls until `check` returns a value (not undefined) or the time is up. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
