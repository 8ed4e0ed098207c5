import type { FigureLevel, FigureRegionRef, IdleReason, WatchKind } from '@stagebrug/db'
import type { Mentor, Recognition } from '@stagebrug/matching-core'

export type { FigureLevel, IdleReason, WatchKind }
/** A province, an arrondissement or a named region (e.g. `reg-kempen`); Flanders is implicit. */
export type RegionRef = FigureRegionRef
/** 1 (small) … 5 (very good): see `chanceBand`. */
export type ChanceBand = 1 | 2 | 3 | 4 | 5

/** One student of the run, with the regions of their home postcode. */
export interface OutcomeFact {
  readonly studentId: string
  readonly schoolId: string
  readonly programmeId: number
  readonly regions: readonly RegionRef[]
  readonly status: 'pinned' | 'matched' | 'unmatched'
  readonly placeId: string | null
  readonly unmatchedCode: string | null
}

/** An accepted proposal (of this run or an earlier one) of a student who is not withdrawn. */
export interface AcceptedFact {
  readonly studentId: string
  readonly schoolId: string
  readonly programmeId: number
  readonly regions: readonly RegionRef[]
  readonly placeId: string
}

/** An open place, with the regions of its establishment (a place abroad: its country only). */
export interface PlaceFact {
  readonly id: string
  readonly companyId: string
  readonly companyName: string
  readonly kind: string
  readonly sector: string
  readonly postcode: string
  readonly municipality: string | null
  readonly regions: readonly RegionRef[]
  /** Abroad (Erasmus+): counted under its country only, never in Flanders or a Belgian region. */
  readonly abroad: boolean
  readonly programmes: readonly number[]
  readonly capacity: number
  /** Seats taken by accepted proposals (this run or earlier). */
  readonly acceptedSeats: number
  readonly recognitions: readonly Recognition[]
  readonly mentors: readonly Mentor[]
}

/** How many proposals of this run (not declined) name a place, for students of one school. */
export interface ProposalFact {
  readonly placeId: string
  readonly schoolId: string
  readonly count: number
}

/** Everything one run's figures are computed from; no I/O is needed beyond building this. */
export interface FiguresInput {
  readonly runId: string
  /** The run's day, YYYY-MM-DD. */
  readonly today: string
  readonly outcomes: readonly OutcomeFact[]
  readonly accepted: readonly AcceptedFact[]
  readonly places: readonly PlaceFact[]
  readonly proposals: readonly ProposalFact[]
  readonly programmeTitles: ReadonlyMap<number, string>
  readonly schoolNames: ReadonlyMap<string, string>
}

/** The figures of one region × programme (`programmeId` null: all programmes together). */
export interface FigureRow {
  readonly level: FigureLevel
  readonly regionKey: string
  readonly regionLabel: string
  readonly programmeId: number | null
  readonly programmeTitle: string | null
  /** Students of the run (open, without an accepted place) living in the region. */
  readonly seekers: number
  /** Seekers the run placed (matched or pinned): they got a placement proposal. */
  readonly proposed: number
  /** Seekers without a placement; `proposed + unmatched = seekers`. */
  readonly unmatched: number
  /** Students living in the region who accepted a proposal (this run or earlier). */
  readonly accepted: number
  /** Open places in the region offering the programme. */
  readonly places: number
  readonly seats: number
  /** Seats not taken by an accepted proposal: what the run could hand out. */
  readonly freeSeats: number
  /** Free seats still free after the run. */
  readonly idleSeats: number
  /** Dual places with a recognition for the programme valid on the run's day. */
  readonly recognisedPlaces: number
  /** Recognised places with free seats where the run placed nobody. */
  readonly idleRecognisedPlaces: number
  /** Open places by kind (`places` is their sum), and their free seats (`freeSeats` is their sum). */
  readonly internshipPlaces: number
  readonly dualPlaces: number
  readonly aanloopfasePlaces: number
  readonly jobPlaces: number
  readonly internshipFreeSeats: number
  readonly dualFreeSeats: number
  readonly aanloopfaseFreeSeats: number
  readonly jobFreeSeats: number
  /**
   * Dual places without any recognition entered: a data gap, not a shortage (ask the company to
   * enter its erkenningen). `dualPlaces = recognisedPlaces + dualPlacesNotRecognised + this`.
   */
  readonly dualPlacesNoRecognitionData: number
  /** Dual places with recognitions entered, none valid on the run's day for the programme (expired or missing). */
  readonly dualPlacesNotRecognised: number
  /** Why seekers stayed without a place, most frequent first. */
  readonly unmatchedReasons: readonly { readonly code: string; readonly count: number }[]
  /** Seekers per free seat × 100, rounded; null when there are no free seats. */
  readonly shortageX100: number | null
  /** proposed / seekers in %, rounded; null without seekers. */
  readonly placementPct: number | null
  readonly chance: ChanceBand | null
  /** Flanders (the whole run), same programme. */
  readonly flandersShortageX100: number | null
  readonly flandersPlacementPct: number | null
  /** This region's shortage index as a % of Flanders' (100 = the same, 200 = twice as scarce). */
  readonly shortageVsFlandersPct: number | null
  /** This region's placement rate minus Flanders', in percentage points. */
  readonly placementVsFlandersPp: number | null
}

/** A recognised dual place with free seats where the run placed nobody. */
export interface IdlePlace {
  readonly placeId: string
  readonly reason: IdleReason
  readonly companyId: string
  readonly companyName: string
  readonly sector: string
  readonly postcode: string
  readonly municipality: string | null
  readonly regions: readonly RegionRef[]
  readonly programmes: readonly number[]
  readonly freeSeats: number
  /** 0: nobody ever accepted a seat here. */
  readonly acceptedSeats: number
  /** Proposals of this run naming the place (0: not proposed at all). */
  readonly proposals: number
}

/** A recognition about to expire or a mentor whose training is due, and who relies on the place. */
export interface WatchItem {
  readonly placeId: string
  readonly kind: WatchKind
  /** The recognition's programme; null for a mentor. */
  readonly programmeId: number | null
  readonly programmeTitle: string | null
  readonly dueDate: string
  /** Days from the run's day to the due date; negative when it has passed. */
  readonly daysLeft: number
  readonly companyName: string
  readonly sector: string
  readonly postcode: string
  readonly municipality: string | null
  /** Schools whose students were proposed there in this run or accepted a seat there. */
  readonly schools: readonly { readonly id: string; readonly name: string }[]
}

export interface RunFigures {
  readonly runId: string
  readonly today: string
  readonly rows: readonly FigureRow[]
  readonly idle: readonly IdlePlace[]
  readonly watch: readonly WatchItem[]
}
