// Builders for tests: a plausible default student and place in Geel (2440), overridable field by field.
import type {
  CompanyId,
  CompetenceId,
  MatchInput,
  Place,
  PlaceId,
  ProgrammeId,
  SchoolId,
  Student,
  StudentId,
} from '../model.js'

export const GEEL = { postcode: '2440', lat: 51.1617, lon: 4.9904 }
export const MOL = { postcode: '2400', lat: 51.1912, lon: 5.1165 }
export const HASSELT = { postcode: '3500', lat: 50.9307, lon: 5.3378 }
export const GENT = { postcode: '9000', lat: 51.0543, lon: 3.7174 }

export const VERZORGING = 200 as ProgrammeId
export const VERZORGING_DUAAL = 201 as ProgrammeId
export const KANTOOR = 300 as ProgrammeId

export const comp = (n: number) => n as CompetenceId

export function student(id: string, over: Partial<Student> = {}): Student {
  return {
    id: id as StudentId,
    schoolId: 'sc-1' as SchoolId,
    programme: VERZORGING,
    grade: 3,
    firstTwoYearsDone: true,
    home: GEEL,
    school: GEEL,
    maxTravelKm: 20,
    competences: [],
    interests: [],
    wishes: [],
    availability: { start: '2027-02-01', end: '2027-03-31' },
    birthDate: '2010-05-01',
    drivingLicence: false,
    seeks: 'internship',
    workReadiness: 'ready',
    needsInclusiveWorkplace: false,
    priority: false,
    ...over,
  }
}

export function place(id: string, over: Partial<Place> = {}): Place {
  return {
    id: id as PlaceId,
    companyId: `co-${id}` as CompanyId,
    establishment: GEEL,
    kind: 'internship',
    foreign: false,
    programmes: [VERZORGING],
    competences: [],
    capacity: 1,
    period: { start: '2027-01-15', end: '2027-06-30' },
    hours: { start: '08:00', end: '16:30', shiftWork: false },
    recognitions: [],
    mentors: [],
    minimumAge: 0,
    needsDrivingLicence: false,
    inclusive: false,
    sector: 'zorg',
    preferredStudents: [],
    ...over,
  }
}

export function dualPlace(id: string, over: Partial<Place> = {}): Place {
  return place(id, {
    kind: 'dual',
    programmes: [VERZORGING_DUAAL],
    recognitions: [{ programme: VERZORGING_DUAAL, validFrom: '2024-01-01', validTo: '2028-12-31' }],
    mentors: [
      {
        birthDate: '1980-01-01',
        declaredAtLeast25: false,
        ageWaiver: false,
        trainingCompleted: true,
        trainingDeadline: null,
      },
    ],
    ...over,
  })
}

export function instance(over: Partial<MatchInput>): MatchInput {
  return {
    students: [],
    places: [],
    relatedProgrammes: [[VERZORGING_DUAAL, VERZORGING]],
    blockedPairs: [],
    pinned: [],
    ...over,
  }
}

export const OPTIONS = { seed: 42, today: '2026-11-23' } as const
