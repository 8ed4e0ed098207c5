import { deferredAcceptance } from './deferred-acceptance.js'
import { type IndexedProblem, indexProblem } from './problem.js'

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

export interface AllocationResult {
  /** Every student id, mapped to a place id or null when unmatched. */
  readonly assignment: Readonly<Record<string, string | null>>
}

/**
 * The student-optimal stable matching of a hospitals/residents problem. A pair is acceptable
 * only when each side lists the other. Throws an `AllocationInputError` naming unknown ids in a
 * list, duplicate ids, and capacities that are not non-negative integers.
 *
 * @example stableAllocate({ students: [{ id: 's1', prefs: ['p1'] }], places: [{ id: 'p1', capacity: 1, prefs: ['s1'] }] })
 * // → { assignment: { s1: 'p1' } }
 */
export function stableAllocate(problem: AllocationProblem): AllocationResult {
  const indexed: IndexedProblem = indexProblem(problem)
  const assigned = deferredAcceptance(indexed.int)
  const assignment: Record<string, string | null> = {}
  problem.students.forEach((s, i) => {
    const p = assigned[i]!
    assignment[s.id] = p === -1 ? null : problem.places[p]!.id
  })
  return { assignment }
}
