import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { checkReady } from '../health.js'
import type { RouteOptions } from './context.js'

const ZReady = z.object({ ok: z.boolean(), checks: z.object({ postgres: z.string(), redis: z.string() }) })

/** `/healthz`: the process answers. `/readyz`: Postgres and Redis answer too (503 otherwise). No key needed. */
export const healthRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: { tags: ['health'], security: [], response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async () => ({ ok: true as const }),
  )
  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: { tags: ['health'], security: [], response: { 200: ZReady, 503: ZReady } },
    },
    async (_request, reply) => {
      const ready = await checkReady(deps)
      return reply.code(ready.ok ? 200 : 503).send(ready)
    },
  )
}
