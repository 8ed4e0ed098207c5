import { z } from 'zod'
import { ZIsoDate, ZTimestamp, ZUuid } from './common.js'

/** The same words as the recognition file's `status` column; only `erkend` counts for matching. */
export const ZRecognitionStatus = z.enum(['erkend', 'aangevraagd', 'ingetrokken'])

export const ZRecognition = z.object({
  id: ZUuid,
  establishmentNumber: z.string(),
  programme: z.number().int(),
  reference: z.string().nullable(),
  validFrom: ZIsoDate,
  validUntil: ZIsoDate,
  status: ZRecognitionStatus,
  source: z.enum(['company', 'school']),
  updatedAt: ZTimestamp,
})

/** One recognition, keyed by establishment × programme: created, or replaced when it exists. */
export const ZRecognitionPut = z.object({
  establishmentNumber: z.string().min(1).max(30).describe('Vestigingseenheidsnummer (10 digits, first 2–8)'),
  programme: z.number().int().positive().describe('Structuuronderdeel number (GET /lookups/programmes)'),
  reference: z.string().max(200).nullable().optional().describe('Erkenningsnummer'),
  validFrom: ZIsoDate,
  validUntil: ZIsoDate.optional().describe('Inclusive; default validFrom + 5 years − 1 day'),
  status: ZRecognitionStatus,
})

/** What a place shows of the recognitions that apply to it (its establishment's, status erkend). */
export const ZPlaceRecognition = z.object({
  programme: z.number().int(),
  validFrom: ZIsoDate,
  validUntil: ZIsoDate,
  /** Valid on the day of the request. */
  valid: z.boolean(),
})
