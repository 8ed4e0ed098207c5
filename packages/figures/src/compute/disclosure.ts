import {
  chanceBand,
  placementPct,
  placementVsFlandersPp,
  shortageVsFlandersPct,
  shortageX100,
} from './bands.js'
import type { ChanceBand, FigureLevel, FigureRow } from './model.js'

/** Counts from 1 up to (not including) this are shown as `SMALL` to a reader who may not see exact counts. */
export const SMALL_CELL = 5
/** What a small count (1–4) is shown as, in JSON, CSV and the chart. */
export const SMALL = '< 5'
/** Shown counts from `SMALL_CELL` up are rounded to the nearest multiple of this. */
export const ROUND_TO = 5

/** A count as a reader sees it: the number (exact, or rounded to 5) or `'< 5'`. */
export type ShownCount = number | typeof SMALL

/** Exact: every count as computed (the administrator). Protected: small cells and rounding (everyone else). */
export type Disclosure = 'exact' | 'protected'

/** The count fields of a figure row; under `protected` each is shown with `showCount`. */
export const COUNT_FIELDS = [
  'seekers',
  'proposed',
  'unmatched',
  'accepted',
  'places',
  'seats',
  'freeSeats',
  'idleSeats',
  'recognisedPlaces',
  'idleRecognisedPlaces',
  'internshipPlaces',
  'dualPlaces',
  'aanloopfasePlaces',
  'jobPlaces',
  'internshipFreeSeats',
  'dualFreeSeats',
  'aanloopfaseFreeSeats',
  'jobFreeSeats',
  'dualPlacesNoRecognitionData',
  'dualPlacesNotRecognised',
] as const
export type CountField = (typeof COUNT_FIELDS)[number]

/** The fields derived from the counts; withheld (null) when a count they need is `'< 5'`. */
export const DERIVED_FIELDS = [
  'shortageX100',
  'placementPct',
  'chance',
  'flandersShortageX100',
  'flandersPlacementPct',
  'shortageVsFlandersPct',
  'placementVsFlandersPp',
] as const
export type DerivedField = (typeof DERIVED_FIELDS)[number]

/** The reason code under which small reason counts are shown together. */
export const OTHER_REASONS = 'other'

/** A school's own pupils in one region × programme, exact (see `ownCountsByRow`). */
export interface OwnCounts {
  readonly seekers: number
  readonly proposed: number
  readonly unmatched: number
  readonly accepted: number
  readonly unmatchedReasons: readonly { readonly code: string; readonly count: number }[]
}

/** A figure row as a reader sees it: counts exact or protected, and which derived fields were withheld. */
export type ShownFigureRow = Omit<FigureRow, CountField | 'unmatchedReasons'> & {
  readonly [K in CountField]: ShownCount
} & {
  readonly unmatchedReasons: readonly { readonly code: string; readonly count: ShownCount }[]
  /** The derived fields withheld (null) because a count they are computed from is `'< 5'`. */
  readonly suppressed: readonly DerivedField[]
  /** Only for a school: its own pupils in this cell, exact. */
  readonly ownSchool?: OwnCounts
}

/**
 * A count as a reader without the right to exact counts sees it, as statistical offices publish:
 * 0 stays 0, 1–4 is `'< 5'`, from 5 on rounded to the nearest multiple of 5 (12 → 10, 13 → 15).
 * Rounding the visible counts too is what keeps a small cell from being recovered by subtracting
 * the other cells from a total.
 */
export function showCount(n: number): ShownCount {
  if (n === 0) return 0
  if (n < SMALL_CELL) return SMALL
  return Math.round(n / ROUND_TO) * ROUND_TO
}

/** The rows with every count exact and nothing withheld: what the administrator sees. */
export function exactRows(rows: readonly FigureRow[]): ShownFigureRow[] {
  return rows.map((r) => ({
    ...r,
    unmatchedReasons: r.unmatchedReasons.map((x) => ({ ...x })),
    suppressed: [],
  }))
}

type Counts = { readonly [K in CountField]: ShownCount }

/**
 * The rows as a company (or any reader but the administrator) may see them: every count shown
 * with `showCount`, reason counts below 5 merged into one `other` entry, and every derived value
 * (shortage index, placement rate, chance, the benchmark against Flanders) computed again from the
 * shown counts — null, and named in `suppressed`, when one it needs is `'< 5'`. So the output is
 * a function of the shown counts alone: no exact count can be recovered from a rate or a total.
 * `flanders` holds the Flanders rows (one per programme, null for all programmes) for the benchmark.
 */
export function protectRows(rows: readonly FigureRow[], flanders: readonly FigureRow[]): ShownFigureRow[] {
  const shownFlanders = new Map(
    flanders.filter((r) => r.level === 'flanders').map((r) => [r.programmeId, countsOf(r)]),
  )
  return rows.map((r) => {
    const c = countsOf(r)
    const f = shownFlanders.get(r.programmeId)
    const suppressed: DerivedField[] = []
    const derive = <T>(field: DerivedField, values: readonly (ShownCount | undefined)[], fn: () => T) => {
      if (values.some((v) => v === undefined)) return null
      if (values.some((v) => v === SMALL)) {
        suppressed.push(field)
        return null
      }
      return fn()
    }
    const n = (v: ShownCount | undefined) => v as number
    return {
      level: r.level,
      regionKey: r.regionKey,
      regionLabel: r.regionLabel,
      programmeId: r.programmeId,
      programmeTitle: r.programmeTitle,
      ...c,
      unmatchedReasons: protectReasons(r.unmatchedReasons),
      shortageX100: derive('shortageX100', [c.seekers, c.freeSeats], () =>
        shortageX100(n(c.seekers), n(c.freeSeats)),
      ),
      placementPct: derive('placementPct', [c.proposed, c.seekers], () =>
        placementPct(n(c.proposed), n(c.seekers)),
      ),
      chance: derive('chance', [c.seekers, c.proposed, c.freeSeats], (): ChanceBand | null =>
        chanceBand(n(c.seekers), n(c.proposed), n(c.freeSeats)),
      ),
      flandersShortageX100: derive('flandersShortageX100', [f?.seekers, f?.freeSeats], () =>
        shortageX100(n(f?.seekers), n(f?.freeSeats)),
      ),
      flandersPlacementPct: derive('flandersPlacementPct', [f?.proposed, f?.seekers], () =>
        placementPct(n(f?.proposed), n(f?.seekers)),
      ),
      shortageVsFlandersPct: derive(
        'shortageVsFlandersPct',
        [c.seekers, c.freeSeats, f?.seekers, f?.freeSeats],
        () =>
          shortageVsFlandersPct(
            { seekers: n(c.seekers), freeSeats: n(c.freeSeats) },
            { seekers: n(f?.seekers), freeSeats: n(f?.freeSeats) },
          ),
      ),
      placementVsFlandersPp: derive(
        'placementVsFlandersPp',
        [c.seekers, c.proposed, f?.seekers, f?.proposed],
        () =>
          placementVsFlandersPp(
            { seekers: n(c.seekers), proposed: n(c.proposed) },
            { seekers: n(f?.seekers), proposed: n(f?.proposed) },
          ),
      ),
      suppressed,
    }
  })
}

function countsOf(r: FigureRow): Counts {
  return Object.fromEntries(COUNT_FIELDS.map((k) => [k, showCount(r[k])])) as unknown as Counts
}

/** Reasons of 5 or more shown (rounded); those below 5 together as one `other` entry, last. */
function protectReasons(
  reasons: FigureRow['unmatchedReasons'],
): { readonly code: string; readonly count: ShownCount }[] {
  const big = reasons
    .filter((x) => x.count >= SMALL_CELL)
    .map((x) => ({ code: x.code, count: showCount(x.count) }))
  const small = reasons.reduce((sum, x) => (x.count < SMALL_CELL ? sum + x.count : sum), 0)
  return small === 0 ? big : [...big, { code: OTHER_REASONS, count: showCount(small) }]
}

/** The key of a region × programme row, for matching rows of two computations. */
export function rowKey(r: {
  readonly level: FigureLevel
  readonly regionKey: string
  readonly programmeId: number | null
}): string {
  return `${r.level}\u0000${r.regionKey}\u0000${r.programmeId ?? ''}`
}

/**
 * A school's own pupils per region × programme (exact), from rows computed over its pupils only
 * (`computeFigures` with the school's outcomes and acceptances and no places).
 */
export function ownCountsByRow(ownRows: readonly FigureRow[]): Map<string, OwnCounts> {
  return new Map(
    ownRows.map((r) => [
      rowKey(r),
      {
        seekers: r.seekers,
        proposed: r.proposed,
        unmatched: r.unmatched,
        accepted: r.accepted,
        unmatchedReasons: r.unmatchedReasons.map((x) => ({ code: x.code, count: x.count })),
      },
    ]),
  )
}

const NO_PUPILS: OwnCounts = { seekers: 0, proposed: 0, unmatched: 0, accepted: 0, unmatchedReasons: [] }

/** The rows with the school's own exact counts added as `ownSchool` (zeros where it has no pupils). */
export function withOwnCounts(
  rows: readonly ShownFigureRow[],
  own: ReadonlyMap<string, OwnCounts>,
): ShownFigureRow[] {
  return rows.map((r) => ({ ...r, ownSchool: own.get(rowKey(r)) ?? NO_PUPILS }))
}
