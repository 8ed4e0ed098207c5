import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { listAudit } from '../data/admin.data.js'
import { page, ZPageQuery } from '../schemas/common.js'
import { dataCtx, type RouteOptions } from './context.js'

/** The audit log, newest first. Admin keys only. */
export const adminAuditRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    '/admin/audit',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['admin: audit'],
        querystring: ZPageQuery.extend({
          actor: z.string().max(200).optional(),
          action: z.string().max(100).optional(),
          subject: z.string().max(200).optional(),
        }),
        response: {
          200: page(
            z.object({
              id: z.number(),
              actor: z.string(),
              action: z.string(),
              subject: z.string(),
              at: z.string(),
              detail: z.record(z.string(), z.unknown()),
            }),
          ),
        },
      },
    },
    async (request) => listAudit(dataCtx(deps, request), request.query),
  )
}
