import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  deleteOwnRecognition,
  listOwnRecognitions,
  putRecognition,
  uploadRecognitions,
} from '../data/recognitions.data.js'
import { ZIdParams, ZImportReport } from '../schemas/common.js'
import { ZRecognition, ZRecognitionPut } from '../schemas/recognitions.js'
import { readUpload } from '../uploads/read-upload.js'
import { dataCtx, type RouteOptions } from './context.js'

const company = { roles: ['company'] as const }
const tags = ['company: recognitions']

/**
 * A company's recognitions (erkenningen), per vestigingseenheid × programme: JSON one at a time or
 * the uniform recognition file. A place picks up the `erkend` ones of its own establishment.
 */
export const companyRecognitionRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    '/company/recognitions',
    { config: company, schema: { tags, response: { 200: z.object({ items: z.array(ZRecognition) }) } } },
    async (request) => ({ items: await listOwnRecognitions(dataCtx(deps, request)) }),
  )
  app.put(
    '/company/recognitions',
    {
      config: company,
      schema: {
        tags,
        summary: 'Declare one recognition (by establishment × programme: created or replaced)',
        description:
          'status: erkend (counts for matching), aangevraagd or ingetrokken. validUntil defaults to validFrom + 5 years − 1 day.',
        body: ZRecognitionPut,
        response: { 200: ZRecognition },
      },
    },
    async (request) => putRecognition(dataCtx(deps, request), request.body),
  )
  app.delete(
    '/company/recognitions/:id',
    {
      config: company,
      schema: { tags, summary: 'Delete a recognition declared in error', params: ZIdParams },
    },
    async (request, reply) => {
      await deleteOwnRecognition(dataCtx(deps, request), request.params.id)
      return reply.code(204).send()
    },
  )
  app.post(
    '/company/uploads/recognitions',
    {
      config: company,
      schema: {
        tags,
        summary: 'Upload a recognition file (CSV or XLSX, multipart field `file`): all rows or none',
        description:
          'One row per recognition: ondernemingsnummer (the company’s own), vestigingseenheidsnummer, studierichting, erkenningsnummer, geldig van, geldig tot, status. Upserted by establishment × programme.',
        consumes: ['multipart/form-data'],
        response: { 200: ZImportReport },
      },
    },
    async (request) => {
      const file = await readUpload(request, deps.settings.uploadMaxBytes)
      return uploadRecognitions(dataCtx(deps, request), file, {
        maxBytes: deps.settings.uploadMaxBytes,
        maxRows: deps.settings.uploadMaxRows,
      })
    },
  )
}
