import type { ColumnType, Selectable } from 'kysely'

/** A part of a run whose proposals and outcomes are stored (inserted in the same transaction). */
export interface MatchRunPartTable {
  run_id: string
  part: number
  students: number
  proposals: number
  finished_at: ColumnType<Date, never, never>
}

export type MatchRunPartRow = Selectable<MatchRunPartTable>
