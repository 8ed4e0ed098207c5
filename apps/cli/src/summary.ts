import { type MatchSummary, UNMATCHED_LABELS_NL } from '@stagebrug/matching-core'
import type { StageTimings } from './stages.js'

const UNMATCHED_NL = UNMATCHED_LABELS_NL

/** A plain-text summary of a run, in Dutch. */
export function renderSummary(s: MatchSummary, ms: StageTimings): string {
  const pct = (n: number, d: number) => (d === 0 ? '0%' : `${((100 * n) / d).toFixed(1)}%`)
  const lines = [
    'Samenvatting',
    `  leerlingen           ${s.students}`,
    `  plaatsen / zitjes    ${s.places} / ${s.seats}`,
    `  geplaatst            ${s.matched + s.pinned} (${pct(s.matched + s.pinned, s.students)}), waarvan ${s.pinned} manueel`,
    `  kwetsbare leerlingen ${s.priorityPlaced} van ${s.priorityStudents} geplaatst (${pct(s.priorityPlaced, s.priorityStudents)})`,
    `  niet geplaatst       ${s.unmatched}`,
    ...Object.entries(s.unmatchedByReason)
      .filter(([, n]) => n > 0)
      .map(([code, n]) => `    - ${UNMATCHED_NL[code as keyof typeof UNMATCHED_NL]}: ${n}`),
    `  paren bekeken / gescoord ${s.pairsConsidered} / ${s.pairsScored}`,
    `  tijd: index ${ms.index} ms, scoren ${ms.score} ms, toewijzen ${ms.allocate} ms, shortlists ${ms.shortlist} ms`,
  ]
  return lines.join('\n')
}
