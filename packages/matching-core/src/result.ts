import type { PlaceId, StudentId } from './model.js'
import type { RuleCode, Verdict } from './rules/index.js'
import type { ScoreBreakdown } from './scoring/combine.js'

export type ProposalKind = 'pinned' | 'allocated' | 'alternative'

export interface Proposal {
  readonly student: StudentId
  readonly place: PlaceId
  /** 1-based position in the student's shortlist. */
  readonly rank: number
  readonly kind: ProposalKind
  readonly score: number
  readonly breakdown: ScoreBreakdown
  /** The hard rules that concern this pair; all passed (a pin may fail some: see `pinWarnings`). */
  readonly rulesPassed: readonly RuleCode[]
  /** The student was ranked first by the place as a priority (vulnerable) student. */
  readonly priority: boolean
  /** The coordinator's reason, for a pinned pair. */
  readonly pinReason: string | null
}

export type UnmatchedCode =
  | 'no_places_for_programme'
  | 'no_place_in_range'
  | 'no_eligible_place'
  | 'outranked'

export interface UnmatchedReason {
  readonly code: UnmatchedCode
  /** no_place_in_range: the nearest place of the programme, in km. */
  readonly nearestKm: number | null
  /** no_eligible_place: how many places in range failed each rule (first failing rule counts). */
  readonly failedRules: readonly { readonly code: RuleCode; readonly places: number }[]
  /** outranked: how many eligible places the student applied to. */
  readonly candidates: number
  /**
   * no_eligible_place: the nearest places in range (at most `MISSING_PER_RULE` per rule, nearest
   * first) whose first failing rule is one the company can mend by entering data — a recognition
   * for the student's programme or a valid mentor — so the school can ask for it.
   */
  readonly missingAt: readonly MissingAt[]
}

/** A dual place in range that fails only for want of a recognition or a valid mentor. */
export interface MissingAt {
  readonly code: 'no_recognition' | 'no_valid_mentor'
  readonly place: PlaceId
  /** Straight line from the student's home, rounded to 0.1 km. */
  readonly distanceKm: number
}

export interface StudentOutcome {
  readonly student: StudentId
  readonly status: 'pinned' | 'matched' | 'unmatched'
  readonly placement: PlaceId | null
  /** The placement first (if any), then alternatives that still have a free seat. */
  readonly proposals: readonly Proposal[]
  readonly unmatched: UnmatchedReason | null
  /** Rules a pinned pair fails: kept as given, but shown to the coordinator. */
  readonly pinWarnings: readonly Verdict[]
}

export interface ReserveCandidate {
  readonly student: StudentId
  readonly score: number
  /** Unmatched now (otherwise placed somewhere the student likes less than this place). */
  readonly unmatched: boolean
}

export interface PlaceOutcome {
  readonly place: PlaceId
  readonly capacity: number
  readonly seatsLeft: number
  /** Pinned students first, then allocated ones in the place's order. */
  readonly allocated: readonly {
    readonly student: StudentId
    readonly kind: 'pinned' | 'allocated'
    readonly score: number
  }[]
  /** Who would take a seat that frees up, in the place's order. */
  readonly reserve: readonly ReserveCandidate[]
}

export interface MatchSummary {
  readonly students: number
  readonly places: number
  readonly seats: number
  readonly pinned: number
  readonly matched: number
  readonly unmatched: number
  readonly unmatchedByReason: Readonly<Record<UnmatchedCode, number>>
  readonly priorityStudents: number
  readonly priorityPlaced: number
  readonly seatsFilled: number
  readonly pairsConsidered: number
  readonly pairsScored: number
}

export interface MatchResult {
  /** Every student id → the place id of the placement (pinned or allocated), or null. */
  readonly assignment: Readonly<Record<string, string | null>>
  /** Sorted by student id. */
  readonly students: readonly StudentOutcome[]
  /** Sorted by place id. */
  readonly places: readonly PlaceOutcome[]
  readonly summary: MatchSummary
}
