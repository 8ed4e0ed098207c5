import { pendingMailIds } from '@stagebrug/db'
import type { WorkerDeps } from '@stagebrug/night'
import { enqueueMails, openQueues, QUEUES, type QueueSettings, type Queues } from '@stagebrug/queue'
import { Worker } from 'bullmq'
import { mailProcessor } from './jobs/mail.processor.js'
import { failRunOfFailedJob, matchProcessor } from './jobs/match.processor.js'

export interface RunningWorker {
  readonly queues: Queues
  readonly match: Worker
  readonly mail: Worker
  /** Stops taking jobs, lets the current ones finish (or hands them back), closes connections. */
  close(): Promise<void>
}

/**
 * Starts the match and mail workers. Mails that were in the outbox but never queued (a crash
 * between commit and queueing) are queued again at start-up.
 */
export async function startWorker(
  deps: WorkerDeps,
  s: QueueSettings & {
    readonly matchConcurrency: number
    readonly mailConcurrency: number
    /** Lock of an active job; a worker that dies loses its jobs to the others after this long. */
    readonly lockMs?: number
  },
): Promise<RunningWorker> {
  const queues = openQueues(s)
  const lock = s.lockMs ?? 30_000
  const opts = { connection: s.connection, prefix: s.prefix, lockDuration: lock, stalledInterval: lock }
  const match = new Worker(QUEUES.match, matchProcessor(deps, queues), {
    ...opts,
    concurrency: s.matchConcurrency,
  })
  const mail = new Worker(QUEUES.mail, mailProcessor(deps), { ...opts, concurrency: s.mailConcurrency })
  for (const w of [match, mail]) {
    w.on('failed', (job, error) =>
      deps.logger.error(
        { queue: w.name, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, error: error.message },
        'job failed',
      ),
    )
    w.on('error', (error) => deps.logger.error({ queue: w.name, error: error.message }, 'worker error'))
  }
  match.on('failed', (job, error) => {
    if (job) void failRunOfFailedJob(deps, job, error)
  })
  // The worker's own producers (parts, mails) emit 'error' while Redis is away; without a listener
  // BullMQ prints each one as a raw stack trace on stderr, outside the structured log.
  const onQueueError = (queue: string) => (error: Error) =>
    deps.logger.warn({ queue, error: error.message }, 'queue connection error')
  queues.match.on('error', onQueueError(QUEUES.match))
  queues.mail.on('error', onQueueError(QUEUES.mail))
  queues.flows.on('error', onQueueError('flows'))
  await Promise.all([match.waitUntilReady(), mail.waitUntilReady()])
  await enqueueMails(queues.mail, await pendingMailIds(deps.db))
  return {
    queues,
    match,
    mail,
    async close() {
      await Promise.all([match.close(), mail.close()])
      await queues.close()
    },
  }
}
