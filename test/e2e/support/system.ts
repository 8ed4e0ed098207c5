// The whole system for one test file: a scratch PostgreSQL database, an in-process SMTP server, a
// queue prefix of its own, the API and workers as child processes, and an HTTP client that speaks
// to the API as a given key. `close` ends every process it started, empties its queues and drops
// the database, also after a failure.
import { randomBytes } from 'node:crypto'
import { QUEUES, redisConnection } from '@stagebrug/queue'
import { Queue } from 'bullmq'
import { openSeededDb, type TestDb } from '../../support/databases.js'
import { startTestSmtp, type TestSmtp } from '../../support/smtp.js'
import {
  type ApiProcess,
  alive,
  type Child,
  sleep,
  startApi,
  startWorkerProcess,
  stop,
  tail,
} from './processes.js'

export const SHARED_REDIS_URL = 'redis://127.0.0.1:6379'
export const MAIL_FROM = 'Stagebrug <noreply@stagebrug.test>'

export interface Reply {
  readonly status: number
  readonly headers: Headers
  readonly bytes: Buffer
  readonly text: string
  json<T = unknown>(): T
}

export interface Http {
  request(
    method: string,
    path: string,
    body?: { json?: unknown; file?: { name: string; bytes: Uint8Array; type: string } },
  ): Promise<Reply>
  /** GET that must answer 200; the body as JSON. */
  get<T>(path: string): Promise<T>
  /** A request that must answer `status`; the body as JSON. */
  expect<T>(status: number, method: string, path: string, json?: unknown): Promise<T>
}

export interface System {
  readonly handle: TestDb
  readonly db: TestDb['db']
  readonly smtp: TestSmtp
  readonly prefix: string
  readonly redisUrl: string
  readonly processes: Child[]
  /** The environment the API and the workers read, as in production. */
  readonly env: Readonly<Record<string, string>>
  startApi(): Promise<ApiProcess>
  startWorker(): Promise<Child>
  /** A client of the running API with `key` (or none). */
  as(key: string | null): Http
  /** What every process printed last, for failure messages. */
  logs(): string
  /** Polls `check` until it returns a value; on timeout the error carries every process's output. */
  waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs?: number): Promise<T>
  close(): Promise<void>
}

export async function openSystem(
  options: { readonly redisUrl?: string; readonly env?: Readonly<Record<string, string>> } = {},
): Promise<System> {
  const redisUrl = options.redisUrl ?? SHARED_REDIS_URL
  const handle = await openSeededDb('postgres')
  const smtp = await startTestSmtp()
  const prefix = `sbe2e-${randomBytes(4).toString('hex')}`
  const processes: Child[] = []
  let api: ApiProcess | undefined
  const env = {
    DATABASE_URL: handle.url,
    REDIS_URL: redisUrl,
    SMTP_URL: smtp.url,
    MAIL_FROM,
    QUEUE_PREFIX: prefix,
    // Not tonight: a run comes only when a test asks for one.
    MATCH_CRON: '0 3 1 1 *',
    MATCH_PARTS: '8',
    MATCH_CONCURRENCY: '1',
    MAIL_CONCURRENCY: '2',
    MAIL_ATTEMPTS: '4',
    MAIL_BACKOFF_MS: '200',
    JOB_LOCK_MS: '2000',
    RATE_LIMIT_MAX: '100000',
    LOG_LEVEL: 'info',
    ...options.env,
  }
  const logs = () => processes.map((p) => tail(p)).join('\n')

  const as = (key: string | null): Http => {
    const request: Http['request'] = async (method, path, body) => {
      if (!api) throw new Error('the API is not started')
      const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {}
      let payload: FormData | string | undefined
      if (body?.json !== undefined) {
        headers['content-type'] = 'application/json'
        payload = JSON.stringify(body.json)
      } else if (body?.file) {
        const form = new FormData()
        form.append('file', new Blob([body.file.bytes], { type: body.file.type }), body.file.name)
        payload = form
      }
      const res = await fetch(`${api.url}${path}`, { method, headers, body: payload ?? null })
      const bytes = Buffer.from(await res.arrayBuffer())
      const text = bytes.toString('utf8')
      return { status: res.status, headers: res.headers, bytes, text, json: <T>() => JSON.parse(text) as T }
    }
    const expectStatus = async <T>(status: number, method: string, path: string, json?: unknown) => {
      const res = await request(method, path, json === undefined ? undefined : { json })
      if (res.status !== status)
        throw new Error(`${method} ${path}: expected ${status}, got ${res.status}: ${res.text.slice(0, 500)}`)
      return res.json<T>()
    }
    return { request, get: (path) => expectStatus(200, 'GET', path), expect: expectStatus }
  }

  return {
    handle,
    db: handle.db,
    smtp,
    prefix,
    redisUrl,
    processes,
    env,
    async startApi() {
      api = await startApi(env)
      processes.push(api)
      return api
    },
    async startWorker() {
      const w = await startWorkerProcess(
        `worker ${processes.filter((p) => p.name !== 'api').length + 1}`,
        env,
      )
      processes.push(w)
      return w
    },
    as,
    logs,
    async waitFor(what, check, timeoutMs = 90_000) {
      const until = Date.now() + timeoutMs
      for (;;) {
        const value = await check()
        if (value !== undefined) return value
        if (Date.now() > until) throw new Error(`Timed out waiting for ${what}\n${logs()}`)
        await sleep(100)
      }
    },
    async close() {
      await Promise.all(processes.filter(alive).map((p) => stop(p, 'SIGKILL')))
      if (redisUrl === SHARED_REDIS_URL) {
        for (const name of Object.values(QUEUES)) {
          const q = new Queue(name, { connection: redisConnection(redisUrl, 'producer'), prefix })
          await q.obliterate({ force: true })
          await q.close()
        }
      }
      await smtp.close()
      await handle.close()
    },
  }
}
