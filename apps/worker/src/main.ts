// The worker's composition root: reads the environment once, opens the database, Redis and SMTP,
// registers the nightly schedule and processes match and mail jobs until SIGTERM or SIGINT;
// with HEALTH_PORT set it also answers GET /healthz.
import { EnvError, loadWorkerEnv } from '@stagebrug/config'
import { createDb } from '@stagebrug/db'
import { createMailer } from '@stagebrug/mail'
import { redisConnection, registerNightlySchedule } from '@stagebrug/queue'
import { pino } from 'pino'
import { startHealthServer, workerHealthChecks } from './health.js'
import { startWorker } from './worker.js'

async function main(): Promise<void> {
  let env: ReturnType<typeof loadWorkerEnv>
  try {
    env = loadWorkerEnv(process.env)
  } catch (error) {
    if (!(error instanceof EnvError)) throw error
    process.stderr.write(`${error.message}\n`)
    process.exit(2)
  }
  const logger = pino({ level: env.LOG_LEVEL, base: { service: 'worker', pid: process.pid } })
  // A connection PostgreSQL dropped (restart, failover, pg_terminate_backend) is logged; the pool replaces it.
  const handle = createDb(env.DATABASE_URL, {
    onIdleError: (error) => logger.warn({ err: error.message }, 'PostgreSQL connection lost'),
  })
  const mailer = createMailer(env.SMTP_URL, env.MAIL_FROM)
  const sender = env.MAIL_FROM.match(/<([^>]+)>\s*$/)?.[1] ?? env.MAIL_FROM
  const worker = await startWorker(
    {
      db: handle.db,
      mailer,
      logger,
      now: () => new Date(),
      settings: {
        matchParts: env.MATCH_PARTS,
        timeZone: env.TZ,
        platformName: 'Stagebrug',
        adminEmail: env.ADMIN_EMAIL ?? null,
        publicUrl: env.PUBLIC_URL ?? null,
        messageIdDomain: sender.split('@')[1] ?? 'stagebrug.local',
      },
    },
    {
      connection: redisConnection(env.REDIS_URL, 'worker'),
      prefix: env.QUEUE_PREFIX,
      matchConcurrency: env.MATCH_CONCURRENCY,
      mailConcurrency: env.MAIL_CONCURRENCY,
      mailAttempts: env.MAIL_ATTEMPTS,
      mailBackoffMs: env.MAIL_BACKOFF_MS,
      lockMs: env.JOB_LOCK_MS,
    },
  )
  await registerNightlySchedule(worker.queues.match, env.MATCH_CRON, env.TZ, env.MATCH_PUBLISH === 'auto')
  const health =
    env.HEALTH_PORT === undefined
      ? null
      : await startHealthServer({
          host: env.HEALTH_HOST,
          port: env.HEALTH_PORT,
          checks: workerHealthChecks(handle.db, worker.queues.match),
        })
  logger.info(
    {
      cron: env.MATCH_CRON,
      tz: env.TZ,
      parts: env.MATCH_PARTS,
      publish: env.MATCH_PUBLISH,
      health: health === null ? null : `${env.HEALTH_HOST}:${health.port}`,
    },
    'worker started',
  )

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'stopping: finishing current jobs')
    await health?.close()
    // A job still running when close() returns keeps its lock until it expires; BullMQ then
    // hands it to another worker (stalled-job recovery), and our writes are idempotent.
    await worker.close()
    mailer.close()
    await handle.destroy()
    logger.info('stopped')
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

main().catch((error: unknown) => {
  process.stderr.write(`worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
