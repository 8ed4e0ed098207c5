import {
  computeRunFigures,
  type Disclosure,
  exactRows,
  type FigureLevel,
  FLANDERS,
  figuresToCsv,
  loadOwnFigureRows,
  loadRunFigures,
  ownCountsByRow,
  protectRows,
  type RunFigures,
  regionChartSvg,
  type ShownFigureRow,
  withOwnCounts,
} from '@stagebrug/figures'
import { AppError, notFound } from '../errors.js'
import { visibleRuns } from '../scope/visible.js'
import type { DataCtx } from './context.js'

export interface FiguresFilter {
  readonly level?: FigureLevel | undefined
  readonly region?: string | undefined
  /** A programme id, or `all` for the all-programmes rows. */
  readonly programme?: number | 'all' | undefined
}

/** When a region key is given without a level and names regions of several levels (Antwerpen). */
const LEVEL_ORDER: readonly FigureLevel[] = ['flanders', 'region', 'province', 'arrondissement', 'country']

/**
 * The stored figures of a run the caller may see (visibleRuns: a school the finished runs, a
 * company the published ones, an admin all). A finished run without stored figures yet gets them
 * computed and stored now (idempotent, as the night would); a run that did not finish is 409.
 * Figures are aggregates per region × programme; a small cell could still single out a pupil, so
 * every reader but the administrator gets them through `shownRows`. Not audited.
 */
async function figuresOf(ctx: DataCtx, runId: string, f: FiguresFilter): Promise<RunFigures> {
  const run = await visibleRuns(ctx.db, ctx.caller.scope)
    .select(['r.id', 'r.status'])
    .where('r.id', '=', runId)
    .executeTakeFirst()
  if (!run) throw notFound('Run')
  const filter = {
    ...(f.level ? { level: f.level } : {}),
    ...(f.region ? { regionKey: f.region } : {}),
    ...(f.programme === undefined ? {} : { programmeId: f.programme === 'all' ? null : f.programme }),
  }
  const stored = await loadRunFigures(ctx.db, runId, filter)
  if (stored) return stored
  const outcome = await computeRunFigures(ctx.db, runId)
  if (outcome.status === 'not_found') throw notFound('Run')
  if (outcome.status === 'not_closed')
    throw new AppError(
      'CONFLICT',
      `Deze run is niet geslaagd afgesloten (${outcome.runStatus}); er zijn geen cijfers / This run did not finish, so it has no figures`,
    )
  const computed = await loadRunFigures(ctx.db, runId, filter)
  if (!computed) throw notFound('Cijfers / Figures')
  return computed
}

/**
 * The rows as the caller may see them (README "Small cells"): the administrator every count exact;
 * everyone else counts of 1–4 as "< 5", other counts rounded to 5 and the derived values computed
 * from those; a school besides its own pupils' exact counts in `ownSchool` (not drawn in the chart).
 */
async function shownRows(
  ctx: DataCtx,
  figures: RunFigures,
  counts: 'with own counts' | 'without' = 'with own counts',
): Promise<{ disclosure: Disclosure; rows: ShownFigureRow[] }> {
  const scope = ctx.caller.scope
  if (scope.role === 'admin') return { disclosure: 'exact', rows: exactRows(figures.rows) }
  // The benchmark is computed again from Flanders' shown counts: a filter on a region leaves them out.
  const flanders = figures.rows.some((r) => r.level === 'flanders')
    ? figures.rows
    : ((await loadRunFigures(ctx.db, figures.runId, { level: 'flanders' }))?.rows ?? [])
  const rows = protectRows(figures.rows, flanders)
  if (scope.role !== 'school' || counts === 'without') return { disclosure: 'protected', rows }
  const own = await loadOwnFigureRows(ctx.db, { id: figures.runId, today: figures.today }, scope.schoolIds)
  return { disclosure: 'protected', rows: withOwnCounts(rows, ownCountsByRow(own)) }
}

/** The figure rows of a run (filtered), as the JSON body of the API. The idle places and the watch list stay out. */
export async function runFigureRows(ctx: DataCtx, runId: string, f: FiguresFilter) {
  const figures = await figuresOf(ctx, runId, f)
  const { disclosure, rows } = await shownRows(ctx, figures)
  return { runId: figures.runId, today: figures.today, disclosure, rows }
}

/** The same rows as CSV for Belgian Excel (`;`, Dutch headers, decimal commas, BOM). */
export async function runFiguresCsv(ctx: DataCtx, runId: string, f: FiguresFilter): Promise<string> {
  return figuresToCsv((await shownRows(ctx, await figuresOf(ctx, runId, f))).rows)
}

/** The bar chart of one region (default Flanders): seekers vs free seats per programme, as SVG. */
export async function runFiguresChart(
  ctx: DataCtx,
  runId: string,
  f: { readonly region?: string | undefined; readonly level?: FigureLevel | undefined },
): Promise<string> {
  const key = f.region ?? FLANDERS.key
  const figures = await figuresOf(ctx, runId, { region: key, ...(f.level ? { level: f.level } : {}) })
  const level = LEVEL_ORDER.find((l) => figures.rows.some((r) => r.level === l && r.regionKey === key))
  if (!level)
    throw new AppError(
      'NOT_FOUND',
      `Geen cijfers voor regio ${key} in deze run (zie /lookups/regions) / No figures for this region in this run`,
    )
  const { rows } = await shownRows(ctx, figures, 'without')
  return regionChartSvg({ today: figures.today, rows }, { level, key })
}

/**
 * The supply side of a run for the administrator: recognised places that were never proposed or
 * never filled, and the watch list (recognitions and mentor training due within 90 days, with the
 * schools that rely on them). Admin only: it names companies and which schools rely on whom.
 */
export async function runSupply(ctx: DataCtx, runId: string) {
  const figures = await figuresOf(ctx, runId, { level: 'flanders' })
  return {
    runId: figures.runId,
    today: figures.today,
    idle: figures.idle.map((p) => ({ ...p, regions: [...p.regions], programmes: [...p.programmes] })),
    watch: figures.watch.map((w) => ({ ...w, schools: [...w.schools] })),
  }
}
