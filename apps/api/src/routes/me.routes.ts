import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { callerOf } from '../auth/guard.js'
import type { RouteOptions } from './context.js'

/** Who the key is: its role and what it reaches. Any valid key. */
export const meRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  app.get(
    '/me',
    {
      config: { roles: 'any' },
      schema: {
        tags: ['me'],
        response: {
          200: z.object({
            keyId: z.uuid(),
            name: z.string(),
            role: z.enum(['admin', 'school', 'company']),
            schoolIds: z.array(z.uuid()).optional(),
            schoolGroupId: z.uuid().nullable().optional(),
            companyId: z.uuid().optional(),
          }),
        },
      },
    },
    async (request) => {
      const c = callerOf(request)
      const s = c.scope
      return {
        keyId: c.keyId,
        name: c.keyName,
        role: s.role,
        ...(s.role === 'school' ? { schoolIds: [...s.schoolIds], schoolGroupId: s.schoolGroupId } : {}),
        ...(s.role === 'company' ? { companyId: s.companyId } : {}),
      }
    },
  )
}
