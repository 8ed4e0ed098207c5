import type { FastifyRequest } from 'fastify'
import { callerOf, secretOf } from '../auth/guard.js'
import type { DataCtx } from '../data/context.js'
import type { ApiDeps } from '../deps.js'

/** The data-layer context of a request: the database and the authenticated caller. */
export function dataCtx(deps: ApiDeps, request: FastifyRequest): DataCtx {
  return {
    db: deps.db,
    caller: callerOf(request),
    now: deps.now ?? (() => new Date()),
    secret: secretOf(request),
  }
}

/** Options every route plugin gets. */
export interface RouteOptions {
  readonly deps: ApiDeps
}
