import { loadMissingNames, type PartWrite, savePart } from '@stagebrug/db'
import {
  explainProposal,
  explainUnmatched,
  type MatchInput,
  type MatchResult,
  type MatchSummary,
  type MissingNames,
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
  const namesOf = await missingNames(deps.db, job.input, result)
  const write: PartWrite = {
    proposals: result.students.flatMap((o) =>
      o.proposals.map((p) => ({ ...p, reasons: explainProposal(p) })),
    ),
    outcomes: result.students.map((o) => ({
      student: o.student,
      status: o.status,
      place: o.placement,
      unmatchedCode: o.unmatched?.code ?? null,
      unmatchedReason: o.unmatched
        ? explainUnmatched(o.unmatched, maxKm.get(o.student) ?? 0, namesOf(o.student))
        : null,
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

/**
 * The names the reasons of unplaced pupils need to say what is missing where ("erkenning voor
 * Logistiek duaal ontbreekt bij …"): one lookup of the few places and programmes involved.
 */
async function missingNames(
  db: WorkerDeps['db'],
  input: MatchInput,
  result: MatchResult,
): Promise<(student: string) => MissingNames | undefined> {
  const programmeOf = new Map(input.students.map((s) => [s.id as string, s.programme as number]))
  const placeIds: string[] = []
  const programmeIds: number[] = []
  for (const o of result.students) {
    if (!o.unmatched || o.unmatched.missingAt.length === 0) continue
    for (const m of o.unmatched.missingAt) placeIds.push(m.place)
    programmeIds.push(programmeOf.get(o.student) ?? 0)
  }
  if (placeIds.length === 0) return () => undefined
  const names = await loadMissingNames(db, placeIds, programmeIds)
  const place: MissingNames['place'] = (id) => names.places.get(id)
  return (student) => {
    const title = names.programmes.get(programmeOf.get(student) ?? 0)
    return title === undefined ? undefined : { programme: title, place }
  }
}
