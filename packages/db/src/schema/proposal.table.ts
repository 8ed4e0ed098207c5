import type { ProposalKind, Reason, ScoreBreakdown } from '@stagebrug/matching-core'
import type { ColumnType, Insertable, Selectable } from 'kysely'
import type { CreatedAt, JsonColumn, JsonText, Uuid } from './columns.js'

export type ProposalStatus = 'proposed' | 'contacted' | 'accepted' | 'declined'

export interface ProposalTable {
  id: Uuid
  run_id: string
  student_id: string
  place_id: string
  rank: number
  /** numeric(6,2); read back as a number. */
  score: number
  breakdown: JsonColumn<ScoreBreakdown>
  kind: ProposalKind
  status: ColumnType<ProposalStatus, ProposalStatus | undefined, ProposalStatus>
  status_by: string | null
  status_at: Date | null
  /** Why it was declined, for the school only (≤ 500 characters; migration 0013). Never shown to a company. */
  decline_reason: ColumnType<string | null, string | null | undefined, string | null>
  created_at: CreatedAt
  /** The reasons as the run explained them: a code (what a company may see decides on) and the Dutch text. */
  reasons: ColumnType<Reason[], JsonText<readonly Reason[]> | undefined, JsonText<readonly Reason[]>>
}
export type ProposalRow = Selectable<ProposalTable>
export type NewProposal = Insertable<ProposalTable>
