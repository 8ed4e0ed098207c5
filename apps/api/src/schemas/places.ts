import { WORKPLACE_RISK_CODES } from '@stagebrug/matching-core'
import { COUNTRY_CODES, countryCode, PLACE_KIND_WORDS, placeKindOf } from '@stagebrug/uploads'
import { z } from 'zod'
import { ZEmail, ZIdentifierText, ZIsoDate, ZNameText, ZUuid } from './common.js'

const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM')
const ZText = (max: number) => ZNameText().min(1).max(max)

/**
 * The place kind as the uniform file writes it (`stage`, `duaal`, `job`, `aanloopfase`); the older API
 * codes (`internship`, `dual`) and the file's other words (SAO, DA, OAO…) are accepted too. Answers use the
 * file's words.
 */
export const ZPlaceKindWord = z
  .string()
  .transform((v, ctx) => {
    const kind = placeKindOf(v)
    if (kind === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `onbekend soort plaats (verwacht ${PLACE_KIND_WORDS.join(', ')}) / unknown place kind`,
      })
      return z.NEVER
    }
    return kind
  })
  .describe(`Soort plaats: ${PLACE_KIND_WORDS.join(', ')} (internship and dual are accepted as well)`)

/** ISO 3166-1 alpha-2 or a country name (Dutch or English); `BE` (or absent) is a place in Belgium. */
const ZCountry = z
  .string()
  .max(60)
  .transform((v, ctx) => {
    const code = countryCode(v)
    if (code === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `onbekend land (verwacht een van ${COUNTRY_CODES.join(', ')}) / unknown country`,
      })
      return z.NEVER
    }
    return code
  })
  .describe('Land (Erasmus+): ISO code or name, e.g. NL or Nederland; BE or absent = in Belgium')

const ZRiskCode = z.enum(WORKPLACE_RISK_CODES as unknown as [string, ...string[]])

// Every field of the uniform place registration file (packages/uploads PLACE_FIELDS), by the same
// name: `test/parity/place-fields.test.ts` walks the file's list and fails on a field without a key here.
// The file's company columns (ondernemingsnummer, bedrijfsnaam, zetel) are the caller's company here.
export const ZPlaceFields = z.object({
  externalId: ZIdentifierText()
    .min(1)
    .max(100)
    .nullable()
    .optional()
    .describe('Your own code for the place (plaatscode)'),
  kind: ZPlaceKindWord,
  postcode: z
    .string()
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} -]{0,11}$/u, 'geen geldige postcode / not a valid postcode')
    .nullable()
    .optional()
    .describe('Postcode: a Belgian one (required in Belgium), or the postcode abroad as written'),
  municipality: ZText(100).nullable().optional().describe('Gemeente; abroad the city (required abroad)'),
  street: ZText(200).nullable().optional().describe('Straat; required abroad'),
  houseNumber: ZText(20).nullable().optional(),
  country: ZCountry.nullable().optional(),
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
  inclusive: z
    .boolean()
    .optional()
    .describe('Inclusieve werkplek: open voor leerlingen met ondersteuningsnood'),
  sector: ZNameText().min(1).max(100),
  contactName: ZText(200).nullable().optional().describe('Contactpersoon for schools at this place'),
  contactEmail: ZEmail().nullable().optional(),
  contactPhone: ZText(50).nullable().optional(),
  workstation: ZText(500).nullable().optional().describe('Werkpost'),
  activities: ZText(5000).nullable().optional(),
  risks: z.array(ZRiskCode).max(50).nullable().optional().describe("Risico's: checklist codes; [] = none"),
  increasedRisk: z.boolean().nullable().optional(),
  protectiveMeasures: ZText(5000).nullable().optional(),
  healthSurveillance: z.boolean().nullable().optional(),
  healthSurveillanceType: ZText(500).nullable().optional(),
  mentorIds: z
    .array(ZUuid)
    .max(100)
    .optional()
    .describe('The mentors of the place (GET /company/mentors); replaces them all. Absent: unchanged'),
})

export const ZPlaceUpdate = ZPlaceFields.partial().extend({ status: z.enum(['open', 'closed']).optional() })

const ZKindOut = z.enum(['stage', 'duaal', 'job', 'aanloopfase'])

/** A place as a school sees it among the open places. */
export const ZPlace = z.object({
  id: z.uuid(),
  companyId: z.uuid(),
  externalId: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  kind: ZKindOut,
  postcode: z.string().nullable(),
  municipality: z.string().nullable(),
  country: z.string().nullable().describe('ISO code of a place abroad; null in Belgium'),
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

/** A company's own place: everything it registered, so it can check it. */
export const ZOwnPlace = ZPlace.extend({
  street: z.string().nullable(),
  houseNumber: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  workstation: z.string().nullable(),
  activities: z.string().nullable(),
  risks: z.array(z.string()).nullable(),
  increasedRisk: z.boolean().nullable(),
  protectiveMeasures: z.string().nullable(),
  healthSurveillance: z.boolean().nullable(),
  healthSurveillanceType: z.string().nullable(),
})

export const ZPlaceQuery = z.object({
  status: z.enum(['open', 'closed']).optional(),
  programme: z.coerce.number().int().positive().optional(),
  kind: ZPlaceKindWord.optional(),
  region: z.string().min(1).max(60).optional(),
})
