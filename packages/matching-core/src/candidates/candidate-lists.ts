/**
 * Each student's eligible places, best first (score, then the places' seeded draw): the
 * student's preference list for the allocation. Row s spans [start[s], start[s + 1]).
 */
export interface CandidateLists {
  readonly start: Int32Array
  readonly place: Int32Array
  /** Score 0–100 of the pair. */
  readonly score: Float64Array
  /** 2 exact programme, 1 related programme. */
  readonly programmeMatch: Uint8Array
  /** Places the index brought up per student (before the hard rules). */
  readonly considered: Int32Array
  /** Failures per student and rule: failures[s * ruleCount + r] for RULES[r]. */
  readonly failures: Int32Array
  readonly ruleCount: number
  readonly pairsConsidered: number
  readonly pairsScored: number
}
