import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { mentorsOfOwnPlace } from '../data/mentors.data.js'
import { createPlace, getOwnPlace, listOwnPlaces, updatePlace } from '../data/places.data.js'
import { recognitionsOfOwnPlace } from '../data/recognitions.data.js'
import { uploadPlaceRegistration } from '../data/uploads.data.js'
import { page, ZIdParams, ZImportReport, ZPageQuery } from '../schemas/common.js'
import { ZMentor } from '../schemas/mentors.js'
import { ZOwnPlace, ZPlaceFields, ZPlaceQuery, ZPlaceUpdate } from '../schemas/places.js'
import { ZPlaceRecognition } from '../schemas/recognitions.js'
import { readUpload } from '../uploads/read-upload.js'
import { dataCtx, type RouteOptions } from './context.js'

const company = { roles: ['company'] as const }
const tags = ['company: places']

/** A company's own places: register (JSON or the uniform file), update, close. Company keys only. */
export const companyPlaceRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    '/company/places',
    {
      config: company,
      schema: { tags, querystring: ZPageQuery.extend(ZPlaceQuery.shape), response: { 200: page(ZOwnPlace) } },
    },
    async (request) => {
      const { programme, ...rest } = request.query
      return listOwnPlaces(dataCtx(deps, request), { ...rest, programmeId: programme })
    },
  )
  app.get(
    '/company/places/:id',
    {
      config: company,
      schema: {
        tags,
        params: ZIdParams,
        // With the recognitions of the place's establishment (status erkend) and their validity, and its mentors.
        response: {
          200: ZOwnPlace.extend({ recognitions: ZPlaceRecognition.array(), mentors: ZMentor.array() }),
        },
      },
    },
    async (request) => {
      const ctx = dataCtx(deps, request)
      const place = await getOwnPlace(ctx, request.params.id)
      const [recognitions, mentors] = await Promise.all([
        recognitionsOfOwnPlace(ctx, request.params.id),
        mentorsOfOwnPlace(ctx, request.params.id),
      ])
      return { ...place, recognitions, mentors }
    },
  )
  app.post(
    '/company/places',
    {
      config: company,
      schema: { tags, summary: 'Register a place', body: ZPlaceFields, response: { 201: ZOwnPlace } },
    },
    async (request, reply) => reply.code(201).send(await createPlace(dataCtx(deps, request), request.body)),
  )
  app.patch(
    '/company/places/:id',
    {
      config: company,
      schema: {
        tags,
        summary: 'Change a place; `status: closed` closes it (reopen with `open`)',
        params: ZIdParams,
        body: ZPlaceUpdate,
        response: { 200: ZOwnPlace },
      },
    },
    async (request) => updatePlace(dataCtx(deps, request), request.params.id, request.body),
  )
  app.post(
    '/company/places/:id/close',
    {
      config: company,
      schema: { tags, summary: 'Close a place', params: ZIdParams, response: { 200: ZOwnPlace } },
    },
    async (request) => updatePlace(dataCtx(deps, request), request.params.id, { status: 'closed' }),
  )
  app.post(
    '/company/uploads/places',
    {
      config: company,
      schema: {
        tags,
        summary: 'Upload a place registration (CSV or XLSX, multipart field `file`): all rows or none',
        description:
          'Every row must carry the company’s own KBO number. Places are upserted by plaatscode; places missing from the file stay as they are.',
        consumes: ['multipart/form-data'],
        querystring: z.object({
          mapping: z
            .string()
            .max(20_000)
            .optional()
            .describe(
              'JSON object column → field, e.g. {"Code":"plaatscode"}; or the multipart field `mapping`',
            ),
        }),
        response: { 200: ZImportReport },
      },
    },
    async (request) => {
      const file = await readUpload(request, deps.settings.uploadMaxBytes, request.query.mapping)
      return uploadPlaceRegistration(dataCtx(deps, request), file, {
        maxBytes: deps.settings.uploadMaxBytes,
        maxRows: deps.settings.uploadMaxRows,
      })
    },
  )
}
