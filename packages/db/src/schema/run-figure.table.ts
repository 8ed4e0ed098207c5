import type { ColumnType, Insertable, Selectable } from 'kysely'
import type { DateColumn, JsonColumn } from './columns.js'

/**
 * `flanders`: the whole run at home; province, arrondissement and region as in the postcode table
 * and the named regions; `country`: places abroad, under their country (migration 0020).
 */
export type FigureLevel = 'flanders' | 'province' | 'arrondissement' | 'region' | 'country'
export type IdleReason = 'not_proposed' | 'not_filled'
export type WatchKind = 'recognition_expiring' | 'mentor_training_due' | 'mentor_training_overdue'

/** A region a student's home or a place's establishment lies in (jsonb in the figures tables). */
export interface FigureRegionRef {
  readonly level: Exclude<FigureLevel, 'flanders'>
  readonly key: string
  readonly label: string
}

/** One row per run whose figures are stored; inserted first, so a run's figures are written once. */
export interface RunFiguresTable {
  run_id: string
  today: DateColumn
  computed_at: ColumnType<Date, never, never>
  rows: number
  idle_places: number
  watch_items: number
}

/** The figures of one run × level × region × programme (0 = all programmes). */
export interface RunFigureTable {
  run_id: string
  level: FigureLevel
  region_key: string
  region_label: string
  programme_id: number
  seekers: number
  proposed: number
  unmatched: number
  accepted: number
  places: number
  seats: number
  free_seats: number
  idle_seats: number
  recognised_places: number
  idle_recognised_places: number
  // Places and free seats per kind, and the dual places' recognition data (migration 0020).
  internship_places: ColumnType<number, number | undefined, number>
  dual_places: ColumnType<number, number | undefined, number>
  aanloopfase_places: ColumnType<number, number | undefined, number>
  job_places: ColumnType<number, number | undefined, number>
  internship_free_seats: ColumnType<number, number | undefined, number>
  dual_free_seats: ColumnType<number, number | undefined, number>
  aanloopfase_free_seats: ColumnType<number, number | undefined, number>
  job_free_seats: ColumnType<number, number | undefined, number>
  dual_places_no_recognition_data: ColumnType<number, number | undefined, number>
  dual_places_not_recognised: ColumnType<number, number | undefined, number>
  unmatched_reasons: JsonColumn<{ code: string; count: number }[]>
  shortage_x100: number | null
  placement_pct: number | null
  chance: number | null
  flanders_shortage_x100: number | null
  flanders_placement_pct: number | null
  shortage_vs_flanders_pct: number | null
  placement_vs_flanders_pp: number | null
}

/** A recognised dual place that the run placed nobody at. */
export interface RunFigureIdlePlaceTable {
  run_id: string
  place_id: string
  reason: IdleReason
  company_id: string
  company_name: string
  sector: string
  postcode: string
  municipality: string | null
  regions: JsonColumn<FigureRegionRef[]>
  programmes: number[]
  free_seats: number
  accepted_seats: number
  proposals: number
}

/** A recognition that expires soon or a mentor whose training is due, with the schools relying on the place. */
export interface RunFigureWatchTable {
  run_id: string
  place_id: string
  kind: WatchKind
  programme_id: number
  due_date: DateColumn
  days_left: number
  company_name: string
  sector: string
  postcode: string
  municipality: string | null
  schools: JsonColumn<{ id: string; name: string }[]>
}

export type RunFiguresRow = Selectable<RunFiguresTable>
export type RunFigureRow = Selectable<RunFigureTable>
export type NewRunFigure = Insertable<RunFigureTable>
export type RunFigureIdlePlaceRow = Selectable<RunFigureIdlePlaceTable>
export type RunFigureWatchRow = Selectable<RunFigureWatchTable>
