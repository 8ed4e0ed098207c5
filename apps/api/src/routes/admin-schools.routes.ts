import { ZAdminName, ZCoordinatorInput, ZSchoolInput, ZSchoolProfileInput } from '@stagebrug/admin'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  addCoordinator,
  createSchoolGroup,
  getSchool,
  getSchoolProfile,
  listSchoolGroups,
  listSchools,
  patchSchoolProfile,
  removeCoordinator,
  upsertSchoolAsAdmin,
} from '../data/admin.data.js'
import { page, ZIdParams, ZOk, ZPageQuery } from '../schemas/common.js'
import { dataCtx, type RouteOptions } from './context.js'

const admin = { roles: ['admin'] as const }
const tags = ['admin: schools']

const ZGroup = z.object({ id: z.uuid(), name: z.string() })
const ZSchool = z.object({
  id: z.uuid(),
  name: z.string(),
  instellingsnummer: z.string(),
  postcode: z.string(),
  group: ZGroup.nullable(),
})
const ZCoordinator = z.object({ id: z.uuid(), name: z.string(), email: z.string() })
const ZSchoolProfile = z.object({
  street: z.string().nullable(),
  houseNumber: z.string().nullable(),
  postcode: z.string(),
  municipality: z.string().nullable(),
  directorName: z.string().nullable(),
  directorFunction: z.string().nullable(),
  insurer: z.string().nullable(),
  policyNumber: z.string().nullable(),
  supervisors: z.array(
    z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }),
  ),
  programmes: z.array(z.number()),
})
const ZSchoolDetail = ZSchool.extend({ coordinators: z.array(ZCoordinator), profile: ZSchoolProfile })
const school = { roles: ['school', 'admin'] as const }

/** Schools, school groups and their coordinators (trajectbegeleiders). Admin keys only. */
export const adminSchoolRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    '/admin/school-groups',
    {
      config: admin,
      schema: {
        tags,
        response: { 200: z.object({ items: z.array(ZGroup.extend({ schools: z.number() })) }) },
      },
    },
    async (request) => ({ items: await listSchoolGroups(dataCtx(deps, request)) }),
  )
  app.post(
    '/admin/school-groups',
    {
      config: admin,
      schema: {
        tags,
        body: z.object({ name: ZAdminName() }),
        response: { 201: ZGroup },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createSchoolGroup(dataCtx(deps, request), request.body.name)),
  )
  app.get(
    '/admin/schools',
    {
      config: admin,
      schema: {
        tags,
        querystring: ZPageQuery.extend({ groupId: z.uuid().optional() }),
        response: { 200: page(ZSchool) },
      },
    },
    async (request) => listSchools(dataCtx(deps, request), request.query),
  )
  app.post(
    '/admin/schools',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Create or update a school by instellingsnummer',
        body: ZSchoolInput,
        response: { 201: ZSchoolDetail },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await upsertSchoolAsAdmin(dataCtx(deps, request), request.body)),
  )
  app.get(
    '/admin/schools/:id',
    {
      config: admin,
      schema: {
        tags,
        params: ZIdParams,
        response: { 200: ZSchoolDetail },
      },
    },
    async (request) => getSchool(dataCtx(deps, request), request.params.id),
  )
  app.get(
    '/school/schools/:id/profile',
    {
      config: school,
      schema: {
        tags: ['school: profile'],
        summary: "The school's own data: address, director, insurer, stagebegeleiders, programmes",
        params: ZIdParams,
        response: { 200: ZSchoolProfile },
      },
    },
    async (request) => getSchoolProfile(dataCtx(deps, request), request.params.id),
  )
  app.patch(
    '/school/schools/:id/profile',
    {
      config: school,
      schema: {
        tags: ['school: profile'],
        summary: 'A school keeps its own data; absent fields stay, null clears, the lists are replaced',
        params: ZIdParams,
        body: ZSchoolProfileInput,
        response: { 200: ZSchoolProfile },
      },
    },
    async (request) => patchSchoolProfile(dataCtx(deps, request), request.params.id, request.body),
  )
  app.post(
    '/admin/schools/:id/coordinators',
    {
      config: admin,
      schema: {
        tags,
        params: ZIdParams,
        body: ZCoordinatorInput,
        response: { 201: ZCoordinator },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addCoordinator(dataCtx(deps, request), request.params.id, request.body)),
  )
  app.delete(
    '/admin/coordinators/:id',
    { config: admin, schema: { tags, params: ZIdParams, response: { 200: ZOk } } },
    async (request) => {
      await removeCoordinator(dataCtx(deps, request), request.params.id)
      return { ok: true as const }
    },
  )
}
