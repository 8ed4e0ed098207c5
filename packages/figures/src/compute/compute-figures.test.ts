import { describe, expect, it } from 'vitest'
import { chanceBand, placementVsFlandersPp, roundDiv, shortageVsFlandersPct, shortageX100 } from './bands.js'
import { computeFigures } from './compute-figures.js'
import type { FigureRow } from './model.js'
import { SCENARIO } from './scenario.test-support.js'
import { watchNews } from './watch-list.js'

// One line per row: region, programme | seekers proposed unmatched accepted | places seats free idle |
// recognised idle-recognised | shortage×100 placement% chance | vs Flanders: shortage% placement pp | reasons
function line(r: FigureRow): string {
  const programme = r.programmeTitle ?? 'alle'
  const reasons = r.unmatchedReasons.map((x) => `${x.code}:${x.count}`).join(',')
  return [
    `${r.level} ${r.regionLabel} ${programme}`,
    `${r.seekers} ${r.proposed} ${r.unmatched} ${r.accepted}`,
    `${r.places} ${r.seats} ${r.freeSeats} ${r.idleSeats}`,
    `${r.recognisedPlaces} ${r.idleRecognisedPlaces}`,
    `${r.shortageX100} ${r.placementPct} ${r.chance}`,
    `${r.shortageVsFlandersPct} ${r.placementVsFlandersPp}`,
    reasons,
  ].join(' | ')
}

describe('computeFigures on a hand-built run', () => {
  const figures = computeFigures(SCENARIO)

  it('counts every region × programme as worked out by hand', () => {
    expect(figures.rows.map(line)).toEqual([
      'flanders Vlaanderen alle | 8 4 4 2 | 6 14 11 7 | 5 3 | 73 50 3 | 100 0 | outranked:2,no_place_in_range:1,no_places_for_programme:1',
      'flanders Vlaanderen Elektrotechnieken | 4 3 1 1 | 3 8 7 4 | 2 1 | 57 75 4 | 100 0 | outranked:1',
      'flanders Vlaanderen Verzorging | 4 1 3 1 | 4 8 6 4 | 4 2 | 67 25 2 | 100 0 | no_place_in_range:1,no_places_for_programme:1,outranked:1',
      'province Antwerpen alle | 4 2 2 1 | 3 7 6 4 | 2 2 | 67 50 3 | 92 0 | outranked:2',
      'province Antwerpen Elektrotechnieken | 3 2 1 1 | 2 6 5 3 | 1 1 | 60 67 3 | 105 -8 | outranked:1',
      'province Antwerpen Verzorging | 1 0 1 0 | 1 1 1 1 | 1 1 | 100 0 1 | 150 -25 | outranked:1',
      'province Limburg alle | 4 2 2 1 | 3 7 5 3 | 3 1 | 80 50 3 | 110 0 | no_place_in_range:1,no_places_for_programme:1',
      'province Limburg Elektrotechnieken | 1 1 0 0 | 1 2 2 1 | 1 0 | 50 100 5 | 88 25 | ',
      'province Limburg Verzorging | 3 1 2 1 | 3 7 5 3 | 3 1 | 60 33 2 | 90 8 | no_place_in_range:1,no_places_for_programme:1',
      'arrondissement Hasselt alle | 4 2 2 1 | 3 7 5 3 | 3 1 | 80 50 3 | 110 0 | no_place_in_range:1,no_places_for_programme:1',
      'arrondissement Hasselt Elektrotechnieken | 1 1 0 0 | 1 2 2 1 | 1 0 | 50 100 5 | 88 25 | ',
      'arrondissement Hasselt Verzorging | 3 1 2 1 | 3 7 5 3 | 3 1 | 60 33 2 | 90 8 | no_place_in_range:1,no_places_for_programme:1',
      'arrondissement Turnhout alle | 4 2 2 1 | 3 7 6 4 | 2 2 | 67 50 3 | 92 0 | outranked:2',
      'arrondissement Turnhout Elektrotechnieken | 3 2 1 1 | 2 6 5 3 | 1 1 | 60 67 3 | 105 -8 | outranked:1',
      'arrondissement Turnhout Verzorging | 1 0 1 0 | 1 1 1 1 | 1 1 | 100 0 1 | 150 -25 | outranked:1',
      'region Limburgse Kempen alle | 4 2 2 1 | 3 7 5 3 | 3 1 | 80 50 3 | 110 0 | no_place_in_range:1,no_places_for_programme:1',
      'region Limburgse Kempen Elektrotechnieken | 1 1 0 0 | 1 2 2 1 | 1 0 | 50 100 5 | 88 25 | ',
      'region Limburgse Kempen Verzorging | 3 1 2 1 | 3 7 5 3 | 3 1 | 60 33 2 | 90 8 | no_place_in_range:1,no_places_for_programme:1',
      'region Regio Kempen alle | 6 3 3 1 | 4 9 8 5 | 3 2 | 75 50 3 | 103 0 | outranked:2,no_place_in_range:1',
      'region Regio Kempen Elektrotechnieken | 4 3 1 1 | 3 8 7 4 | 2 1 | 57 75 4 | 100 0 | outranked:1',
      'region Regio Kempen Verzorging | 2 0 2 0 | 2 3 3 2 | 2 1 | 67 0 1 | 100 -25 | no_place_in_range:1,outranked:1',
    ])
  })

  it('carries the Flanders values of the same programme on every row', () => {
    const kempenV = figures.rows.find((r) => r.regionKey === 'reg-kempen' && r.programmeId === 202)!
    expect(kempenV).toMatchObject({
      flandersShortageX100: 67,
      flandersPlacementPct: 25,
      programmeTitle: 'Verzorging',
    })
  })

  it('lists the recognised places where the run placed nobody', () => {
    expect(figures.idle.map((p) => [p.placeId, p.reason, p.freeSeats, p.acceptedSeats, p.proposals])).toEqual(
      [
        ['p5', 'not_proposed', 2, 0, 0],
        ['p6', 'not_proposed', 1, 0, 0],
        ['p4', 'not_filled', 2, 1, 1],
      ],
    )
  })

  it('watches recognitions ending within 90 days and mentors whose training is due, with the schools relying on them', () => {
    expect(
      figures.watch.map((w) => [
        w.placeId,
        w.kind,
        w.programmeTitle,
        w.dueDate,
        w.daysLeft,
        w.schools.map((s) => s.name),
      ]),
    ).toEqual([
      ['p4', 'mentor_training_overdue', null, '2026-11-01', -22, ['GO! Hasselt']],
      ['p3', 'recognition_expiring', 'Verzorging', '2026-12-31', 38, ['GO! Hasselt']],
      ['p5', 'mentor_training_due', null, '2027-01-31', 69, []],
      ['p2', 'recognition_expiring', 'Verzorging', '2027-02-21', 90, ['GO! Campus Beringen']],
    ])
  })

  it('is deterministic and does not depend on the order of its input', () => {
    const shuffled = {
      ...SCENARIO,
      outcomes: [...SCENARIO.outcomes].reverse(),
      places: [...SCENARIO.places].reverse(),
      accepted: [...SCENARIO.accepted].reverse(),
      proposals: [...SCENARIO.proposals].reverse(),
    }
    expect(computeFigures(shuffled)).toEqual(figures)
  })

  it('gives an empty run one Flanders row per nothing: no rows, no idle places, no watch items', () => {
    expect(computeFigures({ ...SCENARIO, outcomes: [], accepted: [], places: [], proposals: [] })).toEqual({
      runId: 'run-1',
      today: '2026-11-23',
      rows: [],
      idle: [],
      watch: [],
    })
  })
})

describe('the edge cases of the indices', () => {
  it('shortage index: 0 without seekers, null without free seats', () => {
    expect([
      shortageX100(0, 5),
      shortageX100(3, 0),
      shortageX100(0, 0),
      shortageX100(3, 2),
      shortageX100(1, 3),
    ]).toEqual([0, null, null, 150, 33])
  })

  it('chance: null with neither seekers nor free seats, 5 with free seats and no seekers, 1 with seekers and no seats', () => {
    expect([
      chanceBand(0, 0, 0),
      chanceBand(0, 0, 4),
      chanceBand(5, 5, 0),
      chanceBand(10, 9, 20),
      chanceBand(10, 8, 20),
    ]).toEqual([null, 5, 1, 5, 4])
  })

  it('band borders are exact: 90 % and s = 0.5 give a 5, just below does not', () => {
    expect(chanceBand(100, 90, 200)).toBe(5)
    expect(chanceBand(100, 89, 200)).toBe(4)
    expect(chanceBand(100, 100, 199)).toBe(4)
    expect(chanceBand(4, 1, 4)).toBe(2) // 25 % placed, one seat per seeker
    expect(chanceBand(4, 0, 4)).toBe(1)
  })

  it('benchmarks: null when Flanders or the region has nothing to compare', () => {
    expect(shortageVsFlandersPct({ seekers: 2, freeSeats: 0 }, { seekers: 4, freeSeats: 4 })).toBeNull()
    expect(shortageVsFlandersPct({ seekers: 2, freeSeats: 2 }, { seekers: 0, freeSeats: 4 })).toBeNull()
    expect(placementVsFlandersPp({ seekers: 0, proposed: 0 }, { seekers: 4, proposed: 2 })).toBeNull()
  })

  it('rounds half away from zero', () => {
    expect([roundDiv(1, 2), roundDiv(-1, 2), roundDiv(2, 3), roundDiv(-2, 3), roundDiv(0, 7)]).toEqual([
      1, -1, 1, -1, 0,
    ])
  })
})

describe('watchNews', () => {
  const { watch } = computeFigures(SCENARIO)
  const later = (days: number) =>
    computeFigures({ ...SCENARIO, today: new Date(Date.UTC(2026, 10, 23 + days)).toISOString().slice(0, 10) })
      .watch

  it('reports an item when it enters the list, not again the next night, and again when it moves closer', () => {
    expect(watchNews(watch, []).map((w) => `${w.placeId} ${w.kind} ${w.schools.length}`)).toEqual([
      'p4 mentor_training_overdue 1',
      'p3 recognition_expiring 1',
      'p2 recognition_expiring 1',
    ])
    // The next night p1's recognition (day 91 → 90) enters the list; the night after, nothing is new.
    expect(watchNews(later(1), watch).map((w) => `${w.placeId} ${w.daysLeft}`)).toEqual(['p1 90'])
    expect(watchNews(later(2), later(1))).toEqual([])
    // Day 8: p3's recognition (38 → 30 days) enters the 30-day stage; p2's (90 → 82) does not.
    expect(watchNews(later(8), later(7)).map((w) => `${w.placeId} ${w.daysLeft}`)).toEqual(['p3 30'])
  })

  it('reports a school that starts relying on a place already on the list', () => {
    const previous = watch.map((w) => ({ ...w, schools: [] }))
    expect(watchNews(watch, previous)).toHaveLength(3)
  })
})
