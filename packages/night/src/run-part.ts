import { type PartWrite, savePart } from '@stagebrug/db'
import {
  explainProposal,
  explainUnmatched,
  type MatchInput,
  type MatchSummary,
  match,
} from '@stagebrug/matching-core'
import type { WorkerDeps } from './deps.js'

export interface PartOutcome {
  readonly part: number
  readonly unconnected: boolean
  readonly written: boolean
  readonly summary: MatchSummary
}

/**
 * Matches one part and stores its proposals (with their Dutch reasons) and every student's
 * outcome, exactly once. Pure matching, then one transaction: a retry recomputes the same result
 * and finds the part stored.
 */
export async function runPart(
  deps: Pick<WorkerDeps, 'db' | 'logger'>,
  job: {
    readonly runId: string
    readonly part: number
    readonly unconnected: boolean
    readonly input: MatchInput
    readonly options: { readonly seed: number; readonly today: string }
  },
): Promise<PartOutcome> {
  const t0 = performance.now()
  const result = match(job.input, job.options)
  const t1 = performance.now()
  const maxKm = new Map(job.input.students.map((s) => [s.id as string, s.maxTravelKm]))
  const write: PartWrite = {
    proposals: result.students.flatMap((o) =>
      o.proposals.map((p) => ({ ...p, reasons: explainProposal(p) })),
    ),
    outcomes: result.students.map((o) => ({
      student: o.student,
      status: o.status,
      place: o.placement,
      unmatchedCode: o.unmatched?.code ?? null,
      unmatchedReason: o.unmatched ? explainUnmatched(o.unmatched, maxKm.get(o.student) ?? 0) : null,
    })),
  }
  const written = await savePart(deps.db, job.runId, job.part, write)
  deps.logger.info(
    {
      stage: 'part',
      runId: job.runId,
      part: job.part,
      unconnected: job.unconnected,
      students: write.outcomes.length,
      proposals: write.proposals.length,
      written,
      matchMs: Math.round(t1 - t0),
      storeMs: Math.round(performance.now() - t1),
    },
    written ? 'part stored' : 'part was stored before',
  )
  return { part: job.part, unconnected: job.unconnected, written, summary: result.summary }
}
