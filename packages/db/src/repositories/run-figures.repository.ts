import type { Insertable, Kysely, Selectable, Transaction } from 'kysely'
import type { Database } from '../schema/database.js'
import type {
  FigureLevel,
  RunFigureIdlePlaceTable,
  RunFiguresRow,
  RunFigureTable,
  RunFigureWatchTable,
} from '../schema/run-figure.table.js'
import { chunks } from './batch.js'

type Db = Kysely<Database> | Transaction<Database>

/** The rows of one run's figures, as `storeRunFigures` takes them (`run_id` is added). */
export interface RunFiguresWrite {
  readonly runId: string
  readonly today: string
  readonly rows: readonly Omit<Insertable<RunFigureTable>, 'run_id'>[]
  readonly idle: readonly Omit<Insertable<RunFigureIdlePlaceTable>, 'run_id'>[]
  readonly watch: readonly Omit<Insertable<RunFigureWatchTable>, 'run_id'>[]
}

/** A stored figure row with its programme's title (null for programme 0, all programmes). */
export type StoredFigureRow = Selectable<RunFigureTable> & { readonly programme_title: string | null }

export interface StoredRunFigures {
  readonly header: RunFiguresRow
  readonly rows: readonly StoredFigureRow[]
  readonly idle: readonly Selectable<RunFigureIdlePlaceTable>[]
  readonly watch: readonly StoredWatchRow[]
}

/** A stored watch item with its programme's title (null for a mentor, programme 0). */
export type StoredWatchRow = Selectable<RunFigureWatchTable> & { readonly programme_title: string | null }

/**
 * Stores a run's figures in one transaction, in batched multi-row inserts, exactly once: the
 * `run_figures` row is inserted first, so a second call (a retry, a second worker) writes nothing
 * and returns false.
 */
export async function storeRunFigures(db: Kysely<Database>, write: RunFiguresWrite): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('run_figures')
      .values({
        run_id: write.runId,
        today: write.today,
        rows: write.rows.length,
        idle_places: write.idle.length,
        watch_items: write.watch.length,
      })
      .onConflict((oc) => oc.column('run_id').doNothing())
      .returning('run_id')
      .executeTakeFirst()
    if (!claimed) return false
    const runId = write.runId
    for (const batch of chunks(write.rows, 500)) {
      await trx
        .insertInto('run_figure')
        .values(batch.map((r) => ({ ...r, run_id: runId })))
        .execute()
    }
    for (const batch of chunks(write.idle, 500)) {
      await trx
        .insertInto('run_figure_idle_place')
        .values(batch.map((r) => ({ ...r, run_id: runId })))
        .execute()
    }
    for (const batch of chunks(write.watch, 500)) {
      await trx
        .insertInto('run_figure_watch')
        .values(batch.map((r) => ({ ...r, run_id: runId })))
        .execute()
    }
    return true
  })
}

export interface StoredFiguresFilter {
  readonly level?: FigureLevel
  readonly regionKey?: string
  readonly programmeId?: number
}

/** The stored figures of a run (optionally of one level, region or programme); undefined when none are stored. */
export async function loadStoredFigures(
  db: Db,
  runId: string,
  filter: StoredFiguresFilter = {},
): Promise<StoredRunFigures | undefined> {
  const header = await db.selectFrom('run_figures').selectAll().where('run_id', '=', runId).executeTakeFirst()
  if (!header) return undefined
  let q = db
    .selectFrom('run_figure as f')
    .leftJoin('programme as g', 'g.id', 'f.programme_id')
    .selectAll('f')
    .select('g.title as programme_title')
    .where('f.run_id', '=', runId)
  if (filter.level) q = q.where('f.level', '=', filter.level)
  if (filter.regionKey) q = q.where('f.region_key', '=', filter.regionKey)
  if (filter.programmeId !== undefined) q = q.where('f.programme_id', '=', filter.programmeId)
  const rows = await q.orderBy('f.level').orderBy('f.region_key').orderBy('f.programme_id').execute()
  const idle = await db
    .selectFrom('run_figure_idle_place')
    .selectAll()
    .where('run_id', '=', runId)
    .orderBy('postcode')
    .orderBy('place_id')
    .execute()
  const watch = await loadStoredWatch(db, runId)
  return { header, rows, idle, watch }
}

/** The stored watch list of a run, by due date. */
export function loadStoredWatch(db: Db, runId: string): Promise<StoredWatchRow[]> {
  return db
    .selectFrom('run_figure_watch as w')
    .leftJoin('programme as g', 'g.id', 'w.programme_id')
    .selectAll('w')
    .select('g.title as programme_title')
    .where('w.run_id', '=', runId)
    .orderBy('w.due_date')
    .orderBy('w.place_id')
    .orderBy('w.kind')
    .orderBy('w.programme_id')
    .execute()
}

/** The latest run before this one (by creation) whose figures are stored, or undefined. */
export async function previousFiguresRunId(db: Db, runId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('run_figures as h')
    .innerJoin('match_run as r', 'r.id', 'h.run_id')
    .select('h.run_id')
    .where('r.created_at', '<', (eb) =>
      eb.selectFrom('match_run').select('created_at').where('id', '=', runId),
    )
    .orderBy('r.created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row?.run_id
}

/** One region × programme over the nights, newest first: the trend. */
export function figureTrend(
  db: Db,
  key: { readonly level: FigureLevel; readonly regionKey: string; readonly programmeId: number },
  limit = 60,
): Promise<(StoredFigureRow & { readonly today: string })[]> {
  return db
    .selectFrom('run_figure as f')
    .innerJoin('run_figures as h', 'h.run_id', 'f.run_id')
    .leftJoin('programme as g', 'g.id', 'f.programme_id')
    .selectAll('f')
    .select(['h.today', 'g.title as programme_title'])
    .where('f.level', '=', key.level)
    .where('f.region_key', '=', key.regionKey)
    .where('f.programme_id', '=', key.programmeId)
    .orderBy('h.today', 'desc')
    .orderBy('h.computed_at', 'desc')
    .limit(limit)
    .execute()
}

/** The most recent succeeded run (by its close), or undefined. */
export async function latestSucceededRunId(db: Db): Promise<string | undefined> {
  const row = await db
    .selectFrom('match_run')
    .select('id')
    .where('status', '=', 'succeeded')
    .orderBy('finished_at', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row?.id
}

/** The coordinators of some schools (the watch-list mails go to them). */
export function coordinatorsOfSchools(
  db: Db,
  schoolIds: readonly string[],
): Promise<{ id: string; school_id: string; name: string; email: string }[]> {
  if (schoolIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('coordinator')
    .select(['id', 'school_id', 'name', 'email'])
    .where('school_id', 'in', [...schoolIds])
    .orderBy('email')
    .orderBy('id')
    .execute()
}
