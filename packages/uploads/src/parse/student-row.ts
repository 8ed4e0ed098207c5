import type {
  CompetenceId,
  IsoDate,
  Location,
  Period,
  ProgrammeId,
  Seeks,
  TravelFrom,
  WorkReadiness,
} from '@stagebrug/matching-core'

/** One validated pupil of a placement list, ids resolved, ready to be stored. */
export interface StudentRow {
  /** Spreadsheet row it came from (header = 1). */
  readonly row: number
  /** Instellingsnummer. */
  readonly schoolId: string
  /** Stamboeknummer / leerlingnummer / internnummer, kept as text (leading zeros matter). */
  readonly externalId: string
  readonly firstName: string
  readonly lastName: string
  readonly birthDate: IsoDate
  readonly className: string
  readonly programme: ProgrammeId
  readonly programmeName: string
  readonly grade: number
  readonly year: number | null
  readonly adminGroup: string | null
  readonly seeks: Seeks
  readonly workReadiness: WorkReadiness
  readonly home: Location
  readonly municipality: string | null
  readonly street: string | null
  readonly houseNumber: string | null
  readonly box: string | null
  readonly email: string | null
  readonly availability: Period
  readonly competences: readonly CompetenceId[]
  readonly drivingLicence: boolean
  /** Null when the school gave none (the match configuration's default applies). */
  readonly maxTravelKm: number | null
  readonly priority: boolean
  /** Ondersteuningsnood: only an inclusive workplace fits (the rule `needs_inclusive_workplace`). */
  readonly needsInclusive: boolean
  /** Opted in for a place abroad (Erasmus+); without it no place abroad is proposed. */
  readonly abroad: boolean
  /**
   * Wishes as written, most wanted first (`;`-separated): a sector, `KBO/plaatscode` for a place,
   * or a company's KBO number or name. Resolved to ids at import (unknown ones are a warning).
   */
  readonly wishes: readonly string[]
  readonly interests: readonly CompetenceId[]
  /** The first two years of secondary done: a 15-year-old is no longer full-time leerplichtig. */
  readonly firstTwoYearsDone: boolean
  /** Where the maximum travel distance counts from. */
  readonly travelFrom: TravelFrom
  /** Parent or guardian of a minor, for the agreement only. */
  readonly guardianName: string | null
  readonly guardianPhone: string | null
  readonly guardianEmail: string | null
  /** A newcomer's Dutch level (CEFR), where the school has it. */
  readonly dutchLevel: DutchLevel | null
}

export type DutchLevel = 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2'
