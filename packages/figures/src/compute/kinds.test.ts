// Issue 14: the figures keep place kinds apart, tell "no recognition entered" (a data gap) from
// "no valid recognition" (a real shortage), and count a place abroad under its country only.
import type { ProgrammeId } from '@stagebrug/matching-core'
import { describe, expect, it } from 'vitest'
import { computeFigures } from './compute-figures.js'
import type { FigureRow, FiguresInput, PlaceFact, RegionRef } from './model.js'

const antwerpen: RegionRef = { level: 'province', key: 'antwerpen', label: 'Antwerpen' }
const frankrijk: RegionRef = { level: 'country', key: 'fr', label: 'Frankrijk' }
const LOG = 501 as ProgrammeId // Logistiek duaal
const OTHER = 777 as ProgrammeId
const TODAY = '2026-11-23'
const valid = { programme: LOG, validFrom: '2024-01-01', validTo: '2028-12-31' }

const place = (id: string, over: Partial<PlaceFact> & Pick<PlaceFact, 'kind'>): PlaceFact => ({
  id,
  companyId: `c-${id}`,
  companyName: `Bedrijf ${id}`,
  sector: 'logistiek',
  postcode: '2000',
  municipality: 'Antwerpen',
  regions: [antwerpen],
  abroad: false,
  programmes: [LOG],
  capacity: 2,
  acceptedSeats: 0,
  recognitions: [],
  mentors: [],
  ...over,
})

const input = (places: readonly PlaceFact[]): FiguresInput => ({
  runId: 'run-kinds',
  today: TODAY,
  outcomes: [
    {
      studentId: 's1',
      schoolId: 'sc',
      programmeId: LOG,
      regions: [antwerpen],
      status: 'unmatched',
      placeId: null,
      unmatchedCode: 'no_eligible_place',
    },
  ],
  accepted: [],
  places,
  proposals: [],
  programmeTitles: new Map([[LOG, 'Logistiek duaal']]),
  schoolNames: new Map([['sc', 'School']]),
})

const pick = (rows: readonly FigureRow[], level: string, key: string, programmeId: number | null) =>
  rows.find((r) => r.level === level && r.regionKey === key && r.programmeId === programmeId)!

const kindCounts = (r: FigureRow) => ({
  places: r.places,
  internshipPlaces: r.internshipPlaces,
  dualPlaces: r.dualPlaces,
  aanloopfasePlaces: r.aanloopfasePlaces,
  jobPlaces: r.jobPlaces,
  freeSeats: r.freeSeats,
  internshipFreeSeats: r.internshipFreeSeats,
  dualFreeSeats: r.dualFreeSeats,
  aanloopfaseFreeSeats: r.aanloopfaseFreeSeats,
  jobFreeSeats: r.jobFreeSeats,
  recognisedPlaces: r.recognisedPlaces,
  dualPlacesNotRecognised: r.dualPlacesNotRecognised,
  dualPlacesNoRecognitionData: r.dualPlacesNoRecognitionData,
})

describe('computeFigures: place kinds and recognition data', () => {
  const places = [
    place('stage', { kind: 'internship', capacity: 3, acceptedSeats: 1 }),
    place('aanloop', { kind: 'aanloopfase', capacity: 1 }),
    place('job', { kind: 'job', capacity: 4 }),
    // Dual: recognised; never entered (twice); entered but expired; entered for another programme only.
    place('d-ok', { kind: 'dual', recognitions: [valid] }),
    place('d-none-1', { kind: 'dual' }),
    place('d-none-2', { kind: 'dual', capacity: 5 }),
    place('d-expired', {
      kind: 'dual',
      recognitions: [{ programme: LOG, validFrom: '2019-01-01', validTo: '2024-06-30' }],
    }),
    place('d-other', {
      kind: 'dual',
      programmes: [LOG, OTHER],
      recognitions: [{ programme: OTHER, validFrom: '2024-01-01', validTo: '2028-12-31' }],
    }),
  ]
  const rows = computeFigures(input(places)).rows

  it('counts places and free seats per kind, summing to the totals', () => {
    const r = pick(rows, 'province', 'antwerpen', LOG)
    expect(kindCounts(r)).toEqual({
      places: 8,
      internshipPlaces: 1,
      dualPlaces: 5,
      aanloopfasePlaces: 1,
      jobPlaces: 1,
      freeSeats: 2 + 1 + 4 + 2 + 2 + 5 + 2 + 2,
      internshipFreeSeats: 2,
      aanloopfaseFreeSeats: 1,
      jobFreeSeats: 4,
      dualFreeSeats: 13,
      // For Logistiek duaal: one recognised, two with a recognition that does not count, two without any.
      recognisedPlaces: 1,
      dualPlacesNotRecognised: 2,
      dualPlacesNoRecognitionData: 2,
    })
    for (const row of rows) {
      expect(row.internshipPlaces + row.dualPlaces + row.aanloopfasePlaces + row.jobPlaces).toBe(row.places)
      expect(row.recognisedPlaces + row.dualPlacesNotRecognised + row.dualPlacesNoRecognitionData).toBe(
        row.dualPlaces,
      )
    }
  })

  it('judges recognition per programme: valid for 777 is recognised there, not for Logistiek duaal', () => {
    expect(pick(rows, 'province', 'antwerpen', 777)).toMatchObject({
      dualPlaces: 1,
      recognisedPlaces: 1,
      dualPlacesNotRecognised: 0,
      dualPlacesNoRecognitionData: 0,
    })
    // All programmes together: recognised for any programme counts.
    expect(pick(rows, 'flanders', 'vlaanderen', null)).toMatchObject({
      dualPlaces: 5,
      recognisedPlaces: 2,
      dualPlacesNotRecognised: 1,
      dualPlacesNoRecognitionData: 2,
    })
  })

  it('reads a data gap as such: no recognition entered anywhere is not "not recognised"', () => {
    const gap = computeFigures(input([place('a', { kind: 'dual' }), place('b', { kind: 'dual' })])).rows
    expect(pick(gap, 'flanders', 'vlaanderen', LOG)).toMatchObject({
      dualPlaces: 2,
      recognisedPlaces: 0,
      dualPlacesNotRecognised: 0,
      dualPlacesNoRecognitionData: 2,
    })
  })
})

describe('computeFigures: places abroad', () => {
  it('counts a place abroad under its country only, never in Flanders or a Belgian region', () => {
    const rows = computeFigures(
      input([
        place('home', { kind: 'internship', capacity: 2 }),
        place('lyon', { kind: 'internship', capacity: 3, regions: [frankrijk], abroad: true, postcode: '' }),
      ]),
    ).rows
    expect(pick(rows, 'flanders', 'vlaanderen', LOG)).toMatchObject({ places: 1, freeSeats: 2 })
    expect(pick(rows, 'province', 'antwerpen', LOG)).toMatchObject({ places: 1, freeSeats: 2 })
    expect(pick(rows, 'country', 'fr', LOG)).toMatchObject({
      regionLabel: 'Frankrijk',
      places: 1,
      freeSeats: 3,
      seekers: 0,
      // Benchmarked against Flanders as every region is.
      flandersShortageX100: 50,
    })
    // Countries come after the Belgian levels.
    expect(rows.at(-1)?.level).toBe('country')
  })

  it('counts a place abroad without a known country nowhere', () => {
    const rows = computeFigures(
      input([place('abroad', { kind: 'internship', regions: [], abroad: true, postcode: '' })]),
    ).rows
    expect(rows.every((r) => r.places === 0)).toBe(true)
  })
})
