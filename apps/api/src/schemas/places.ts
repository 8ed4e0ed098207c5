import { z } from 'zod'
import { ZIdentifierText, ZIsoDate, ZNameText, ZPlaceKind, ZPostcode } from './common.js'

const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM')

export const ZPlaceFields = z.object({
  externalId: ZIdentifierText()
    .min(1)
    .max(100)
    .nullable()
    .optional()
    .describe('Your own code for the place (plaatscode)'),
  kind: ZPlaceKind,
  postcode: ZPostcode.describe('Postcode of the establishment'),
  establishmentNumber: ZIdentifierText()
    .regex(/^\d{10}$/)
    .nullable()
    .optional()
    .describe('Vestigingseenheidsnummer, 10 digits'),
  programmes: z
    .array(z.number().int().positive())
    .min(1)
    .max(100)
    .describe('Programme ids (see /lookups/programmes)'),
  competences: z
    .array(z.object({ id: z.number().int().min(0), weight: z.number().positive().max(100) }))
    .max(200)
    .optional()
    .describe('Competence ids (see /lookups/competences) with their weight'),
  capacity: z.number().int().min(0).max(1000),
  period: z.object({ start: ZIsoDate, end: ZIsoDate }),
  hours: z.object({ start: ZTime, end: ZTime, shiftWork: z.boolean().optional() }),
  minimumAge: z.number().int().min(0).max(30).optional(),
  needsDrivingLicence: z.boolean().optional(),
  inclusive: z.boolean().optional(),
  sector: ZNameText().min(1).max(100),
})

export const ZPlaceUpdate = ZPlaceFields.partial().extend({ status: z.enum(['open', 'closed']).optional() })

export const ZPlace = z.object({
  id: z.uuid(),
  companyId: z.uuid(),
  externalId: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  kind: ZPlaceKind,
  postcode: z.string(),
  municipality: z.string().nullable(),
  establishmentNumber: z.string().nullable(),
  programmes: z.array(z.number()),
  competences: z.array(z.object({ id: z.number(), weight: z.number() })),
  capacity: z.number(),
  period: z.object({ start: z.string(), end: z.string() }),
  hours: z.object({ start: z.string(), end: z.string(), shiftWork: z.boolean() }),
  minimumAge: z.number(),
  needsDrivingLicence: z.boolean(),
  inclusive: z.boolean(),
  sector: z.string(),
  updatedAt: z.string(),
})

export const ZPlaceQuery = z.object({
  status: z.enum(['open', 'closed']).optional(),
  programme: z.coerce.number().int().positive().optional(),
  kind: ZPlaceKind.optional(),
  region: z.string().min(1).max(60).optional(),
})
