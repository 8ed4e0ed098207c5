import type { WorkerDeps } from '@stagebrug/night'
import { sendMail } from '@stagebrug/night'
import { ZSendJob } from '@stagebrug/queue'
import type { Job } from 'bullmq'

/** The mail queue's processor: one ledger row per job; a transient failure throws so BullMQ backs off. */
export function mailProcessor(deps: WorkerDeps) {
  return async (job: Job): Promise<string> => {
    const { outboxId } = ZSendJob.parse(job.data)
    const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1)
    const { outcome, error } = await sendMail(deps, outboxId, { last })
    if (outcome === 'retry') throw error
    return outcome
  }
}
