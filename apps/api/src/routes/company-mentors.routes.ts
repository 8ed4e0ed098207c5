import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  createMentor,
  deleteOwnMentor,
  getOwnMentor,
  listOwnMentors,
  patchMentor,
  uploadMentors,
} from '../data/mentors.data.js'
import { ZIdParams, ZImportReport } from '../schemas/common.js'
import { ZMentor, ZMentorCreate, ZMentorPatch } from '../schemas/mentors.js'
import { readUpload } from '../uploads/read-upload.js'
import { dataCtx, type RouteOptions } from './context.js'

const company = { roles: ['company'] as const }
const tags = ['company: mentors']

/**
 * A company's mentors: JSON one at a time or the uniform mentor file. A mentor supervises one or
 * more places of the company; a dual place needs one valid on the start date (the night's rule).
 */
export const companyMentorRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    '/company/mentors',
    { config: company, schema: { tags, response: { 200: z.object({ items: z.array(ZMentor) }) } } },
    async (request) => ({ items: await listOwnMentors(dataCtx(deps, request)) }),
  )
  app.get(
    '/company/mentors/:id',
    { config: company, schema: { tags, params: ZIdParams, response: { 200: ZMentor } } },
    async (request) => getOwnMentor(dataCtx(deps, request), request.params.id),
  )
  app.post(
    '/company/mentors',
    {
      config: company,
      schema: {
        tags,
        summary: 'Register a mentor (an existing e-mail, else name, of the company is updated)',
        description:
          'birthDate or declaredAtLeast25 (data minimisation), ageWaiver23, yearsExperience, trainingCompleted, trainingDeadline, extract5962CheckedOn (the date only). placeIds: the places the mentor supervises.',
        body: ZMentorCreate,
        response: { 200: ZMentor },
      },
    },
    async (request) => createMentor(dataCtx(deps, request), request.body),
  )
  app.patch(
    '/company/mentors/:id',
    {
      config: company,
      schema: {
        tags,
        summary: 'Change a mentor; placeIds replaces their places',
        params: ZIdParams,
        body: ZMentorPatch,
        response: { 200: ZMentor },
      },
    },
    async (request) => patchMentor(dataCtx(deps, request), request.params.id, request.body),
  )
  app.delete(
    '/company/mentors/:id',
    {
      config: company,
      schema: { tags, summary: 'Delete a mentor and their links to places', params: ZIdParams },
    },
    async (request, reply) => {
      await deleteOwnMentor(dataCtx(deps, request), request.params.id)
      return reply.code(204).send()
    },
  )
  app.post(
    '/company/uploads/mentors',
    {
      config: company,
      schema: {
        tags,
        summary: 'Upload a mentor file (CSV or XLSX, multipart field `file`): all rows or none',
        description:
          'One row per mentor: ondernemingsnummer (the company’s own), naam, functie, e-mail, telefoon, geboortedatum, minstens 25 jaar, vrijstelling 23 jaar, jaren ervaring, mentoropleiding gevolgd, uiterste datum opleiding, uittreksel 596.2 gecontroleerd op, plaatscodes. Each place named gets exactly the mentors that name it.',
        consumes: ['multipart/form-data'],
        response: { 200: ZImportReport },
      },
    },
    async (request) => {
      const file = await readUpload(request, deps.settings.uploadMaxBytes)
      return uploadMentors(dataCtx(deps, request), file, {
        maxBytes: deps.settings.uploadMaxBytes,
        maxRows: deps.settings.uploadMaxRows,
      })
    },
  )
}
