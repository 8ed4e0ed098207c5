import { ZApiKeyInput, ZApiKeyRole } from '@stagebrug/admin'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { createKey, listApiKeys, revokeKey } from '../data/admin.data.js'
import { ZIdParams, ZOk } from '../schemas/common.js'
import { dataCtx, type RouteOptions } from './context.js'

const admin = { roles: ['admin'] as const }
const tags = ['admin: API keys']

const ZRole = ZApiKeyRole
const ZKey = z.object({
  id: z.uuid(),
  name: z.string(),
  role: ZRole,
  scope: z.object({
    schoolId: z.uuid().nullable(),
    schoolGroupId: z.uuid().nullable(),
    companyId: z.uuid().nullable(),
  }),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
})

/** API keys: created (shown once), listed (never the key), revoked (effective at once). Admin keys only. */
export const adminKeyRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    '/admin/api-keys',
    { config: admin, schema: { tags, response: { 200: z.object({ items: z.array(ZKey) }) } } },
    async (request) => ({ items: await listApiKeys(dataCtx(deps, request)) }),
  )
  app.post(
    '/admin/api-keys',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Create a key; the response is the only time the key is shown',
        body: ZApiKeyInput,
        response: {
          201: z.object({
            id: z.uuid(),
            key: z.string(),
            name: z.string(),
            role: ZRole,
            createdAt: z.string(),
          }),
        },
      },
    },
    async (request, reply) => reply.code(201).send(await createKey(dataCtx(deps, request), request.body)),
  )
  app.delete(
    '/admin/api-keys/:id',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Revoke a key (effective at once)',
        params: ZIdParams,
        response: { 200: ZOk },
      },
    },
    async (request) => {
      await revokeKey(dataCtx(deps, request), request.params.id)
      return { ok: true as const }
    },
  )
}
