// Small cells (issue 13): what a reader without the right to exact counts sees of the figures.
// Counts of 1–4 are "< 5", every other count is rounded to 5, and every derived value is computed
// from the shown counts only — so two runs whose counts differ only inside a small cell look the
// same, and no rate or total gives the small cell away.
import { describe, expect, it } from 'vitest'
import { computeFigures } from '../src/compute/compute-figures.js'
import { E, SCENARIO } from '../src/compute/scenario.test-support.js'
import {
  COUNT_FIELDS,
  exactRows,
  type FigureRow,
  figuresToCsv,
  ownCountsByRow,
  protectRows,
  regionChartSvg,
  type ShownFigureRow,
  showCount,
  withOwnCounts,
} from '../src/index.js'

/** A figure row with consistent counts (`proposed + unmatched = seekers`) and its exact derived values. */
function row(over: Partial<FigureRow> & Pick<FigureRow, 'seekers' | 'proposed' | 'freeSeats'>): FigureRow {
  return {
    level: 'province',
    regionKey: 'antwerpen',
    regionLabel: 'Antwerpen',
    programmeId: E,
    programmeTitle: 'Elektrotechnieken',
    unmatched: over.seekers - over.proposed,
    accepted: 0,
    places: 10,
    seats: 20,
    idleSeats: 0,
    recognisedPlaces: 0,
    idleRecognisedPlaces: 0,
    internshipPlaces: 10,
    dualPlaces: 0,
    aanloopfasePlaces: 0,
    jobPlaces: 0,
    internshipFreeSeats: over.freeSeats,
    dualFreeSeats: 0,
    aanloopfaseFreeSeats: 0,
    jobFreeSeats: 0,
    dualPlacesNoRecognitionData: 0,
    dualPlacesNotRecognised: 0,
    unmatchedReasons: [],
    shortageX100: over.freeSeats === 0 ? null : Math.round((100 * over.seekers) / over.freeSeats),
    placementPct: over.seekers === 0 ? null : Math.round((100 * over.proposed) / over.seekers),
    chance: 3,
    flandersShortageX100: null,
    flandersPlacementPct: null,
    shortageVsFlandersPct: null,
    placementVsFlandersPp: null,
    ...over,
  }
}
const flandersOf = (r: FigureRow): FigureRow => ({ ...r, level: 'flanders', regionKey: 'vlaanderen' })

describe('showCount', () => {
  it('keeps 0, shows 1–4 as "< 5" and rounds from 5 on to the nearest multiple of 5', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 97, 1002].map(showCount)).toEqual([
      0,
      '< 5',
      '< 5',
      '< 5',
      '< 5',
      5,
      5,
      5,
      10,
      10,
      15,
      95,
      1000,
    ])
  })
})

describe('protectRows', () => {
  const flanders = flandersOf(row({ seekers: 40, proposed: 30, freeSeats: 50 }))

  it('shows a small cell and everything derived from it as "< 5" / withheld', () => {
    const small = row({
      seekers: 3,
      proposed: 2,
      freeSeats: 12,
      unmatchedReasons: [{ code: 'no_place_in_range', count: 1 }],
    })
    const [shown] = protectRows([small], [flanders])
    expect(shown).toMatchObject({
      seekers: '< 5',
      proposed: '< 5',
      unmatched: '< 5',
      freeSeats: 10,
      unmatchedReasons: [{ code: 'other', count: '< 5' }],
      shortageX100: null,
      placementPct: null,
      chance: null,
      shortageVsFlandersPct: null,
      placementVsFlandersPp: null,
      // Flanders itself is large: its benchmark values stay, from its shown counts.
      flandersShortageX100: 80,
      flandersPlacementPct: 75,
    })
    expect(shown!.suppressed).toEqual([
      'shortageX100',
      'placementPct',
      'chance',
      'shortageVsFlandersPct',
      'placementVsFlandersPp',
    ])
    expect(JSON.stringify(shown)).not.toMatch(/:(1|2|3|67|25)\b/)
  })

  it('computes the derived values of a large cell from the rounded counts, not the exact ones', () => {
    const [shown] = protectRows([row({ seekers: 12, proposed: 9, freeSeats: 8 })], [flanders])
    // Shown: 10 seekers, 10 proposed, 10 free seats (exactly 75 % and 1,50 would betray 12 and 9).
    expect(shown).toMatchObject({ seekers: 10, proposed: 10, unmatched: '< 5', freeSeats: 10 })
    expect([shown!.placementPct, shown!.shortageX100, shown!.chance]).toEqual([100, 100, 3])
    expect(shown!.suppressed).toEqual([])
  })

  it('gives two runs that differ only inside a small cell the same output (nothing to subtract)', () => {
    // 11 = 9 + 2 and 12 = 9 + 3: the unmatched pupils differ, the rounded totals do not.
    const a = protectRows([row({ seekers: 11, proposed: 9, freeSeats: 8 })], [flanders])
    const b = protectRows([row({ seekers: 12, proposed: 9, freeSeats: 8 })], [flanders])
    expect(a).toEqual(b)
    // Likewise a Flanders total one pupil apart.
    const f1 = flandersOf(row({ seekers: 41, proposed: 30, freeSeats: 50 }))
    expect(protectRows([row({ seekers: 3, proposed: 2, freeSeats: 12 }), f1], [f1])).toEqual(
      protectRows([row({ seekers: 3, proposed: 2, freeSeats: 12 }), flanders], [flanders]),
    )
  })

  it('shows every count of a real run as 0, "< 5" or a multiple of 5', () => {
    const figures = computeFigures(SCENARIO)
    const shown = protectRows(
      figures.rows,
      figures.rows.filter((r) => r.level === 'flanders'),
    )
    const values = shown.flatMap((r) => [
      ...COUNT_FIELDS.map((k) => r[k]),
      ...r.unmatchedReasons.map((x) => x.count),
    ])
    expect(values.length).toBeGreaterThan(200)
    for (const v of values) expect(v === '< 5' || (typeof v === 'number' && v % 5 === 0)).toBe(true)
    // The hand-built run is small: every pupil count is "< 5" somewhere.
    expect(values).toContain('< 5')
  })

  it('merges reasons below 5 into one "other" entry and keeps the large ones', () => {
    const [shown] = protectRows(
      [
        row({
          seekers: 30,
          proposed: 10,
          freeSeats: 5,
          unmatchedReasons: [
            { code: 'outranked', count: 13 },
            { code: 'no_place_in_range', count: 4 },
            { code: 'needs_inclusive_workplace', count: 3 },
          ],
        }),
      ],
      [flanders],
    )
    expect(shown!.unmatchedReasons).toEqual([
      { code: 'outranked', count: 15 },
      { code: 'other', count: 5 },
    ])
  })
})

describe('exact rows and a school’s own counts', () => {
  const figures = computeFigures(SCENARIO)

  it('leaves every count exact for the administrator', () => {
    const exact = exactRows(figures.rows)
    expect(exact.map(({ suppressed: _, ...r }) => r)).toEqual(figures.rows)
    expect(exact.every((r) => r.suppressed.length === 0)).toBe(true)
  })

  it("adds a school's own pupils per cell, exactly, and zeros where it has none", () => {
    const own = computeFigures({
      ...SCENARIO,
      outcomes: SCENARIO.outcomes.filter((o) => o.schoolId === 'school-a'),
      accepted: SCENARIO.accepted.filter((a) => a.schoolId === 'school-a'),
      places: [],
      proposals: [],
    }).rows
    const rows = withOwnCounts(protectRows(figures.rows, figures.rows), ownCountsByRow(own))
    const mine = SCENARIO.outcomes.filter((o) => o.schoolId === 'school-a').length
    const flandersAll = rows.find((r) => r.level === 'flanders' && r.programmeId === null)!
    expect(flandersAll.ownSchool?.seekers).toBe(mine)
    expect(mine).toBeGreaterThan(0)
    expect(rows.every((r) => r.ownSchool !== undefined)).toBe(true)
  })
})

describe('output of protected rows', () => {
  const figures = computeFigures(SCENARIO)
  const shown: ShownFigureRow[] = protectRows(
    figures.rows,
    figures.rows.filter((r) => r.level === 'flanders'),
  )

  it('writes "< 5" in the CSV for small counts and withheld values', () => {
    const lines = figuresToCsv(
      shown.filter((r) => r.level === 'province' && r.regionKey === 'Antwerpen'),
      { bom: false },
    ).split('\r\n')
    expect(lines[1]).toMatchInlineSnapshot(
      `"provincie;Antwerpen;Antwerpen;alle studierichtingen;;< 5;< 5;< 5;< 5;< 5;5;5;< 5;< 5;< 5;< 5;< 5;0;0;< 5;< 5;0;0;0;0;< 5;< 5;< 5;< 5;1,00;< 5;< 5;< 5;andere redenen (kleine aantallen): < 5"`,
    )
  })

  it('labels small counts "< 5" in the chart and draws no bar for them', async () => {
    const svg = await regionChartSvg(
      { today: figures.today, rows: shown },
      { level: 'region', key: 'reg-kempen' },
    )
    expect(svg).toContain('&lt; 5')
    expect(svg).not.toMatch(/aria-label="aantal: [1-4];/)
    const exact = await regionChartSvg(figures, { level: 'region', key: 'reg-kempen' })
    expect(exact).toMatch(/aria-label="aantal: [1-4];/)
  })
})
