import type { ColumnType, Insertable, Selectable } from 'kysely'
import type { CreatedAt, JsonColumn, Uuid } from './columns.js'

export type MatchRunStatus = 'queued' | 'running' | 'succeeded' | 'failed'

export interface MatchRunTable {
  id: Uuid
  params: JsonColumn<Record<string, unknown>>
  seed: number
  status: ColumnType<MatchRunStatus, MatchRunStatus | undefined, MatchRunStatus>
  created_at: CreatedAt
  started_at: Date | null
  finished_at: Date | null
  timings: JsonColumn<Record<string, number>>
  counts: JsonColumn<Record<string, number>>
  error: string | null
}
export type MatchRunRow = Selectable<MatchRunTable>
export type NewMatchRun = Insertable<MatchRunTable>
