import type { MatchSummary } from '@stagebrug/matching-core'
import type { StageTimings } from './stages.js'

const UNMATCHED_NL = {
  no_places_for_programme: 'geen plaatsen voor de studierichting',
  no_place_in_range: 'geen plaats binnen bereik',
  no_eligible_place: 'geen plaats die aan de regels voldoet',
  outranked: 'alle plaatsen naar hoger gerangschikte leerlingen',
} as const

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
