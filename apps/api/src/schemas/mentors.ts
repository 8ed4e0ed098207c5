import { z } from 'zod'
import { ZIsoDate, ZTimestamp, ZUuid } from './common.js'

// The same fields as the uniform mentor file (docs/uploads), camelCased.

export const ZMentor = z.object({
  id: ZUuid,
  name: z.string().nullable(),
  function: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  birthDate: ZIsoDate.nullable(),
  declaredAtLeast25: z.boolean(),
  ageWaiver23: z.boolean(),
  yearsExperience: z.number().int().nullable(),
  trainingCompleted: z.boolean(),
  trainingDeadline: ZIsoDate.nullable(),
  extract5962CheckedOn: ZIsoDate.nullable(),
  /** The places the mentor supervises, with their plaatscode. */
  places: z.array(z.object({ id: ZUuid, externalId: z.string().nullable() })),
  updatedAt: ZTimestamp,
})

const text = (max: number) => z.string().trim().min(1).max(max)

const fields = {
  function: text(200).nullable().optional(),
  email: z
    .email()
    .max(320)
    .nullable()
    .optional()
    .describe('The key of the mentor within the company (lower-cased)'),
  phone: text(50).nullable().optional(),
  birthDate: ZIsoDate.nullable()
    .optional()
    .describe('Or declaredAtLeast25: true instead (data minimisation)'),
  declaredAtLeast25: z.boolean().optional(),
  ageWaiver23: z.boolean().optional().describe("The sector's waiver: 23 instead of 25"),
  yearsExperience: z.number().int().min(0).max(80).nullable().optional(),
  trainingCompleted: z.boolean().optional(),
  trainingDeadline: ZIsoDate.nullable().optional(),
  extract5962CheckedOn: ZIsoDate.nullable()
    .optional()
    .describe('The day the 596.2 extract was checked: the date only, never the document'),
  placeIds: z
    .array(ZUuid)
    .max(1000)
    .optional()
    .describe('The places the mentor supervises (replaces them all)'),
}

/** A new mentor of the caller's company; an existing e-mail (else name) is the same mentor, updated. */
export const ZMentorCreate = z.object({ name: text(200), ...fields })

/** What changes; absent fields stay as they are. */
export const ZMentorPatch = z.object({ name: text(200).optional(), ...fields })
