import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { runFigureRows, runFiguresChart, runFiguresCsv, runSupply } from '../data/figures.data.js'
import { ZIdParams, ZRegion } from '../schemas/common.js'
import { dataCtx, type RouteOptions } from './context.js'

// Aggregated figures per region × programme hold no personal data: any key may read them, for the
// runs it can see (a company: published runs only).
const anyKey = { roles: 'any' as const }
const admin = { roles: ['admin'] as const }
const tags = ['figures']

const ZLevel = z.enum(['flanders', 'province', 'arrondissement', 'region'])
const ZFigureRow = z.object({
  level: ZLevel,
  regionKey: z.string(),
  regionLabel: z.string(),
  programmeId: z.number().nullable(),
  programmeTitle: z.string().nullable(),
  seekers: z.number(),
  proposed: z.number(),
  unmatched: z.number(),
  accepted: z.number(),
  places: z.number(),
  seats: z.number(),
  freeSeats: z.number(),
  idleSeats: z.number(),
  recognisedPlaces: z.number(),
  idleRecognisedPlaces: z.number(),
  unmatchedReasons: z.array(z.object({ code: z.string(), count: z.number() })),
  shortageX100: z.number().nullable(),
  placementPct: z.number().nullable(),
  chance: z.number().nullable(),
  flandersShortageX100: z.number().nullable(),
  flandersPlacementPct: z.number().nullable(),
  shortageVsFlandersPct: z.number().nullable(),
  placementVsFlandersPp: z.number().nullable(),
})

/** The regional figures of a run: JSON or CSV, and a bar chart per region as SVG. */
export const figuresRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.get(
    '/runs/:id/figures',
    {
      config: anyKey,
      schema: {
        tags,
        summary: 'The figures of a run per region × programme, as JSON (default) or CSV',
        description:
          'A finished run without stored figures gets them computed on this first read. CSV is for Belgian Excel: `;`, Dutch headers, decimal commas, a UTF-8 BOM.',
        params: ZIdParams,
        querystring: z.object({
          level: ZLevel.optional(),
          region: ZRegion.optional().describe('A region key, e.g. `reg-kempen`, `antwerpen`, `vlaanderen`'),
          programme: z
            .union([z.literal('all'), z.coerce.number().int().positive()])
            .optional()
            .describe('A programme id, or `all` for the all-programmes rows'),
          format: z.enum(['json', 'csv']).default('json'),
        }),
        response: {
          200: z
            .object({ runId: z.uuid(), today: z.string(), rows: z.array(ZFigureRow) })
            .or(z.string().describe('CSV (`format=csv`)')),
        },
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query
      const ctx = dataCtx(deps, request)
      if (format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="cijfers-${request.params.id}.csv"`)
          .send(await runFiguresCsv(ctx, request.params.id, filter))
      return runFigureRows(ctx, request.params.id, filter)
    },
  )
  app.get(
    '/runs/:id/figures/chart.svg',
    {
      config: anyKey,
      schema: {
        tags,
        summary: 'Bar chart of one region (default Flanders): seekers vs free seats per programme, SVG',
        params: ZIdParams,
        querystring: z.object({
          region: ZRegion.optional().describe('A region key (default `vlaanderen`)'),
          level: ZLevel.optional().describe('When a key names regions of two levels (Antwerpen)'),
        }),
      },
    },
    async (request, reply) =>
      reply
        .type('image/svg+xml; charset=utf-8')
        .send(await runFiguresChart(dataCtx(deps, request), request.params.id, request.query)),
  )
  app.get(
    '/admin/runs/:id/supply',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Idle recognised places and the watch list of a run (administrators)',
        description:
          'Recognised places never proposed or never filled, and recognitions or mentor training due within 90 days with the schools that rely on them.',
        params: ZIdParams,
      },
    },
    async (request) => runSupply(dataCtx(deps, request), request.params.id),
  )
}
