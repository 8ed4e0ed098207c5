import { failMatchRun, findMatchRunByJobKey, markRunPlanned, pendingMailIds } from '@stagebrug/db'
import { type MatchInput, mergeSummaries } from '@stagebrug/matching-core'
import type { WorkerDeps } from '@stagebrug/night'
import { finalizeRun, matchOptions, type PartOutcome, planNight, runPart } from '@stagebrug/night'
import {
  enqueueMails,
  jobIds,
  MATCH_JOB_OPTIONS,
  MATCH_JOBS,
  QUEUES,
  type Queues,
  ZFinalizeJob,
  ZNightJob,
  ZPartJob,
} from '@stagebrug/queue'
import type { Job } from 'bullmq'

/** The match queue's processor: `night` plans a run into a flow of `part` jobs under one `finalize`. */
export function matchProcessor(deps: WorkerDeps, queues: Queues) {
  return async (job: Job): Promise<unknown> => {
    try {
      switch (job.name) {
        case MATCH_JOBS.night:
          return await night(deps, queues, job)
        case MATCH_JOBS.part: {
          const data = ZPartJob.parse(job.data)
          await job.updateProgress({ stage: 'part', part: data.part })
          return await runPart(deps, { ...data, input: data.input as MatchInput })
        }
        case MATCH_JOBS.finalize:
          return await finalize(deps, queues, job)
        default:
          throw new Error(`Unknown match job "${job.name}"`)
      }
    } catch (error) {
      // The last attempt of any job of a run fails the run, so it never stays "running".
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1)
      const runId = last ? await runIdOf(deps, job) : undefined
      if (runId) await failMatchRun(deps.db, runId, String(error))
      throw error
    }
  }
}

/**
 * For the match worker's 'failed' event: a job that failed for good fails its run. This covers
 * what the processor never sees: a job stalled more than once (its worker died on it twice, say
 * out of memory) and a finalize failed by its failed part. Idempotent: only a queued or running
 * run changes. Never throws (an event handler has no caller); a problem is logged.
 */
export async function failRunOfFailedJob(deps: WorkerDeps, job: Job, error: Error): Promise<void> {
  try {
    if ((await job.getState()) !== 'failed') return // attempts left: BullMQ retries it
    const runId = await runIdOf(deps, job)
    if (!runId) return
    const what = job.name === MATCH_JOBS.part ? `part ${(job.data as { part?: unknown }).part}` : job.name
    await failMatchRun(deps.db, runId, `${what}: ${error.message}`)
  } catch (problem) {
    deps.logger.error(
      { jobId: job.id, error: String(problem) },
      'could not mark the run of a failed job failed',
    )
  }
}

async function runIdOf(deps: WorkerDeps, job: Job): Promise<string | undefined> {
  const given = (job.data as { runId?: unknown }).runId
  if (typeof given === 'string') return given
  return job.name === MATCH_JOBS.night ? (await findMatchRunByJobKey(deps.db, nightKey(job)))?.id : undefined
}

/** The run of a trigger job is keyed by the job, so every attempt finds the same run. */
const nightKey = (job: Job) => `night.${job.id}`

async function night(deps: WorkerDeps, queues: Queues, job: Job) {
  const data = ZNightJob.parse(job.data)
  await job.updateProgress({ stage: 'snapshot' })
  const { run, plan, timings } = await planNight(deps, {
    jobKey: nightKey(job),
    trigger: data.trigger,
    params: { requestedBy: data.requestedBy, publish: data.publish },
  })
  if (!plan) return { runId: run.id, planned: false }
  await job.updateProgress({ stage: 'plan', parts: plan.parts.length + 1 })
  const options = matchOptions(run)
  const child = (part: number, unconnected: boolean, input: MatchInput) => ({
    name: MATCH_JOBS.part,
    queueName: QUEUES.match,
    data: { runId: run.id, part, unconnected, options, input },
    // A part's data is a share of the snapshot (pseudonymous, but personal): gone from Redis once
    // stored; its return value lives on in the parent.
    opts: {
      ...MATCH_JOB_OPTIONS,
      jobId: jobIds.part(run.id, part),
      failParentOnFailure: true,
      removeOnComplete: true,
      removeOnFail: { age: 24 * 3600 },
    },
  })
  const children = [
    ...plan.parts.map((p) => child(p.index, false, p.input)),
    child(plan.parts.length, true, plan.unconnected),
  ]
  await queues.flows.add({
    name: MATCH_JOBS.finalize,
    queueName: QUEUES.match,
    data: {
      runId: run.id,
      publish: data.publish,
      pairsConsidered: plan.pairsConsidered,
      pairsScored: plan.pairsScored,
      planMs: timings.planMs,
    },
    opts: { ...MATCH_JOB_OPTIONS, jobId: jobIds.finalize(run.id) },
    children,
  })
  await markRunPlanned(deps.db, run.id, { parts: children.length, timings })
  return { runId: run.id, planned: true, parts: children.length }
}

async function finalize(deps: WorkerDeps, queues: Queues, job: Job) {
  const data = ZFinalizeJob.parse(job.data)
  await job.updateProgress({ stage: 'finalize' })
  const values = Object.values(await job.getChildrenValues<PartOutcome>())
  const unconnected = values.find((v) => v.unconnected)
  if (!unconnected) throw new Error(`Run ${data.runId}: the unconnected part reported nothing`)
  const summary = mergeSummaries(
    data,
    values.filter((v) => !v.unconnected).map((v) => v.summary),
    unconnected.summary,
  )
  const closed = await finalizeRun(deps, {
    runId: data.runId,
    publish: data.publish,
    summary,
    timings: { planMs: data.planMs },
  })
  // Also after a crash between the commit and this line: queueing is idempotent per row.
  await job.updateProgress({ stage: 'mail' })
  await enqueueMails(queues.mail, await pendingMailIds(deps.db, data.runId))
  return { runId: data.runId, closed, ...summary }
}
