import { sql } from 'kysely'
import type { ApiDeps } from './deps.js'

/** Rejects when `promise` takes longer than `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

export interface Readiness {
  readonly ok: boolean
  readonly checks: { readonly postgres: string; readonly redis: string }
}

/** Postgres answers `select 1` and Redis answers a queue count, each within a second. Never throws. */
export async function checkReady(deps: Pick<ApiDeps, 'db' | 'queues'>, timeoutMs = 1000): Promise<Readiness> {
  const probe = async (what: string, run: () => Promise<unknown>) => {
    try {
      await within(run(), timeoutMs, what)
      return 'ok'
    } catch (error) {
      return error instanceof Error ? error.message : String(error)
    }
  }
  const [postgres, redis] = await Promise.all([
    probe('postgres', () => sql`select 1`.execute(deps.db)),
    probe('redis', () => deps.queues.match.getJobCounts('wait')),
  ])
  return { ok: postgres === 'ok' && redis === 'ok', checks: { postgres, redis } }
}
