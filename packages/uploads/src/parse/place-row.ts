import type {
  Location,
  Period,
  PlaceCompetence,
  PlaceKind,
  ProgrammeId,
  WorkingHours,
  WorkplaceRiskCode,
} from '@stagebrug/matching-core'

import type { SeatRow } from './place-site.js'

/** One validated place of a company's registration, ids resolved, ready to be stored. */
export interface PlaceRow {
  /** Spreadsheet row it came from (header = 1). */
  readonly row: number
  /** The company's own code for the place, when given. */
  readonly externalId: string | null
  /** Ondernemingsnummer, 10 digits without punctuation. */
  readonly companyNumber: string
  readonly companyName: string
  /** Vestigingseenheidsnummer, 10 digits, when given. */
  readonly establishmentNumber: string | null
  readonly street: string | null
  readonly houseNumber: string | null
  /** The Belgian postcode's location; null for a place abroad. */
  readonly establishment: Location | null
  /** The municipality in Belgium, the city abroad. */
  readonly municipality: string | null
  /** ISO 3166-1 alpha-2 of a place abroad (Erasmus+); null in Belgium. */
  readonly country: string | null
  /** The postcode abroad as written, when given. */
  readonly foreignPostcode: string | null
  /** The company's registered seat (maatschappelijke zetel); null when the row gives none. */
  readonly seat: SeatRow | null
  readonly kind: PlaceKind
  readonly programmes: readonly ProgrammeId[]
  readonly competences: readonly PlaceCompetence[]
  readonly capacity: number
  readonly period: Period
  readonly hours: WorkingHours
  readonly minimumAge: number
  readonly needsDrivingLicence: boolean
  readonly inclusive: boolean
  readonly sector: string
  /** The contact person for schools at this place (also the company's contact, first row wins). */
  readonly contactName: string | null
  readonly contactEmail: string
  readonly contactPhone: string | null
  // What the documents need, as the company registered it; null = not registered.
  readonly workstation: string | null
  readonly activities: string | null
  /** Checklist codes; `[]` when the company wrote "geen" (none). */
  readonly risks: readonly WorkplaceRiskCode[] | null
  readonly increasedRisk: boolean | null
  readonly protectiveMeasures: string | null
  readonly healthSurveillance: boolean | null
  readonly healthSurveillanceType: string | null
  readonly mentorName: string | null
  readonly mentorFunction: string | null
  readonly mentorEmail: string | null
}
