import type { IsoDate, PlaceKind, Recognition, TimeOfDay } from '@stagebrug/matching-core'

/** A competence as the documents print it. */
export interface CompetenceRef {
  readonly id: number
  /** bkc… */
  readonly code: string
  readonly text: string
}

/**
 * Everything the three documents of one accepted proposal print, as Stagebrug knows it. `null` is
 * "not known": the renderers show a visible blank for a mandatory field and list it in `missing`.
 */
export interface DocumentData {
  readonly proposalId: string
  /** The day the documents are issued (dd/mm/yyyy on paper). */
  readonly issuedOn: IsoDate
  /** The school released the student's name and contact to the company (domain.md §5.1). */
  readonly contactReleased: boolean
  readonly student: {
    readonly firstName: string
    readonly lastName: string
    readonly birthDate: IsoDate
    /** Age in completed years on the first day of the period. */
    readonly ageAtStart: number
    readonly className: string | null
    readonly email: string | null
    readonly homePostcode: string
    readonly homeMunicipality: string | null
    /** The pupil's own street, number and box (the placement list; for the agreement only). */
    readonly street: string | null
    readonly houseNumber: string | null
    readonly box: string | null
    /** Parent or guardian of a minor, as the school listed them; null when it listed none. */
    readonly guardian: {
      readonly name: string | null
      readonly phone: string | null
      readonly email: string | null
    } | null
    /**
     * The pupil's own stage: their period on the placement list within the place's window (the
     * place's window alone when the two do not overlap, which the period rule never proposes).
     */
    readonly period: { readonly start: IsoDate; readonly end: IsoDate }
    readonly programme: {
      readonly id: number
      readonly title: string
      readonly grade: number | null
      readonly duaal: boolean
    }
    /** The student's competences (opleidingsplan goals) as the school uploaded them, by code. */
    readonly competences: readonly CompetenceRef[]
  }
  readonly school: {
    /** For the API's scope check: the school of the student. */
    readonly id: string
    readonly name: string
    readonly instellingsnummer: string
    readonly postcode: string
    readonly municipality: string | null
    /** Street and number as the school registered them (migration 0023); null when not registered. */
    readonly street: string | null
    /** The director or delegate, with the function when given. */
    readonly director: string | null
    /** Insurer and policy number (the school's insurance covers the pupil during the stage). */
    readonly insurance: string | null
    /** The first stagebegeleider of the school's list, with e-mail and phone when given. */
    readonly supervisor: string | null
    /** The school's coordinators (stagecoördinator / trajectbegeleider), oldest first. */
    readonly coordinators: readonly { readonly name: string; readonly email: string }[]
  }
  readonly company: {
    /** For the API's scope check: the company of the place. */
    readonly id: string
    readonly name: string
    /** 10 digits. */
    readonly kboNumber: string
    readonly contactName: string | null
    readonly contactEmail: string | null
    readonly contactPhone: string | null
    /** The registered seat (maatschappelijke zetel) as one address line; null when not registered. */
    readonly seat: string | null
  }
  readonly place: {
    readonly kind: PlaceKind
    readonly externalId: string | null
    /** Vestigingseenheidsnummer, 10 digits. */
    readonly establishmentNumber: string | null
    readonly street: string | null
    readonly houseNumber: string | null
    readonly postcode: string
    /** As registered, else the postcode's municipality. */
    readonly municipality: string | null
    readonly period: { readonly start: IsoDate; readonly end: IsoDate }
    readonly hours: { readonly start: TimeOfDay; readonly end: TimeOfDay; readonly shiftWork: boolean }
    readonly sector: string | null
    /** The place's recognition (erkenning) for the student's programme, when it has one. */
    readonly recognition: Recognition | null
    readonly workstation: string | null
    readonly activities: string | null
    /** Checklist codes as registered; `[]` = the company registered none, `null` = not registered. */
    readonly risks: readonly string[] | null
    readonly increasedRisk: boolean | null
    readonly protectiveMeasures: string | null
    readonly healthSurveillance: boolean | null
    readonly healthSurveillanceType: string | null
    readonly mentor: {
      readonly name: string | null
      readonly function: string | null
      readonly email: string | null
      /** Duaal: mentor training done (null: unknown). */
      readonly trainingCompleted: boolean | null
      readonly trainingDeadline: IsoDate | null
    }
    /** The competences the workplace registered, by code. */
    readonly competences: readonly CompetenceRef[]
  }
}
