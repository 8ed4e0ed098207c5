import { type ConnectionOptions, FlowProducer, Queue } from 'bullmq'
import {
  jobIds,
  MAIL_JOBS,
  MATCH_JOB_OPTIONS,
  MATCH_JOBS,
  mailJobOptions,
  type NightJob,
  QUEUES,
} from './catalog.js'

export interface Queues {
  readonly match: Queue
  readonly mail: Queue
  readonly flows: FlowProducer
  close(): Promise<void>
}

export interface QueueSettings {
  readonly connection: ConnectionOptions
  readonly prefix: string
  /** Tries per mail and the first backoff delay (doubling after each try). */
  readonly mailAttempts: number
  readonly mailBackoffMs: number
}

export function openQueues(s: QueueSettings): Queues {
  const opts = { connection: s.connection, prefix: s.prefix }
  const match = new Queue(QUEUES.match, { ...opts, defaultJobOptions: MATCH_JOB_OPTIONS })
  const mail = new Queue(QUEUES.mail, {
    ...opts,
    defaultJobOptions: mailJobOptions(s.mailAttempts, s.mailBackoffMs),
  })
  const flows = new FlowProducer(opts)
  return {
    match,
    mail,
    flows,
    async close() {
      await Promise.all([match.close(), mail.close(), flows.close()])
    },
  }
}

/**
 * Registers the nightly run. Upserting by a fixed id makes this safe to call from every worker
 * at start-up: however many workers run, there is one schedule.
 */
export async function registerNightlySchedule(
  match: Queue,
  cron: string,
  timeZone: string,
  /** false: every night is held back until an administrator publishes it. */
  publish = true,
): Promise<void> {
  const data: NightJob = { trigger: 'scheduled', requestedBy: 'scheduler', publish }
  await match.upsertJobScheduler(
    jobIds.nightlyScheduler,
    { pattern: cron, tz: timeZone },
    { name: MATCH_JOBS.night, data, opts: MATCH_JOB_OPTIONS },
  )
}

/** Asks for a run now; returns the trigger job's id. */
export async function triggerRun(match: Queue, requestedBy: string, publish = true): Promise<string> {
  const data: NightJob = { trigger: 'manual', requestedBy, publish }
  const job = await match.add(MATCH_JOBS.night, data)
  return job.id!
}

/** Queues a send job per outbox id; the job id is the row's, so queueing twice sends once. */
export async function enqueueMails(mail: Queue, outboxIds: readonly string[]): Promise<void> {
  if (outboxIds.length === 0) return
  await mail.addBulk(
    outboxIds.map((outboxId) => ({
      name: MAIL_JOBS.send,
      data: { outboxId },
      opts: { jobId: jobIds.send(outboxId) },
    })),
  )
}
