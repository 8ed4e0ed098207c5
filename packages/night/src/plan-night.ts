import { randomInt } from 'node:crypto'
import { loadSnapshot, type MatchRunRow, type MatchRunTrigger, openMatchRun } from '@stagebrug/db'
import { type MatchPlan, planParts } from '@stagebrug/matching-core'
import type { WorkerDeps } from './deps.js'

export interface PlannedNight {
  readonly run: MatchRunRow
  /** Null when an earlier attempt of the same trigger planned this run already. */
  readonly plan: MatchPlan | null
  readonly timings: { readonly snapshotMs: number; readonly planMs: number }
}

/** The calendar day in a time zone, YYYY-MM-DD. */
export function dayIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at)
}

/**
 * Opens the run of a trigger (or finds it again on a retry), loads the night's snapshot and splits
 * it into independent parts. The seed is stored with the run, so a retry matches with the same one.
 */
export async function planNight(
  deps: WorkerDeps,
  trigger: {
    readonly jobKey: string
    readonly trigger: MatchRunTrigger
    readonly params: Record<string, unknown>
    /** The lottery seed; drawn at random when not given (the demo and the bench pass one, to be reproducible). */
    readonly seed?: number
  },
): Promise<PlannedNight> {
  const run = await openMatchRun(deps.db, {
    jobKey: trigger.jobKey,
    seed: trigger.seed ?? randomInt(2 ** 31 - 1),
    today: dayIn(deps.settings.timeZone, deps.now()),
    trigger: trigger.trigger,
    params: trigger.params,
  })
  if (run.status !== 'queued') return { run, plan: null, timings: { snapshotMs: 0, planMs: 0 } }
  const t0 = performance.now()
  const input = await loadSnapshot(deps.db)
  const t1 = performance.now()
  const plan = planParts(input, matchOptions(run), deps.settings.matchParts)
  const t2 = performance.now()
  deps.logger.info(
    {
      stage: 'plan',
      runId: run.id,
      students: input.students.length,
      places: input.places.length,
      components: plan.components,
      parts: plan.parts.length,
      unconnected: plan.unconnected.students.length,
      snapshotMs: Math.round(t1 - t0),
      planMs: Math.round(t2 - t1),
    },
    'night planned',
  )
  return { run, plan, timings: { snapshotMs: Math.round(t1 - t0), planMs: Math.round(t2 - t1) } }
}

export function matchOptions(run: Pick<MatchRunRow, 'seed' | 'today' | 'id'>): {
  seed: number
  today: string
} {
  if (!run.today) throw new Error(`Run ${run.id} has no day`)
  return { seed: Number(run.seed), today: run.today }
}
