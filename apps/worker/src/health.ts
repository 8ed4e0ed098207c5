// The worker's optional health endpoint (HEALTH_PORT): a container or orchestrator asks GET /healthz
// and gets 200 while PostgreSQL and Redis answer, 503 otherwise. The worker has no other port.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Database } from '@stagebrug/db'
import type { Queue } from 'bullmq'
import { type Kysely, sql } from 'kysely'

/** One probe per dependency; each resolves when the dependency answered. */
export type HealthChecks = Readonly<Record<string, () => Promise<unknown>>>

export interface Health {
  readonly ok: boolean
  /** `ok`, or why the probe failed. */
  readonly checks: Readonly<Record<string, string>>
}

/** The probes the worker runs: `select 1` on its database and a job count on its queue's Redis connection. */
export function workerHealthChecks(db: Kysely<Database>, queue: Queue): HealthChecks {
  return {
    postgres: () => sql`select 1`.execute(db),
    // The worker's connection retries forever (maxRetriesPerRequest: null), so a lost Redis shows as
    // a count that does not come back in time rather than as an error.
    redis: () => queue.getJobCounts('wait'),
  }
}

/** Runs every probe at once, each limited to `timeoutMs`. Never throws. */
export async function checkHealth(checks: HealthChecks, timeoutMs = 1000): Promise<Health> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, probe]) => {
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${name}: no answer within ${timeoutMs} ms`)), timeoutMs)
      })
      try {
        await Promise.race([probe(), timeout])
        return [name, 'ok'] as const
      } catch (error) {
        return [name, error instanceof Error ? error.message : String(error)] as const
      } finally {
        clearTimeout(timer)
      }
    }),
  )
  return { ok: entries.every(([, result]) => result === 'ok'), checks: Object.fromEntries(entries) }
}

export interface HealthServer {
  /** The port it listens on (the one asked for, or the one the system chose for 0). */
  readonly port: number
  close(): Promise<void>
}

/** Listens for GET /healthz; answers `{ ok, checks }` as JSON, 200 when every probe answered, 503 otherwise. */
export async function startHealthServer(opts: {
  readonly host: string
  readonly port: number
  readonly checks: HealthChecks
  readonly timeoutMs?: number
}): Promise<HealthServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    if (path !== '/healthz') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not-found"}')
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json' })
        .end('{"error":"method-not-allowed"}')
      return
    }
    void checkHealth(opts.checks, opts.timeoutMs).then((health) => {
      res
        .writeHead(health.ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        .end(req.method === 'HEAD' ? undefined : JSON.stringify(health))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
