import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { listProposalDocuments, proposalDocument } from '../data/documents.data.js'
import { ZIdParams } from '../schemas/common.js'
import type { Role } from '../scope/scope.js'
import { dataCtx, type RouteOptions } from './context.js'

const ZDocumentKind = z
  .enum(['agreement', 'workstation-sheet', 'training-plan'])
  .describe(
    '`agreement` (stageovereenkomst, or the data of the dual agreement), `workstation-sheet` (werkpostfiche), `training-plan` (opleidingsplan extract)',
  )

const ZDocumentList = z.object({
  documents: z.array(
    z.object({
      kind: ZDocumentKind,
      missing: z
        .array(z.string())
        .describe('Dutch names of mandatory fields Stagebrug does not know (printed as blanks)'),
    }),
  ),
})

/** A header value in ASCII: the JSON array with every non-ASCII character as a \u escape (still valid JSON). */
const asciiJson = (value: unknown) =>
  JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )

/**
 * The documents of an accepted proposal (agreement, werkpostfiche, training plan extract), for the
 * school of the student and, once the school released the contact, the company of the place.
 */
export const documentRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  for (const role of ['school', 'company'] as const satisfies readonly Role[]) {
    const config = { roles: [role] as const }
    const tags = [`${role}: proposals`]
    app.get(
      `/${role}/proposals/:id/documents`,
      {
        config,
        schema: {
          tags,
          summary: 'The documents of an accepted proposal, with the blank mandatory fields of each',
          params: ZIdParams,
          response: { 200: ZDocumentList },
        },
      },
      async (request) => listProposalDocuments(dataCtx(deps, request), request.params.id),
    )
    app.get(
      `/${role}/proposals/:id/documents/:kind`,
      {
        config,
        schema: {
          tags,
          summary: 'One document of an accepted proposal as PDF (default) or HTML',
          description:
            'The blank mandatory fields are listed in the `X-Missing-Fields` header, a JSON array (non-ASCII as `\\u` escapes).',
          params: ZIdParams.extend({ kind: ZDocumentKind }),
          querystring: z.object({ format: z.enum(['pdf', 'html']).default('pdf') }),
        },
      },
      async (request, reply) => {
        const { id, kind } = request.params
        const { format } = request.query
        const { body, missing } = await proposalDocument(dataCtx(deps, request), id, kind, format)
        return reply
          .header('x-missing-fields', asciiJson(missing))
          .header('cache-control', 'no-store')
          .header('content-disposition', `inline; filename="${kind}-${id}.${format}"`)
          .type(format === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8')
          .send(body)
      },
    )
  }
}
