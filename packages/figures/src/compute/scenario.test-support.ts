// A small hand-built run whose figures are worked out by hand in compute-figures.test.ts.
import type { ProgrammeId } from '@stagebrug/matching-core'
import type { AcceptedFact, FiguresInput, OutcomeFact, PlaceFact, RegionRef } from './model.js'

const antwerpen: RegionRef = { level: 'province', key: 'Antwerpen', label: 'Antwerpen' }
const limburg: RegionRef = { level: 'province', key: 'Limburg', label: 'Limburg' }
const turnhout: RegionRef = { level: 'arrondissement', key: 'Turnhout', label: 'Turnhout' }
const hasselt: RegionRef = { level: 'arrondissement', key: 'Hasselt', label: 'Hasselt' }
const kempen: RegionRef = { level: 'region', key: 'reg-kempen', label: 'Regio Kempen' }
const limburgseKempen: RegionRef = { level: 'region', key: 'reg-limburgse-kempen', label: 'Limburgse Kempen' }

/** Turnhout: Kempen only. */
export const RA = [antwerpen, turnhout, kempen]
/** A Limburg postcode in both named regions: its students and places count in each. */
export const RB = [limburg, hasselt, kempen, limburgseKempen]
export const RC = [limburg, hasselt, limburgseKempen]

export const E = 101 as ProgrammeId // Elektrotechnieken
export const V = 202 as ProgrammeId // Verzorging
const SA = 'school-a'
const SB = 'school-b'
const SC = 'school-c'

const outcome = (
  studentId: string,
  schoolId: string,
  regions: readonly RegionRef[],
  programmeId: number,
  status: OutcomeFact['status'],
  placeOrCode: string,
): OutcomeFact => ({
  studentId,
  schoolId,
  programmeId,
  regions,
  status,
  placeId: status === 'unmatched' ? null : placeOrCode,
  unmatchedCode: status === 'unmatched' ? placeOrCode : null,
})

const accepted = (
  studentId: string,
  schoolId: string,
  regions: readonly RegionRef[],
  programmeId: number,
  placeId: string,
): AcceptedFact => ({ studentId, schoolId, programmeId, regions, placeId })

const place = (
  id: string,
  postcode: string,
  regions: readonly RegionRef[],
  rest: Partial<PlaceFact> & Pick<PlaceFact, 'programmes' | 'capacity' | 'acceptedSeats' | 'kind'>,
): PlaceFact => ({
  id,
  companyId: `company-${id}`,
  companyName: `Bedrijf ${id.toUpperCase()}`,
  sector: 'techniek',
  postcode,
  municipality: postcode === '2300' ? 'Turnhout' : 'Hasselt',
  regions,
  abroad: false,
  recognitions: [],
  mentors: [],
  ...rest,
})

export const TODAY = '2026-11-23'

export const SCENARIO: FiguresInput = {
  runId: 'run-1',
  today: TODAY,
  outcomes: [
    outcome('s1', SA, RA, E, 'matched', 'p1'),
    outcome('s2', SA, RA, E, 'matched', 'p1'),
    outcome('s3', SA, RA, E, 'unmatched', 'outranked'),
    outcome('s4', SB, RB, E, 'pinned', 'p2'),
    outcome('s5', SB, RB, V, 'unmatched', 'no_place_in_range'),
    outcome('s6', SC, RC, V, 'matched', 'p3'),
    outcome('s7', SC, RC, V, 'unmatched', 'no_places_for_programme'),
    outcome('s8', SA, RA, V, 'unmatched', 'outranked'),
  ],
  accepted: [
    accepted('s9', SA, RA, E, 'p1'),
    // Two accepted rows of one student count once.
    accepted('s10', SC, RC, V, 'p3'),
    accepted('s10', SC, RC, V, 'p4'),
  ],
  places: [
    place('p1', '2300', RA, {
      kind: 'internship',
      programmes: [E],
      capacity: 4,
      acceptedSeats: 1,
      // Ends on day 91: just outside the watch list.
      recognitions: [{ programme: E, validFrom: '2025-01-01', validTo: '2027-02-22' }],
    }),
    place('p2', '3580', RB, {
      kind: 'dual',
      programmes: [E, V],
      capacity: 2,
      acceptedSeats: 0,
      recognitions: [
        { programme: E, validFrom: '2025-09-01', validTo: '2027-08-31' },
        // Ends on day 90: the last day inside the watch list.
        { programme: V, validFrom: '2025-09-01', validTo: '2027-02-21' },
      ],
    }),
    place('p3', '3500', RC, {
      kind: 'dual',
      programmes: [V],
      capacity: 2,
      acceptedSeats: 1,
      recognitions: [{ programme: V, validFrom: '2024-01-01', validTo: '2026-12-31' }],
    }),
    place('p4', '3500', RC, {
      kind: 'dual',
      programmes: [V],
      capacity: 3,
      acceptedSeats: 1,
      recognitions: [{ programme: V, validFrom: '2024-01-01', validTo: '2027-12-31' }],
      mentors: [
        {
          birthDate: '1980-01-01',
          declaredAtLeast25: false,
          ageWaiver: false,
          trainingCompleted: false,
          trainingDeadline: '2026-11-01',
        },
      ],
    }),
    place('p5', '2300', RA, {
      kind: 'dual',
      programmes: [E],
      capacity: 2,
      acceptedSeats: 0,
      recognitions: [{ programme: E, validFrom: '2024-01-01', validTo: '2028-12-31' }],
      mentors: [
        {
          birthDate: '1990-01-01',
          declaredAtLeast25: false,
          ageWaiver: false,
          trainingCompleted: false,
          trainingDeadline: '2027-01-31',
        },
      ],
    }),
    place('p6', '2300', RA, {
      kind: 'dual',
      programmes: [V],
      capacity: 1,
      acceptedSeats: 0,
      // Renewed without a gap: not on the watch list.
      recognitions: [
        { programme: V, validFrom: '2024-01-01', validTo: '2026-12-15' },
        { programme: V, validFrom: '2026-12-16', validTo: '2029-12-15' },
      ],
      // Training done: whatever the deadline, nothing to watch.
      mentors: [
        {
          birthDate: '1985-01-01',
          declaredAtLeast25: false,
          ageWaiver: false,
          trainingCompleted: true,
          trainingDeadline: '2026-01-01',
        },
      ],
    }),
  ],
  proposals: [
    { placeId: 'p1', schoolId: SA, count: 2 },
    { placeId: 'p2', schoolId: SB, count: 1 },
    { placeId: 'p3', schoolId: SC, count: 1 },
    { placeId: 'p4', schoolId: SC, count: 1 },
  ],
  programmeTitles: new Map([
    [E, 'Elektrotechnieken'],
    [V, 'Verzorging'],
  ]),
  schoolNames: new Map([
    [SA, 'GO! Atheneum Turnhout'],
    [SB, 'GO! Campus Beringen'],
    [SC, 'GO! Hasselt'],
  ]),
}
