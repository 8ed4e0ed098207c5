import { z } from 'zod'
import {
  ZAdminName,
  ZEmail,
  ZIdentifierText,
  ZInstellingsnummer,
  ZKboNumber,
  ZNameText,
  ZPostcode,
} from './fields.js'

// What each admin write takes: the API uses these as its request bodies, the command line parses its
// flags with them, and the write functions parse again (so no door can skip a rule).

const upTo = (n: number) => ZNameText().max(n, `hoogstens ${n} tekens / at most ${n} characters`)
/** Optional text of a school's own data: absent = unchanged, null or blank = cleared. */
const optionalText = (n: number) =>
  upTo(n)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()

/** A stagebegeleider: the school's teacher who supervises the internship (the agreement names the first). */
export const ZSupervisorInput = z.object({
  name: ZAdminName(),
  email: ZEmail().nullable().optional(),
  phone: z.string().trim().max(50, 'hoogstens 50 tekens / at most 50 characters').nullable().optional(),
})
export type TSupervisorInput = z.input<typeof ZSupervisorInput>

/**
 * A school's own data (issue 15), which the agreement's school block names and the regional
 * directory will list. Every field is optional: absent = unchanged, null = cleared; the two lists
 * (stagebegeleiders, programmes) replace the stored list whole when given.
 */
export const ZSchoolProfileInput = z.object({
  street: optionalText(200).describe('Straat / street'),
  houseNumber: optionalText(20).describe('Huisnummer / house number'),
  municipality: optionalText(100).describe('Gemeente / municipality'),
  directorName: optionalText(200).describe('Directeur of afgevaardigde / director or delegate'),
  directorFunction: optionalText(100).describe('Functie, e.g. directeur, adjunct-directeur'),
  insurer: optionalText(200).describe('Verzekeraar (arbeidsongevallen) / insurer'),
  policyNumber: optionalText(50).describe('Polisnummer / policy number'),
  supervisors: z
    .array(ZSupervisorInput)
    .max(50, 'hoogstens 50 stagebegeleiders / at most 50 supervisors')
    .optional()
    .describe('Stagebegeleiders, in order; replaces the list'),
  programmes: z
    .array(z.number({ error: 'moet een getal zijn / must be a number' }).int().positive())
    .max(1000, 'hoogstens 1000 studierichtingen / at most 1000 programmes')
    .optional()
    .describe('Ids of the programmes (studierichtingen) the school offers; replaces the list'),
})
export type TSchoolProfileInput = z.input<typeof ZSchoolProfileInput>

export const ZSchoolInput = z
  .object({
    name: ZAdminName(),
    instellingsnummer: ZInstellingsnummer(),
    postcode: ZIdentifierText().pipe(ZPostcode),
    group: ZAdminName().nullable().optional().describe('School group name; created when new'),
  })
  .extend(ZSchoolProfileInput.shape)
export type TSchoolInput = z.input<typeof ZSchoolInput>

export const ZCoordinatorInput = z.object({ name: ZAdminName(), email: ZEmail() })
export type TCoordinatorInput = z.input<typeof ZCoordinatorInput>

export const ZCompanyInput = z.object({
  kboNumber: ZKboNumber(),
  name: ZAdminName(),
  contactName: ZNameText().max(200, 'hoogstens 200 tekens / at most 200 characters').nullable().optional(),
  contactEmail: ZEmail().nullable().optional(),
  contactPhone: z
    .string()
    .trim()
    .max(50, 'hoogstens 50 tekens / at most 50 characters')
    .nullable()
    .optional(),
  /** The registered seat (maatschappelijke zetel), as the place file's `zetel …` columns; absent = unchanged. */
  seat: z
    .object({
      street: ZNameText().max(200, 'hoogstens 200 tekens / at most 200 characters'),
      houseNumber: ZNameText().max(20, 'hoogstens 20 tekens / at most 20 characters').nullable().optional(),
      postcode: ZIdentifierText().pipe(ZPostcode),
      municipality: ZNameText().max(100, 'hoogstens 100 tekens / at most 100 characters'),
    })
    .nullable()
    .optional(),
})
export type TCompanyInput = z.input<typeof ZCompanyInput>

export const ZApiKeyRole = z.enum(['admin', 'school', 'company'], {
  error: 'admin, school of company / admin, school or company',
})
export const ZApiKeyScope = z.object({
  schoolId: z.uuid().optional(),
  schoolGroupId: z.uuid().optional(),
  companyId: z.uuid().optional(),
})
export const ZApiKeyInput = z.object({
  name: ZAdminName(),
  role: ZApiKeyRole,
  scope: ZApiKeyScope.optional().describe(
    'school: schoolId or schoolGroupId; company: companyId; admin: none',
  ),
})
export type TApiKeyInput = z.input<typeof ZApiKeyInput>
