import type { DefaultJobOptions } from 'bullmq'
import { z } from 'zod'

/** The two queues: batch matching, and sending the mail ledger. */
export const QUEUES = { match: 'match', mail: 'mail' } as const

/** Job names on the match queue: a trigger plans the night into parts, a parent finalises it. */
export const MATCH_JOBS = { night: 'night', part: 'part', finalize: 'finalize' } as const
export const MAIL_JOBS = { send: 'send' } as const

export const ZNightJob = z.object({
  trigger: z.enum(['scheduled', 'manual']),
  requestedBy: z.string().min(1).default('scheduler'),
  /** Publish to companies when the run succeeds (an administrator may hold a run back). */
  publish: z.boolean().default(true),
})
export type NightJob = z.input<typeof ZNightJob>

export const ZMatchOptions = z.object({
  seed: z.number().int(),
  today: z.iso.date(),
})

/** A part carries its frozen share of the snapshot, so a retry matches exactly what was planned. */
export const ZPartJob = z.object({
  runId: z.uuid(),
  part: z.number().int().min(0),
  /** The last part explains the students without candidates: it writes outcomes only. */
  unconnected: z.boolean(),
  options: ZMatchOptions,
  /** A MatchInput as JSON (validated by construction: the planner made it). */
  input: z.unknown(),
})
export type PartJob = z.infer<typeof ZPartJob>

export const ZFinalizeJob = z.object({
  runId: z.uuid(),
  publish: z.boolean(),
  pairsConsidered: z.number().int().min(0),
  pairsScored: z.number().int().min(0),
  planMs: z.number().min(0),
})
export type FinalizeJob = z.infer<typeof ZFinalizeJob>

export const ZSendJob = z.object({ outboxId: z.uuid() })
export type SendJob = z.infer<typeof ZSendJob>

// BullMQ refuses ':' in custom ids; ids are derived from what they identify, so re-adding is a no-op.
export const jobIds = {
  part: (runId: string, part: number) => `run.${runId}.part.${part}`,
  finalize: (runId: string) => `run.${runId}.finalize`,
  send: (outboxId: string) => `mail.${outboxId}`,
  nightlyScheduler: 'nightly-match',
}

/** Retries for match jobs: a crash or a lost database connection gets three more tries. */
export const MATCH_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 4,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
  removeOnFail: { age: 30 * 24 * 3600 },
}

/** Mails: transient SMTP failures back off exponentially from `baseDelayMs` over `attempts` tries. */
export function mailJobOptions(attempts = 8, baseDelayMs = 30_000): DefaultJobOptions {
  return {
    attempts,
    backoff: { type: 'exponential', delay: baseDelayMs },
    removeOnComplete: { age: 7 * 24 * 3600, count: 5000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  }
}
