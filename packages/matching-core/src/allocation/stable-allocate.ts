import { deferredAcceptance } from './deferred-acceptance.js'
import { type IndexedProblem, indexProblem } from './problem.js'
import type { AllocationProblem } from './types.js'

export type { AllocationPlace, AllocationProblem, AllocationStudent } from './types.js'

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
  // fromEntries defines own properties, so an id such as "__proto__" is kept as a key.
  const assignment: Record<string, string | null> = Object.fromEntries(
    problem.students.map((s, i) => {
      const p = assigned[i]!
      return [s.id, p === -1 ? null : problem.places[p]!.id]
    }),
  )
  return { assignment }
}
