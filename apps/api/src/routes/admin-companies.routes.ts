import { normaliseKbo } from '@stagebrug/uploads'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { getCompany, listCompanies, upsertCompanyAsAdmin } from '../data/admin.data.js'
import { page, ZEmail, ZIdParams, ZNameText, ZPageQuery } from '../schemas/common.js'
import { dataCtx, type RouteOptions } from './context.js'

const admin = { roles: ['admin'] as const }
const tags = ['admin: companies']

const ZCompany = z.object({
  id: z.uuid(),
  kboNumber: z.string(),
  name: z.string(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
})

const ZKbo = z
  .string()
  .transform((v, ctx) => {
    const kbo = normaliseKbo(v)
    if (kbo === null) {
      ctx.addIssue({ code: 'custom', message: 'Geen geldig ondernemingsnummer / Not a valid KBO number' })
      return z.NEVER
    }
    return kbo
  })
  .describe('Ondernemingsnummer, e.g. 0403.019.261 or BE0403019261')

/** Companies. Admin keys only (a company manages its places with its own key). */
export const adminCompanyRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    '/admin/companies',
    {
      config: admin,
      schema: {
        tags,
        querystring: ZPageQuery.extend({
          q: z.string().trim().min(1).max(200).optional().describe('Name contains, or KBO'),
        }),
        response: { 200: page(ZCompany) },
      },
    },
    async (request) => listCompanies(dataCtx(deps, request), request.query),
  )
  app.post(
    '/admin/companies',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Create or update a company by KBO number',
        body: z.object({
          kboNumber: ZKbo,
          name: ZNameText().min(2).max(200),
          contactName: ZNameText().max(200).nullable().optional(),
          contactEmail: ZEmail().nullable().optional(),
          contactPhone: z.string().trim().max(50).nullable().optional(),
        }),
        response: { 201: ZCompany.extend({ places: z.number() }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await upsertCompanyAsAdmin(dataCtx(deps, request), request.body)),
  )
  app.get(
    '/admin/companies/:id',
    {
      config: admin,
      schema: { tags, params: ZIdParams, response: { 200: ZCompany.extend({ places: z.number() }) } },
    },
    async (request) => getCompany(dataCtx(deps, request), request.params.id),
  )
}
