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

export const ZSchoolInput = z.object({
  name: ZAdminName(),
  instellingsnummer: ZInstellingsnummer(),
  postcode: ZIdentifierText().pipe(ZPostcode),
  group: ZAdminName().nullable().optional().describe('School group name; created when new'),
})
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
