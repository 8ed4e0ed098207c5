import { type MatchRunRow, markRunPlanned, pendingMailIds } from '@stagebrug/db'
import { type MatchSummary, mergeSummaries } from '@stagebrug/matching-core'
import type { WorkerDeps } from './deps.js'
import { finalizeRun } from './finalize-run.js'
import { matchOptions, planNight } from './plan-night.js'
import { runPart } from './run-part.js'
import { type SendOutcome, sendMail } from './send-mail.js'

export type InlineStage = 'plan' | 'part' | 'finalize' | 'mail'

export interface InlineNight {
  readonly run: MatchRunRow
  readonly summary: MatchSummary
  readonly mails: Readonly<Partial<Record<SendOutcome, number>>>
}

/**
 * The whole night in this process, without Redis: the same plan, parts, close and mail ledger as
 * the BullMQ worker, one step after another. For the demo and for `pnpm stagebrug run --inline`.
 * `progress` hears about every step (done of total within the stage).
 */
export async function runNightInline(
  deps: WorkerDeps,
  request: {
    readonly jobKey: string
    readonly requestedBy: string
    readonly publish: boolean
    readonly seed?: number
  },
  progress: (stage: InlineStage, done: number, total: number) => void = () => {},
): Promise<InlineNight> {
  progress('plan', 0, 1)
  const { run, plan, timings } = await planNight(deps, {
    jobKey: request.jobKey,
    trigger: 'manual',
    ...(request.seed === undefined ? {} : { seed: request.seed }),
    params: { requestedBy: request.requestedBy, publish: request.publish, inline: true },
  })
  if (!plan) throw new Error(`Run ${run.id} of ${request.jobKey} was planned before (status ${run.status})`)
  const total = plan.parts.length + 1
  await markRunPlanned(deps.db, run.id, { parts: total, timings })
  progress('plan', 1, 1)

  const options = matchOptions(run)
  const summaries: MatchSummary[] = []
  for (const p of plan.parts) {
    progress('part', p.index, total)
    const done = await runPart(deps, {
      runId: run.id,
      part: p.index,
      unconnected: false,
      input: p.input,
      options,
    })
    summaries.push(done.summary)
  }
  progress('part', plan.parts.length, total)
  const loose = await runPart(deps, {
    runId: run.id,
    part: plan.parts.length,
    unconnected: true,
    input: plan.unconnected,
    options,
  })
  progress('part', total, total)

  progress('finalize', 0, 1)
  const summary = mergeSummaries(plan, summaries, loose.summary)
  await finalizeRun(deps, {
    runId: run.id,
    publish: request.publish,
    summary,
    timings: { planMs: timings.planMs },
  })
  progress('finalize', 1, 1)

  const ids = await pendingMailIds(deps.db, run.id)
  const mails: Partial<Record<SendOutcome, number>> = {}
  for (const [i, id] of ids.entries()) {
    progress('mail', i, ids.length)
    const { outcome } = await sendMail(deps, id, { last: true })
    mails[outcome] = (mails[outcome] ?? 0) + 1
  }
  progress('mail', ids.length, ids.length)
  return { run, summary, mails }
}
