import { z } from 'zod'

// The normalised text fields and the postcode rule are @stagebrug/admin's, so the command line's
// admin writes check exactly what the API does (one definition).
export { ZEmail, ZIdentifierText, ZNameText, ZPostcode } from '@stagebrug/admin'

export const ZUuid = z.uuid()
export const ZIdParams = z.object({ id: z.uuid() })
export const ZIsoDate = z.iso.date()
export const ZTimestamp = z.iso.datetime({ offset: true })

export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Items per page (1–200, default 50)'),
  cursor: z.string().max(1000).optional().describe('`nextCursor` of the previous page'),
})

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() })

export const ZRegion = z
  .string()
  .min(1)
  .max(60)
  .describe('A named region key, e.g. `reg-kempen` (see /lookups/regions)')

export const ZReason = z
  .string()
  .trim()
  .min(3)
  .max(1000)
  .describe('Why, in plain words: kept with the override and in the audit log')

export const ZPlaceKind = z.enum(['internship', 'dual', 'job', 'aanloopfase'])
export const ZProposalStatus = z.enum(['proposed', 'contacted', 'accepted', 'declined'])
export const ZProposalKind = z.enum(['pinned', 'allocated', 'alternative'])

export const ZRowError = z.object({
  row: z.number(),
  column: z.string(),
  value: z.string(),
  message: z.string(),
})

export const ZImportReport = z.object({
  outcome: z.literal('accepted'),
  uploadId: z.uuid(),
  counts: z.record(z.string(), z.number()),
  mapping: z.array(z.object({ column: z.string(), field: z.string(), via: z.string() })),
  warnings: z.array(z.looseObject({})),
  timings: z.object({ parseMs: z.number(), storeMs: z.number() }),
})

export const ZOk = z.object({ ok: z.literal(true) })
