import type { ColumnType, Insertable, Selectable } from 'kysely'
import type { CreatedAt, DateColumn, JsonColumn, Uuid } from './columns.js'

export type MatchRunTrigger = 'scheduled' | 'manual'
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
  /** The queue job that started the run (unique): a retried trigger finds its run again. */
  job_key: string | null
  /** The day the run matched for, YYYY-MM-DD. */
  today: DateColumn | null
  trigger: ColumnType<MatchRunTrigger, MatchRunTrigger | undefined, MatchRunTrigger>
  /** How many parts (child jobs) the night was split into. */
  parts: number | null
  /** Companies see a run's proposals only from this moment. */
  published_at: Date | null
}
export type MatchRunRow = Selectable<MatchRunTable>
export type NewMatchRun = Insertable<MatchRunTable>
