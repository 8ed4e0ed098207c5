// Domain types of the matching core. Everything is readonly data; ids are branded so a
// StudentId cannot be passed where a PlaceId is expected. Free text (programme names,
// municipalities, competences) is resolved to these ids at import, before the match runs.

declare const brand: unique symbol
export type Brand<T, B extends string> = T & { readonly [brand]: B }

export type StudentId = Brand<string, 'StudentId'>
export type PlaceId = Brand<string, 'PlaceId'>
export type CompanyId = Brand<string, 'CompanyId'>
export type SchoolId = Brand<string, 'SchoolId'>
/** Structuuronderdeel number from the official programme matrix (reference-data). */
export type ProgrammeId = Brand<number, 'ProgrammeId'>
/** Integer id of a competence in the vocabulary (reference-data assigns them). */
export type CompetenceId = Brand<number, 'CompetenceId'>

/** A calendar date as `YYYY-MM-DD` (no time zone: placements are whole days). */
export type IsoDate = string
/** A time of day as `HH:MM`, 24-hour clock. */
export type TimeOfDay = string

export interface Period {
  readonly start: IsoDate
  readonly end: IsoDate
}

/** A point resolved from a Belgian postcode at import (WGS84). */
export interface Location {
  readonly postcode: string
  readonly lat: number
  readonly lon: number
}

/** Where a student's maximum travel distance counts from. */
export type TravelFrom = 'home' | 'school'
export type Seeks = 'internship' | 'dual' | 'job'
export type PlaceKind = 'internship' | 'dual' | 'job' | 'aanloopfase'
/** `willing-not-ready` is the aanloopfase profile: arbeidsbereid but not yet arbeidsrijp. */
export type WorkReadiness = 'ready' | 'willing-not-ready'

/** A ranked wish of a student: a specific place, a company, or a sector. */
export type Wish =
  | { readonly kind: 'place'; readonly id: PlaceId }
  | { readonly kind: 'company'; readonly id: CompanyId }
  | { readonly kind: 'sector'; readonly id: string }

export interface Student {
  readonly id: StudentId
  readonly schoolId: SchoolId
  readonly programme: ProgrammeId
  /** Graad (1–3) of secondary education; adult education uses 3. */
  readonly grade: number
  /** The first two years of secondary education are done (lowers the dual-learning age to 15). */
  readonly firstTwoYearsDone: boolean
  readonly home: Location
  readonly school: Location
  /** Maximum distance from home (or from school, see `travelFrom`), straight line, in km. */
  readonly maxTravelKm: number
  /** Where the distance counts from; absent: home. */
  readonly travelFrom?: TravelFrom
  readonly competences: readonly CompetenceId[]
  readonly interests: readonly CompetenceId[]
  /** Most wanted first. */
  readonly wishes: readonly Wish[]
  readonly availability: Period
  readonly birthDate: IsoDate
  readonly drivingLicence: boolean
  readonly seeks: Seeks
  readonly workReadiness: WorkReadiness
  readonly needsInclusiveWorkplace: boolean
  /** Opted in for a place abroad (Erasmus+); absent or false: no place abroad is ever proposed. */
  readonly abroad?: boolean
  /** Vulnerable student (buso, not yet work-ready, newcomer): ranked first by places. */
  readonly priority: boolean
}

export interface PlaceCompetence {
  readonly id: CompetenceId
  /** Relative importance at this workplace, > 0. */
  readonly weight: number
}

/** Erkenning: a recognition of this establishment for one programme, valid in a date range. */
export interface Recognition {
  readonly programme: ProgrammeId
  readonly validFrom: IsoDate
  readonly validTo: IsoDate
}

export interface Mentor {
  /** Null when the company declared the age instead (`declaredAtLeast25`): data minimisation. */
  readonly birthDate: IsoDate | null
  /** The company declares the mentor is at least 25, without giving a birth date. */
  readonly declaredAtLeast25: boolean
  /** The sector partnership lowered the mentor's minimum age from 25 to 23. */
  readonly ageWaiver: boolean
  readonly trainingCompleted: boolean
  /** Date by which the mentor training must be completed (duaal). */
  readonly trainingDeadline: IsoDate | null
}

export interface WorkingHours {
  readonly start: TimeOfDay
  readonly end: TimeOfDay
  /** Continuous or shift work: opens the documented night-work exceptions for pupils from 16. */
  readonly shiftWork: boolean
}

export interface Place {
  readonly id: PlaceId
  readonly companyId: CompanyId
  readonly establishment: Location
  readonly kind: PlaceKind
  /** Abroad (Erasmus+): exempt from the distance rule. */
  readonly foreign: boolean
  readonly programmes: readonly ProgrammeId[]
  readonly competences: readonly PlaceCompetence[]
  readonly capacity: number
  readonly period: Period
  readonly hours: WorkingHours
  readonly recognitions: readonly Recognition[]
  /** The place's mentors; a dual place needs one that is valid on the start date. */
  readonly mentors: readonly Mentor[]
  /** The place's own minimum age (0 when it states none). */
  readonly minimumAge: number
  readonly needsDrivingLicence: boolean
  readonly inclusive: boolean
  readonly sector: string
  /** Students the company prefers (e.g. after an intake), most preferred first. Usually empty. */
  readonly preferredStudents: readonly StudentId[]
}

/** A coordinator's manual placement: kept as given, takes its seat before the match. */
export interface PinnedPair {
  readonly student: StudentId
  readonly place: PlaceId
  readonly reason: string
}

export interface BlockedPair {
  readonly student: StudentId
  readonly place: PlaceId
}

export interface MatchInput {
  readonly students: readonly Student[]
  readonly places: readonly Place[]
  /** Declared related programmes (e.g. a programme and its duaal variant); symmetric. */
  readonly relatedProgrammes: readonly (readonly [ProgrammeId, ProgrammeId])[]
  /** Pairs declined or rejected earlier: never proposed again. */
  readonly blockedPairs: readonly BlockedPair[]
  readonly pinned: readonly PinnedPair[]
}
