import { DERIVED_FIELDS, SMALL } from '@stagebrug/figures'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { runFigureRows, runFiguresChart, runFiguresCsv, runSupply } from '../data/figures.data.js'
import { ZIdParams, ZRegion } from '../schemas/common.js'
import { dataCtx, type RouteOptions } from './context.js'

// Aggregated figures per region × programme: any key may read them, for the runs it can see (a
// company: published runs only). A small cell could single out a pupil, so only the administrator
// gets exact counts; everyone else "< 5" and rounded counts, a school its own pupils exactly besides.
const anyKey = { roles: 'any' as const }
const admin = { roles: ['admin'] as const }
const tags = ['figures']

const ZLevel = z.enum(['flanders', 'province', 'arrondissement', 'region', 'country'])
const ZCount = z
  .union([z.number().int(), z.literal(SMALL)])
  .describe(
    'A count; under `disclosure: protected` 1–4 is the string "< 5" and larger counts are rounded to 5',
  )
const ZReasons = z.array(z.object({ code: z.string(), count: ZCount })).readonly()
const ZFigureRow = z.object({
  level: ZLevel,
  regionKey: z.string(),
  regionLabel: z.string(),
  programmeId: z.number().nullable(),
  programmeTitle: z.string().nullable(),
  seekers: ZCount,
  proposed: ZCount,
  unmatched: ZCount,
  accepted: ZCount,
  places: ZCount,
  seats: ZCount,
  freeSeats: ZCount,
  idleSeats: ZCount,
  recognisedPlaces: ZCount,
  idleRecognisedPlaces: ZCount,
  internshipPlaces: ZCount.describe(
    'Open places by kind (stage, duaal, aanloopfase, job); `places` is their sum',
  ),
  dualPlaces: ZCount,
  aanloopfasePlaces: ZCount,
  jobPlaces: ZCount,
  internshipFreeSeats: ZCount.describe('Free seats by kind; `freeSeats` is their sum'),
  dualFreeSeats: ZCount,
  aanloopfaseFreeSeats: ZCount,
  jobFreeSeats: ZCount,
  dualPlacesNoRecognitionData: ZCount.describe(
    'Dual places without any recognition entered: a data gap, not a shortage',
  ),
  dualPlacesNotRecognised: ZCount.describe(
    'Dual places with recognitions entered, none valid for the programme on the run day (expired or missing)',
  ),
  unmatchedReasons: ZReasons.describe(
    'Under `protected`, reasons of fewer than 5 pupils together as `other`',
  ),
  shortageX100: z.number().nullable(),
  placementPct: z.number().nullable(),
  chance: z.number().nullable(),
  flandersShortageX100: z.number().nullable(),
  flandersPlacementPct: z.number().nullable(),
  shortageVsFlandersPct: z.number().nullable(),
  placementVsFlandersPp: z.number().nullable(),
  suppressed: z
    .array(z.enum(DERIVED_FIELDS))
    .readonly()
    .describe('Derived fields withheld (null) because a count they are computed from is "< 5"'),
  ownSchool: z
    .object({
      seekers: z.number().int(),
      proposed: z.number().int(),
      unmatched: z.number().int(),
      accepted: z.number().int(),
      unmatchedReasons: z.array(z.object({ code: z.string(), count: z.number().int() })).readonly(),
    })
    .optional()
    .describe("A school key only: the school's (or group's) own pupils in this cell, exact"),
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
          'A finished run without stored figures gets them computed on this first read. CSV is for Belgian Excel: `;`, Dutch headers, decimal commas, a UTF-8 BOM. Only an administrator gets exact counts (`disclosure: exact`); for every other key counts of 1–4 are "< 5", other counts are rounded to the nearest 5, and rates, chances and the benchmark are computed from the shown counts (null and listed in `suppressed` when one is "< 5"). A school key also gets `ownSchool`: its own pupils per cell, exact.',
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
            .object({
              runId: z.uuid(),
              today: z.string(),
              disclosure: z
                .enum(['exact', 'protected'])
                .describe('exact: the administrator; protected: small cells "< 5", counts rounded to 5'),
              rows: z.array(ZFigureRow),
            })
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
