// The string-keyed hospitals/residents problem of the public `stableAllocate` contract.

export interface AllocationStudent {
  readonly id: string
  /** Place ids, most preferred first. */
  readonly prefs: readonly string[]
}

export interface AllocationPlace {
  readonly id: string
  /** A non-negative integer; 0 is legal (the place takes nobody). */
  readonly capacity: number
  /** The place's ranking of students, most preferred first. */
  readonly prefs: readonly string[]
}

export interface AllocationProblem {
  readonly students: readonly AllocationStudent[]
  readonly places: readonly AllocationPlace[]
}
