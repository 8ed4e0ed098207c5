import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { getStudent, listStudents } from '../data/students.data.js'
import { uploadStudentList } from '../data/uploads.data.js'
import { page, ZIdParams, ZImportReport, ZPageQuery, ZRegion } from '../schemas/common.js'
import { readUpload } from '../uploads/read-upload.js'
import { dataCtx, type RouteOptions } from './context.js'

const school = { roles: ['school'] as const }
const tags = ['school: students']

const ZStudentSummary = z.object({
  id: z.uuid(),
  schoolId: z.uuid(),
  externalId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  class: z.string().nullable(),
  programme: z.object({ id: z.number(), title: z.string() }),
  grade: z.number(),
  status: z
    .enum(['open', 'placed', 'withdrawn'])
    .describe('`placed` exactly when the pupil has an accepted proposal (and is not withdrawn)'),
  homePostcode: z.string(),
  placement: z
    .object({
      proposalId: z.uuid(),
      place: z.object({
        id: z.uuid(),
        companyName: z.string(),
        postcode: z.string(),
        municipality: z.string().nullable(),
      }),
    })
    .nullable()
    .describe('The accepted proposal and its place, when placed'),
})

const ZStudent = ZStudentSummary.extend({
  latestOutcome: z
    .object({
      runId: z.string(),
      status: z.enum(['pinned', 'matched', 'unmatched']),
      unmatchedCode: z.string().nullable(),
      unmatchedReason: z
        .string()
        .nullable()
        .describe('Why not, in Dutch, naming what is missing where (issue 14)'),
    })
    .nullable()
    .describe('The outcome of the latest finished run that had this pupil'),
  email: z.string().nullable(),
  birthDate: z.string(),
  competences: z.array(z.object({ id: z.number(), text: z.string().nullable() })),
  availability: z.object({ start: z.string(), end: z.string() }),
  maxTravelKm: z.number(),
  seeks: z.string(),
  workReadiness: z.string(),
  needsInclusive: z.boolean().describe('Ondersteuningsnood: only an inclusive workplace fits'),
  abroad: z.boolean().describe('Opted in for a place abroad (Erasmus+), the list column buitenland'),
  priority: z.boolean(),
  drivingLicence: z.boolean(),
  firstTwoYearsDone: z.boolean().describe('Eerste graad afgewerkt: a 15-year-old may start'),
  interests: z.array(z.object({ id: z.number(), text: z.string().nullable() })),
  wishes: z
    .array(z.object({ kind: z.enum(['sector', 'place', 'company']), id: z.string() }))
    .describe('Most wanted first, resolved at import (the list column wensen)'),
  travelFrom: z.enum(['home', 'school']).describe('Where maxTravelKm counts from (afstand vanaf)'),
  address: z
    .object({
      street: z.string().nullable(),
      houseNumber: z.string().nullable(),
      box: z.string().nullable(),
      postcode: z.string(),
      municipality: z.string().nullable(),
    })
    .describe('For the agreement only'),
  guardian: z
    .object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() })
    .nullable()
    .describe('Parent or guardian of a minor, for the agreement only'),
  dutchLevel: z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']).nullable(),
})

/** A school's students: the placement list upload, and reading its own students (audited). School keys only. */
export const schoolStudentRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.post(
    '/school/uploads/students',
    {
      config: school,
      schema: {
        tags,
        summary: 'Upload a placement list (CSV or XLSX, multipart field `file`): all rows or none',
        description:
          'The whole list of the school: students missing from it are withdrawn. 422 `row-errors` lists every row error and stores nothing.',
        consumes: ['multipart/form-data'],
        querystring: z.object({
          school: z
            .string()
            .regex(/^\d{1,10}$/)
            .optional()
            .describe('Instellingsnummer; needed for a school-group key'),
          mapping: z
            .string()
            .max(20_000)
            .optional()
            .describe(
              'JSON object column → field, e.g. {"Periode 1":"startdatum"}; or the multipart field `mapping`',
            ),
        }),
        response: { 200: ZImportReport },
      },
    },
    async (request) => {
      const ctx = dataCtx(deps, request)
      const file = await readUpload(request, deps.settings.uploadMaxBytes, request.query.mapping)
      return uploadStudentList(
        ctx,
        file,
        { maxBytes: deps.settings.uploadMaxBytes, maxRows: deps.settings.uploadMaxRows },
        request.query.school,
      )
    },
  )
  app.get(
    '/school/students',
    {
      config: school,
      schema: {
        tags,
        querystring: ZPageQuery.extend({
          status: z.enum(['open', 'placed', 'withdrawn']).optional(),
          programme: z.coerce.number().int().positive().optional(),
          region: ZRegion.optional().describe('Students living in this named region'),
          schoolId: z.uuid().optional(),
        }),
        response: { 200: page(ZStudentSummary) },
      },
    },
    async (request) => {
      const { programme, ...rest } = request.query
      return listStudents(dataCtx(deps, request), { ...rest, programmeId: programme })
    },
  )
  app.get(
    '/school/students/:id',
    { config: school, schema: { tags, params: ZIdParams, response: { 200: ZStudent } } },
    async (request) => getStudent(dataCtx(deps, request), request.params.id),
  )
}
