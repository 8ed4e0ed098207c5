import type { Database } from '@stagebrug/db'
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
  }
}

const isDocs = (path: string) => path === '/docs' || path.startsWith('/docs/')
/** The queue dashboard: admins only; browsers sign in with Basic auth (the key as password). */
export const DASHBOARD_PATH = '/admin/queues'
const isDashboard = (path: string) => path === DASHBOARD_PATH || path.startsWith(`${DASHBOARD_PATH}/`)

/**
 * Authentication and the role check, before anything else runs: no key or a revoked one → 401,
 * a role the route does not list → 403. Tenant checks are not done here but in the data layer.
 */
export function installAuth(app: FastifyInstance, db: Kysely<Database>): void {
  app.decorateRequest('caller', null)
  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config
    const path = request.url.split('?')[0] ?? ''
    if (config.public || isDocs(path)) return
    const dashboard = isDashboard(path)
    // Answered here rather than thrown: plugins with an error handler of their own (the dashboard)
    // must not turn a refusal into something else.
    const refuse = (error: unknown) => {
      const app = toAppError(error)
      if (app.code === 'UNAUTHENTICATED')
        reply.header(
          'www-authenticate',
          dashboard ? 'Basic realm="Stagebrug beheer", charset="UTF-8"' : 'Bearer realm="stagebrug"',
        )
      return sendProblem(reply, app, path)
    }
    try {
      request.caller = await authenticate(db, keyFromHeader(request.headers.authorization))
    } catch (error) {
      return refuse(error)
    }
    if (request.is404) return
    const roles = dashboard ? (['admin'] as const) : config.roles
    if (roles === 'any') return
    if (!roles?.includes(request.caller.scope.role)) {
      return refuse(
        new AppError(
          'FORBIDDEN',
          `Een sleutel met rol ${request.caller.scope.role} mag dit niet / A ${request.caller.scope.role} key may not do this`,
        ),
      )
    }
  })
}

/** The caller of a route that is not public (the guard has set it). */
export function callerOf(request: { caller: Caller | null }): Caller {
  if (!request.caller) throw new AppError('UNAUTHENTICATED', 'Geen sleutel / No key')
  return request.caller
}
