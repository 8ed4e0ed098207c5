import { postcodeIndex } from '@stagebrug/reference-data'
import { normaliseIdentifier, normaliseName } from '@stagebrug/uploads'
import { z } from 'zod'

/**
 * Text that identifies something (instellingsnummer, KBO, place code, e-mail), normalised as an
 * upload's cell is (the same function): invisible characters out, NFKC, trimmed. Chain checks after it.
 */
export const ZIdentifierText = () => z.string().overwrite(normaliseIdentifier)
/** A name or other text, normalised as an upload's cell is: invisible characters out, NFC, trimmed. */
export const ZNameText = () => z.string().overwrite(normaliseName)
/** An e-mail address as stored: normalised, lower-cased (one person is one address). */
export const ZEmail = () =>
  z
    .string()
    .overwrite((v) => normaliseIdentifier(v).toLowerCase())
    .pipe(z.email())

export const ZUuid = z.uuid()
export const ZIdParams = z.object({ id: z.uuid() })
export const ZIsoDate = z.iso.date()
export const ZTimestamp = z.iso.datetime({ offset: true })

/** A Belgian postcode that exists (the database refuses others by foreign key; say so in the request). */
export const ZPostcode = z
  .string()
  .regex(/^\d{4}$/, '4 digits')
  .refine((v) => postcodeIndex().has(v), 'Onbekende postcode / Unknown postcode')

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
