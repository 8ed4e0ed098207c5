import { createBullBoard } from '@bull-board/api'
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter'
import type { IServerAdapter } from '@bull-board/api/typings/app'
import { FastifyAdapter } from '@bull-board/fastify'
import type { FastifyPluginAsync } from 'fastify'
import { DASHBOARD_PATH } from '../auth/guard.js'
import { HTTP_STATUS, problemOf, toAppError } from '../errors.js'
import type { RouteOptions } from './context.js'

/**
 * BullMQ's dashboard (bull-board) at /admin/queues. The auth guard lets only admin keys in; a
 * browser signs in with Basic auth (any user name, the admin key as password).
 */
export const queuesDashboard: FastifyPluginAsync<RouteOptions> = async (app, { deps }) => {
  const adapter = new FastifyAdapter()
  createBullBoard({
    queues: [new BullMQAdapter(deps.queues.match), new BullMQAdapter(deps.queues.mail)],
    // @bull-board/fastify pins its own @bull-board/api patch version; the adapter contract is the same.
    serverAdapter: adapter as unknown as IServerAdapter,
    options: { uiConfig: { boardTitle: 'Stagebrug' } },
  })
  adapter.setBasePath(DASHBOARD_PATH)
  // bull-board answers its own errors; keep ours (rate limit, a database away) as they are.
  adapter.setErrorHandler((error) => {
    const app = toAppError(error)
    return { status: HTTP_STATUS[app.code] as 500, body: problemOf(app) }
  })
  await app.register(adapter.registerPlugin(), { prefix: DASHBOARD_PATH })
}
