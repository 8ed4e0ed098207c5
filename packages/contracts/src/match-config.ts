import { resolveConfig } from '@stagebrug/matching-core'
import { z } from 'zod'

const weight = z.number().finite().min(0).max(100)

/**
 * The match configuration as operators write it (environment, admin API): every field optional,
 * defaults from matching-core's DEFAULT_MATCH_CONFIG, weights summing to 100.
 */
export const ZMatchConfig = z
  .object({
    weights: z
      .object({ programme: weight, distance: weight, competences: weight, wishes: weight })
      .partial()
      .optional(),
    distanceHalfKm: z.number().positive().max(200).optional(),
    foreignDistanceShare: z.number().min(0).max(1).optional(),
    relatedProgrammeShare: z.number().min(0).max(1).optional(),
    candidatesPerStudent: z.number().int().min(1).max(200).optional(),
    shortlistSize: z.number().int().min(1).max(50).optional(),
    reserveSize: z.number().int().min(0).max(50).optional(),
    priority: z.enum(['tier', 'none']).optional(),
    gridKm: z.number().positive().max(100).optional(),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    const w = resolveConfig(cfg).weights
    const sum = w.programme + w.distance + w.competences + w.wishes
    if (Math.abs(sum - 100) > 1e-9) {
      ctx.addIssue({
        code: 'custom',
        path: ['weights'],
        message: `De gewichten moeten samen 100 zijn (nu ${sum}: programme ${w.programme}, distance ${w.distance}, competences ${w.competences}, wishes ${w.wishes}).`,
      })
    }
  })

export type TMatchConfig = z.infer<typeof ZMatchConfig>
