import { type Database, serverSecret } from '@stagebrug/db'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { AppError, sendProblem, toAppError } from '../errors.js'
import type { Caller, Role } from '../scope/scope.js'
import { authenticate, keyFromHeader } from './authenticate.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route: a list of roles, or 'any' valid key. Routes without it are refused (403). */
    roles?: readonly Role[] | 'any'
    /** No key needed (health checks). */
    public?: boolean
  }
  interface FastifyRequest {
    /** The authenticated caller; set on every route that is not public. */
    caller: Caller | null
    /** The server secret (read once per database handle), set with the caller. */
    secret: Buffer | null
    /** Why the guard refuses the request (401 or 403), answered after the rate limit has counted it. */
    refusal: AppError | null
  }
}

const isDocs = (path: string) => path === '/docs' || path.startsWith('/docs/')
/** The queue dashboard: admins only; browsers sign in with Basic auth (the key as password). */
export const DASHBOARD_PATH = '/admin/queues'
const isDashboard = (path: string) => path === DASHBOARD_PATH || path.startsWith(`${DASHBOARD_PATH}/`)

/**
 * Authentication and the role check, before any body is read: no key or a revoked one → 401, a
 * role the route does not list → 403. Tenant checks are not done here but in the data layer.
 *
 * Two hooks, with the rate limit between them: `onRequest` resolves the key (the limiter keys a
 * valid one per key, everything else per address), `preParsing` answers the refusal. So a request
 * without a valid key is counted against its address before it gets its 401, and guessing keys is
 * throttled like any other traffic (429 with Retry-After). Call `installAuth` before registering
 * the rate limit: the limiter's hook runs after every instance-level `onRequest` hook.
 */
export function installAuth(app: FastifyInstance, db: Kysely<Database>): void {
  app.decorateRequest('caller', null)
  app.decorateRequest('refusal', null)
  app.decorateRequest('secret', null)
  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config
    const path = request.url.split('?')[0] ?? ''
    if (config.public || isDocs(path)) return
    try {
      request.caller = await authenticate(db, keyFromHeader(request.headers.authorization))
      // Cached per handle after the first read; a database that is away is a 503 like the key lookup.
      request.secret = await serverSecret(db)
    } catch (error) {
      const refusal = toAppError(error)
      // Only "no valid key" waits for the rate limit; a database that is away is answered at once.
      if (refusal.code !== 'UNAUTHENTICATED') return sendProblem(reply, refusal, path)
      request.refusal = refusal
      return
    }
    if (request.is404) return
    const roles = isDashboard(path) ? (['admin'] as const) : config.roles
    if (roles === 'any') return
    if (!roles?.includes(request.caller.scope.role)) {
      request.refusal = new AppError(
        'FORBIDDEN',
        `Een sleutel met rol ${request.caller.scope.role} mag dit niet / A ${request.caller.scope.role} key may not do this`,
      )
    }
  })
  // Answered here rather than thrown: plugins with an error handler of their own (the dashboard)
  // must not turn a refusal into something else.
  // Callback style: a refused request never calls `done`, so nothing after this hook runs.
  app.addHook('preParsing', (request, reply, payload, done) => {
    const refusal = request.refusal
    if (refusal === null) return done(null, payload)
    const path = request.url.split('?')[0] ?? ''
    if (refusal.code === 'UNAUTHENTICATED')
      reply.header(
        'www-authenticate',
        isDashboard(path) ? 'Basic realm="Stagebrug beheer", charset="UTF-8"' : 'Bearer realm="stagebrug"',
      )
    sendProblem(reply, refusal, path)
  })
}

/** The server secret of a route that is not public (the guard has set it with the caller). */
export function secretOf(request: { secret: Buffer | null }): Buffer {
  if (!request.secret) throw new AppError('UNAUTHENTICATED', 'Geen sleutel / No key')
  return request.secret
}

/** The caller of a route that is not public (the guard has set it). */
export function callerOf(request: { caller: Caller | null }): Caller {
  if (!request.caller) throw new AppError('UNAUTHENTICATED', 'Geen sleutel / No key')
  return request.caller
}
