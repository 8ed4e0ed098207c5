import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { moveProposal } from '../data/overrides.data.js'
import {
  getSchoolProposal,
  listSchoolProposals,
  releaseContact,
  setProposalStatus,
} from '../data/proposals.data.js'
import {
  page,
  ZIdParams,
  ZPageQuery,
  ZPlaceKind,
  ZProposalKind,
  ZProposalStatus,
  ZReason,
  ZRegion,
} from '../schemas/common.js'
import { dataCtx, type RouteOptions } from './context.js'

const school = { roles: ['school'] as const }
const tags = ['school: proposals']

const ZSchoolProposal = z.object({
  id: z.uuid(),
  runId: z.uuid(),
  student: z.object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    class: z.string().nullable(),
    schoolId: z.uuid(),
  }),
  place: z.object({
    id: z.uuid(),
    companyName: z.string(),
    kind: ZPlaceKind,
    sector: z.string(),
    postcode: z.string().nullable(),
    municipality: z.string().nullable(),
    country: z.string().nullable().describe('ISO code of a place abroad (Erasmus+); null in Belgium'),
    period: z.object({ start: z.string(), end: z.string() }),
    contact: z
      .object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() })
      .describe("The place's contact person for schools"),
  }),
  rank: z.number(),
  kind: ZProposalKind,
  score: z.number(),
  status: ZProposalStatus,
  statusAt: z.string().nullable(),
  reasons: z.array(z.string()),
  declineReason: z
    .string()
    .nullable()
    .describe('Why it was declined (by the school or the company); the school only'),
  contactReleasedAt: z.string().nullable(),
})

/** A reason for a decline, for the school: optional, at most 500 characters; only with `declined`. */
export const ZDeclineReason = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .optional()
  .describe('Only with `declined`: why, for the school (never shown to the company)')
export const onlyWhenDeclined = (b: {
  readonly status?: string
  readonly decision?: string
  readonly reason?: string | undefined
}) => b.reason === undefined || (b.status ?? b.decision) === 'declined'
export const REASON_ONLY_WHEN_DECLINED = {
  message: 'Een reden hoort enkel bij een afwijzing / A reason goes with a decline only',
  path: ['reason'],
}

export const ZRunSelector = z
  .union([z.enum(['latest', 'all']), z.uuid()])
  .default('latest')
  .describe('`latest` (default), `all`, or a run id')

/** Proposals for the school's students, with reasons; status, release and moves. School keys only. */
export const schoolProposalRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    '/school/proposals',
    {
      config: school,
      schema: {
        tags,
        querystring: ZPageQuery.extend({
          run: ZRunSelector,
          status: ZProposalStatus.optional(),
          studentId: z.uuid().optional(),
          programme: z.coerce.number().int().positive().optional(),
          region: ZRegion.optional().describe('Places in this named region'),
        }),
        response: { 200: page(ZSchoolProposal) },
      },
    },
    async (request) => {
      const { programme, ...rest } = request.query
      return listSchoolProposals(dataCtx(deps, request), { ...rest, programmeId: programme })
    },
  )
  app.get(
    '/school/proposals/:id',
    { config: school, schema: { tags, params: ZIdParams, response: { 200: ZSchoolProposal } } },
    async (request) => getSchoolProposal(dataCtx(deps, request), request.params.id),
  )
  app.patch(
    '/school/proposals/:id',
    {
      config: school,
      schema: {
        tags,
        summary: 'Mark a proposal contacted, accepted or declined (a decline with an optional reason)',
        params: ZIdParams,
        body: z
          .object({ status: z.enum(['contacted', 'accepted', 'declined']), reason: ZDeclineReason })
          .refine(onlyWhenDeclined, REASON_ONLY_WHEN_DECLINED),
        response: { 200: ZSchoolProposal },
      },
    },
    async (request) => {
      const ctx = dataCtx(deps, request)
      await setProposalStatus(ctx, request.params.id, request.body.status, request.body.reason)
      return getSchoolProposal(ctx, request.params.id)
    },
  )
  app.post(
    '/school/proposals/:id/release',
    {
      config: school,
      schema: {
        tags,
        summary: 'Release the student’s name and the school contact to the company (accepted proposals)',
        params: ZIdParams,
        response: { 200: z.object({ releasedAt: z.string() }) },
      },
    },
    async (request) => releaseContact(dataCtx(deps, request), request.params.id),
  )
  app.post(
    '/school/proposals/:id/move',
    {
      config: school,
      schema: {
        tags,
        summary: 'Move a proposal to another open place, with a reason',
        description:
          'The old proposal is declined; the new one is scored and explained by the core as a pin of the same run. Both are in the audit log and in the run’s overrides.',
        params: ZIdParams,
        body: z.object({ placeId: z.uuid(), reason: ZReason }),
        response: { 201: z.object({ proposalId: z.uuid() }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await moveProposal(dataCtx(deps, request), request.params.id, request.body)),
  )
}
