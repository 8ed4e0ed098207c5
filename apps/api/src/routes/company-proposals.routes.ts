import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { getCompanyProposal, listCompanyProposals } from '../data/company-proposals.data.js'
import { setProposalStatus } from '../data/proposals.data.js'
import { page, ZIdParams, ZPageQuery, ZPlaceKind, ZProposalStatus } from '../schemas/common.js'
import { dataCtx, type RouteOptions } from './context.js'
import {
  onlyWhenDeclined,
  REASON_ONLY_WHEN_DECLINED,
  ZDeclineReason,
  ZRunSelector,
} from './school-proposals.routes.js'

const company = { roles: ['company'] as const }
const tags = ['company: proposals']

const ZCompanyProposal = z.object({
  id: z.uuid(),
  runId: z.uuid(),
  candidateCode: z
    .string()
    .describe(
      'Pseudonym of the student, e.g. K-7F3A2C9QK4MD: the same at this company for the whole school year, unrelated at any other company',
    ),
  place: z.object({ id: z.uuid(), externalId: z.string().nullable(), kind: ZPlaceKind, sector: z.string() }),
  rank: z.number(),
  kind: z.enum(['pinned', 'allocated', 'reserve']),
  status: ZProposalStatus,
  statusAt: z.string().nullable(),
  candidate: z.object({
    programme: z.string(),
    grade: z.number(),
    competences: z.array(z.string()),
    availability: z.object({ start: z.string(), end: z.string() }),
    travelBand: z.string(),
    ageFlags: z.array(z.string()),
    drivingLicence: z.boolean().nullable(),
  }),
  reasons: z
    .array(z.string())
    .describe(
      'Why this candidate, in Dutch, from the reasons a company may see (never a distance, score, priority or text the school wrote)',
    ),
  contact: z
    .object({
      firstName: z.string(),
      lastName: z.string(),
      school: z.object({
        name: z.string(),
        coordinators: z.array(z.object({ name: z.string(), email: z.string() })),
      }),
      releasedAt: z.string().nullable(),
    })
    .nullable()
    .describe('Only once the school released the contact of an accepted proposal'),
})

/** Proposals for the company's places (published runs), pseudonymised until released. Company keys only. */
export const companyProposalRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    '/company/proposals',
    {
      config: company,
      schema: {
        tags,
        querystring: ZPageQuery.extend({
          run: ZRunSelector,
          status: ZProposalStatus.optional(),
          placeId: z.uuid().optional(),
        }),
        response: { 200: page(ZCompanyProposal) },
      },
    },
    async (request) => listCompanyProposals(dataCtx(deps, request), request.query),
  )
  app.get(
    '/company/proposals/:id',
    { config: company, schema: { tags, params: ZIdParams, response: { 200: ZCompanyProposal } } },
    async (request) => getCompanyProposal(dataCtx(deps, request), request.params.id),
  )
  app.post(
    '/company/proposals/:id/decision',
    {
      config: company,
      schema: {
        tags,
        summary: 'Accept or decline a candidate',
        params: ZIdParams,
        body: z
          .object({ decision: z.enum(['accepted', 'declined']), reason: ZDeclineReason })
          .refine(onlyWhenDeclined, REASON_ONLY_WHEN_DECLINED),
        response: { 200: ZCompanyProposal },
      },
    },
    async (request) => {
      const ctx = dataCtx(deps, request)
      await setProposalStatus(ctx, request.params.id, request.body.decision, request.body.reason)
      return getCompanyProposal(ctx, request.params.id)
    },
  )
}
