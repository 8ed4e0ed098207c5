import type { Selectable } from 'kysely'

export type OutcomeStatus = 'pinned' | 'matched' | 'unmatched'

/** Every student of a run: placed or not, and why not. */
export interface MatchOutcomeTable {
  run_id: string
  student_id: string
  status: OutcomeStatus
  place_id: string | null
  unmatched_code: string | null
  /** In plain Dutch. */
  unmatched_reason: string | null
}

export type MatchOutcomeRow = Selectable<MatchOutcomeTable>
