import { ZCompanyInput } from '@stagebrug/admin'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { getCompany, listCompanies, upsertCompanyAsAdmin } from '../data/admin.data.js'
import { page, ZIdParams, ZPageQuery } from '../schemas/common.js'
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
  seat: z
    .object({
      street: z.string().nullable(),
      houseNumber: z.string().nullable(),
      postcode: z.string().nullable(),
      municipality: z.string().nullable(),
    })
    .nullable()
    .describe('Maatschappelijke zetel (registered seat), which the agreement names'),
})

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
        body: ZCompanyInput,
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
