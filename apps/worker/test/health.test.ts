// The worker's health endpoint on a real PostgreSQL and a real Redis, and on ones that do not answer.
import { randomBytes } from 'node:crypto'
import { createDb } from '@stagebrug/db'
import { QUEUES, redisConnection } from '@stagebrug/queue'
import { Queue } from 'bullmq'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDb, type TestDb } from '../../../test/support/databases.js'
import { type HealthChecks, type HealthServer, startHealthServer, workerHealthChecks } from '../src/health.js'

const REDIS_URL = 'redis://127.0.0.1:6379'
/** Nothing listens here: connections are refused at once. */
const DEAD_PORT_URL = (scheme: string) => `${scheme}://127.0.0.1:1`

describe('worker health endpoint', () => {
  let db: TestDb
  let queue: Queue
  const opened: HealthServer[] = []

  beforeAll(async () => {
    db = await openTestDb('postgres')
    queue = new Queue(QUEUES.match, {
      connection: redisConnection(REDIS_URL, 'worker'),
      prefix: `sbtest-${randomBytes(4).toString('hex')}`,
    })
  })

  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()))
    await queue.close()
    await db.close()
  })

  // The probes' time limit is the default second: plenty for a local PostgreSQL and Redis on a busy machine.
  const serve = async (checks: HealthChecks) => {
    const server = await startHealthServer({ host: '127.0.0.1', port: 0, checks })
    opened.push(server)
    return (path = '/healthz', init?: RequestInit) => fetch(`http://127.0.0.1:${server.port}${path}`, init)
  }

  it('answers 200 while PostgreSQL and Redis answer', async () => {
    const get = await serve(workerHealthChecks(db.db, queue))
    const res = await get()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(await res.json()).toEqual({ ok: true, checks: { postgres: 'ok', redis: 'ok' } })
    expect((await get('/healthz', { method: 'HEAD' })).status).toBe(200)
  })

  it('answers 503 naming PostgreSQL when the database refuses connections', async () => {
    const away = createDb(`${DEAD_PORT_URL('postgres')}/stagebrug`)
    try {
      const res = await (await serve(workerHealthChecks(away.db, queue)))()
      expect(res.status).toBe(503)
      const body = (await res.json()) as { ok: boolean; checks: Record<string, string> }
      expect(body.ok).toBe(false)
      expect(body.checks.redis).toBe('ok')
      expect(body.checks.postgres).toMatch(/ECONNREFUSED/)
    } finally {
      await away.destroy()
    }
  })

  it('answers 503 naming Redis when Redis does not answer in time', async () => {
    // The worker's connection options retry forever, so a PING to a lost Redis waits: the timeout decides.
    const lost = new Queue(QUEUES.match, { connection: redisConnection(DEAD_PORT_URL('redis'), 'worker') })
    lost.on('error', () => {})
    try {
      const res = await (await serve(workerHealthChecks(db.db, lost)))()
      expect(res.status).toBe(503)
      expect(await res.json()).toEqual({
        ok: false,
        checks: { postgres: 'ok', redis: 'redis: no answer within 1000 ms' },
      })
    } finally {
      await lost.close()
    }
  })

  it('answers only GET and HEAD on /healthz', async () => {
    const get = await serve(workerHealthChecks(db.db, queue))
    expect((await get('/')).status).toBe(404)
    expect((await get('/metrics')).status).toBe(404)
    const post = await get('/healthz', { method: 'POST' })
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('GET, HEAD')
  })

  it('stops listening when closed', async () => {
    const server = await startHealthServer({ host: '127.0.0.1', port: 0, checks: {} })
    const url = `http://127.0.0.1:${server.port}/healthz`
    expect((await fetch(url)).status).toBe(200)
    await server.close()
    await expect(fetch(url)).rejects.toThrow()
  })

  it('fails to start on a port already taken', async () => {
    const first = await startHealthServer({ host: '127.0.0.1', port: 0, checks: {} })
    opened.push(first)
    await expect(startHealthServer({ host: '127.0.0.1', port: first.port, checks: {} })).rejects.toThrow(
      /EADDRINUSE/,
    )
  })
})
