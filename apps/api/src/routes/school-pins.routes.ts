import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { createPin, listPins, removePin } from '../data/overrides.data.js'
import { listOpenPlaces } from '../data/places.data.js'
import { page, ZIdParams, ZOk, ZPageQuery, ZReason } from '../schemas/common.js'
import { ZPlace, ZPlaceQuery } from '../schemas/places.js'
import { dataCtx, type RouteOptions } from './context.js'

const school = { roles: ['school'] as const }
const tags = ['school: overrides']

const ZPin = z.object({
  id: z.uuid(),
  studentId: z.uuid(),
  placeId: z.uuid(),
  reason: z.string(),
  createdAt: z.string(),
  removedAt: z.string().nullable(),
})

/** Coordinator overrides before the next run (pins), and the open places to pick from. School keys only. */
export const schoolPinRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    '/school/places',
    {
      config: school,
      schema: {
        tags,
        summary: 'Open places to pin or move a student to',
        querystring: ZPageQuery.extend(ZPlaceQuery.omit({ status: true }).shape),
        response: { 200: page(ZPlace) },
      },
    },
    async (request) => {
      const { programme, ...rest } = request.query
      return listOpenPlaces(dataCtx(deps, request), { ...rest, programmeId: programme })
    },
  )
  app.get(
    '/school/pins',
    { config: school, schema: { tags, response: { 200: z.object({ items: z.array(ZPin) }) } } },
    async (request) => ({ items: await listPins(dataCtx(deps, request)) }),
  )
  app.post(
    '/school/pins',
    {
      config: school,
      schema: {
        tags,
        summary: 'Pin a student to a place for the next runs, with a reason',
        body: z.object({ studentId: z.uuid(), placeId: z.uuid(), reason: ZReason }),
        response: { 201: ZPin },
      },
    },
    async (request, reply) => reply.code(201).send(await createPin(dataCtx(deps, request), request.body)),
  )
  app.delete(
    '/school/pins/:id',
    { config: school, schema: { tags, params: ZIdParams, response: { 200: ZOk } } },
    async (request) => {
      await removePin(dataCtx(deps, request), request.params.id)
      return { ok: true as const }
    },
  )
}
