import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  type CompetenceChoice,
  competencesOfProgrammeChoices,
  findCompetences,
  findPostcodes,
  findProgrammes,
  namedRegions,
} from '../lookups/reference.js'
import type { RouteOptions } from './context.js'

const ZQ = z.object({
  q: z.string().trim().min(1).max(200).describe('What the user typed; fuzzy, as in the import'),
})
const any = { roles: 'any' as const }

/** Autocomplete for forms through the resolver the import uses. Any valid key. */
export const lookupRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app) => {
  app.get(
    '/lookups/programmes',
    {
      config: any,
      schema: {
        tags: ['lookups'],
        summary: 'Programmes (structuuronderdelen) by number or fuzzy title',
        querystring: ZQ,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.number(),
                title: z.string(),
                grade: z.number().nullable(),
                duaal: z.boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({
      items: findProgrammes(request.query.q).map((p) => ({
        id: p.id,
        title: p.title,
        grade: p.grade,
        duaal: p.duaal,
      })),
    }),
  )
  app.get(
    '/lookups/competences',
    {
      config: any,
      schema: {
        tags: ['lookups'],
        summary: 'Competences by code (bkc…), whole statement, or the words they contain',
        description:
          'Accent-insensitive keyword search over the statements: every word of four letters or more also ' +
          'matches as a prefix, a verb form or inside a compound; statements holding more of the words ' +
          'come first. A statement published under several codes is one item (`id`, `code`); the other ' +
          'codes are its `aliases` and resolve to the same `id` in uploads.',
        querystring: z
          .object({
            q: z
              .string()
              .trim()
              .min(1)
              .max(200)
              .optional()
              .describe('A code, a statement, or words from statements'),
            programme: z.coerce
              .number()
              .int()
              .positive()
              .optional()
              .describe('A structuuronderdeel number: its competences through the programme → BK link'),
          })
          .refine((query) => (query.q === undefined) !== (query.programme === undefined), {
            message: 'Geef q of programme, niet beide / Give q or programme, not both',
          }),
        response: {
          200: z.object({
            qualifications: z
              .array(z.string())
              .optional()
              .describe('With `programme`: the BKs it leads to (empty while the reference data has no link)'),
            items: z.array(
              z.object({
                id: z.number(),
                code: z.string(),
                text: z.string(),
                aliases: z
                  .array(z.object({ id: z.number(), code: z.string() }))
                  .describe('The same statement under other codes (other beroepskwalificaties)'),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const item = (c: CompetenceChoice) => ({
        id: c.id,
        code: c.code,
        text: c.text,
        aliases: c.aliases.map((a) => ({ id: a.id, code: a.code })),
      })
      const { q, programme } = request.query
      if (programme !== undefined) {
        const { qualifications, items } = competencesOfProgrammeChoices(programme)
        return { qualifications: [...qualifications], items: items.map(item) }
      }
      return { items: findCompetences(q ?? '').map(item) }
    },
  )
  app.get(
    '/lookups/postcodes',
    {
      config: any,
      schema: {
        tags: ['lookups'],
        summary: 'Postcodes by digits or by (fuzzy) municipality or place name',
        querystring: ZQ,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                postcode: z.string(),
                municipality: z.string().nullable(),
                places: z.array(z.string()),
                province: z.string(),
                regions: z.array(z.string()),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({
      items: findPostcodes(request.query.q).map((p) => ({
        postcode: p.postcode,
        municipality: p.municipality,
        places: [...p.places],
        province: p.province,
        regions: [...p.regionKeys],
      })),
    }),
  )
  app.get(
    '/lookups/regions',
    {
      config: any,
      schema: {
        tags: ['lookups'],
        summary: 'The named regions the `region` filters take',
        response: {
          200: z.object({
            items: z.array(z.object({ key: z.string(), label: z.string(), postcodes: z.number() })),
          }),
        },
      },
    },
    async () => ({ items: namedRegions() }),
  )
}
