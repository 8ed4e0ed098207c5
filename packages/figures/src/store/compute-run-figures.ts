import {
  type Database,
  type FigureLevel,
  figureTrend,
  getMatchRun,
  loadFiguresPupils,
  loadFiguresSource,
  loadStoredFigures,
  loadStoredWatch,
  previousFiguresRunId,
  type StoredFiguresFilter,
  storeRunFigures,
} from '@stagebrug/db'
import type { Kysely } from 'kysely'
import { computeFigures } from '../compute/compute-figures.js'
import type { FigureRow, RunFigures, WatchItem } from '../compute/model.js'
import { ALL_PROGRAMMES } from '../compute/recognition.js'
import { regionResolver, sourceToFiguresInput } from './source-to-input.js'
import { figuresToWrite, storedRowToFigureRow, storedToFigures, storedWatchToItem } from './stored.js'

export type RunFiguresOutcome =
  | { readonly status: 'not_found' }
  /** Figures are computed from a closed run only. */
  | { readonly status: 'not_closed'; readonly runStatus: string }
  /** This call computed and stored them. */
  | {
      readonly status: 'stored'
      readonly figures: RunFigures
      readonly timings: { readonly loadMs: number; readonly computeMs: number; readonly storeMs: number }
    }
  /** They were stored before (by an earlier call): returned as stored, nothing written. */
  | { readonly status: 'existing'; readonly figures: RunFigures }

/**
 * Computes the regional figures of a closed run and stores them: load (seven set-based queries),
 * compute (pure), store (one transaction, batched). Idempotent: once stored, a run's figures are
 * frozen, and a second call — a retry, a second worker — writes nothing and returns what is stored.
 */
export async function computeRunFigures(db: Kysely<Database>, runId: string): Promise<RunFiguresOutcome> {
  const run = await getMatchRun(db, runId)
  if (!run) return { status: 'not_found' }
  if (run.status !== 'succeeded') return { status: 'not_closed', runStatus: run.status }
  const before = await loadRunFigures(db, runId)
  if (before) return { status: 'existing', figures: before }

  const t0 = performance.now()
  const source = await loadFiguresSource(db, runId)
  if (!source) return { status: 'not_found' }
  const t1 = performance.now()
  const figures = computeFigures(sourceToFiguresInput(source))
  const t2 = performance.now()
  const written = await storeRunFigures(db, figuresToWrite(figures))
  const t3 = performance.now()
  if (!written) return { status: 'existing', figures: (await loadRunFigures(db, runId)) ?? figures }
  return {
    status: 'stored',
    figures,
    timings: { loadMs: Math.round(t1 - t0), computeMs: Math.round(t2 - t1), storeMs: Math.round(t3 - t2) },
  }
}

/**
 * The stored figures of a run (rows optionally of one level, region or programme — `programmeId`
 * null: the all-programmes rows); undefined when none are stored. The idle places and the watch
 * list always come whole.
 */
export async function loadRunFigures(
  db: Kysely<Database>,
  runId: string,
  filter: {
    readonly level?: FigureLevel
    readonly regionKey?: string
    readonly programmeId?: number | null
  } = {},
): Promise<RunFigures | undefined> {
  const dbFilter: StoredFiguresFilter = {
    ...(filter.level ? { level: filter.level } : {}),
    ...(filter.regionKey ? { regionKey: filter.regionKey } : {}),
    ...(filter.programmeId === undefined ? {} : { programmeId: filter.programmeId ?? ALL_PROGRAMMES }),
  }
  const stored = await loadStoredFigures(db, runId, dbFilter)
  return stored ? storedToFigures(stored) : undefined
}

/** One region × programme over the nights (newest first), for a trend line. */
export async function loadFigureTrend(
  db: Kysely<Database>,
  key: { readonly level: FigureLevel; readonly regionKey: string; readonly programmeId: number | null },
  limit = 60,
): Promise<(FigureRow & { readonly runId: string; readonly today: string })[]> {
  const rows = await figureTrend(
    db,
    { level: key.level, regionKey: key.regionKey, programmeId: key.programmeId ?? ALL_PROGRAMMES },
    limit,
  )
  return rows.map((r) => ({ ...storedRowToFigureRow(r), runId: r.run_id, today: r.today }))
}

/** The watch list stored for the run before this one (by creation), or [] when there is none. */
export async function previousWatchList(db: Kysely<Database>, runId: string): Promise<WatchItem[]> {
  const previous = await previousFiguresRunId(db, runId)
  return previous ? (await loadStoredWatch(db, previous)).map(storedWatchToItem) : []
}

/**
 * The figure rows of a run counted over the pupils of some schools only (a school's own data): the
 * pupil counts per region × programme, exact; the place counts are 0 (no places are loaded).
 * Computed on each call from the run's outcomes, so a pupil withdrawn since no longer counts as accepted.
 */
export async function loadOwnFigureRows(
  db: Kysely<Database>,
  run: { readonly id: string; readonly today: string },
  schoolIds: readonly string[],
): Promise<readonly FigureRow[]> {
  const pupils = await loadFiguresPupils(db, run.id, schoolIds)
  const regionsOf = regionResolver()
  return computeFigures({
    runId: run.id,
    today: run.today,
    outcomes: pupils.outcomes.map((o) => ({ ...o, regions: regionsOf(o.home) })),
    accepted: pupils.accepted.map((a) => ({ ...a, regions: regionsOf(a.home) })),
    places: [],
    proposals: [],
    programmeTitles: new Map(),
    schoolNames: new Map(),
  }).rows
}
