// The API's composition root, and the only file that listens: reads the environment once, opens
// the database and the producer side of the queues, serves until SIGTERM or SIGINT, then drains.
import { EnvError, loadApiEnv } from '@stagebrug/config'
import { createDb } from '@stagebrug/db'
import { openQueues, redisConnection } from '@stagebrug/queue'
import type { FastifyBaseLogger } from 'fastify'
import { pino } from 'pino'
import { createApp } from './app.js'

async function main(): Promise<void> {
  let env: ReturnType<typeof loadApiEnv>
  try {
    env = loadApiEnv(process.env)
  } catch (error) {
    if (!(error instanceof EnvError)) throw error
    process.stderr.write(`${error.message}\n`)
    process.exit(2)
  }
  const logger = pino({
    level: env.LOG_LEVEL,
    base: { service: 'api', pid: process.pid },
    redact: ['req.headers.authorization', 'req.headers.cookie', '*.email', '*.key'],
  })
  // A connection PostgreSQL dropped (restart, failover, pg_terminate_backend) is logged; the pool replaces it.
  const handle = createDb(env.DATABASE_URL, {
    onIdleError: (error) => logger.warn({ err: error.message }, 'PostgreSQL connection lost'),
  })
  const queues = openQueues({
    connection: redisConnection(env.REDIS_URL, 'producer'),
    prefix: env.QUEUE_PREFIX,
    mailAttempts: env.MAIL_ATTEMPTS,
    mailBackoffMs: env.MAIL_BACKOFF_MS,
  })
  const app = await createApp({
    db: handle.db,
    queues,
    logger: logger as unknown as FastifyBaseLogger,
    settings: {
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      uploadMaxBytes: env.UPLOAD_MAX_BYTES,
      uploadMaxRows: env.UPLOAD_MAX_ROWS,
      rateLimit: { max: env.RATE_LIMIT_MAX, windowMs: env.RATE_LIMIT_WINDOW_MS },
      trustProxy: env.TRUST_PROXY,
      docs: env.API_DOCS,
      platformName: 'Stagebrug',
      adminEmail: env.ADMIN_EMAIL ?? null,
      publicUrl: env.PUBLIC_URL ?? null,
    },
  })
  await app.listen({ host: env.HOST, port: env.PORT })

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'stopping: finishing open requests')
    // close() stops accepting connections and waits for the requests in flight.
    await app.close()
    await queues.close()
    await handle.destroy()
    logger.info('stopped')
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

main().catch((error: unknown) => {
  process.stderr.write(`api: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
