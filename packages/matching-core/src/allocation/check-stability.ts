import { indexProblem } from './problem.js'
import type { AllocationProblem } from './types.js'

export interface StabilityReport {
  readonly stable: boolean
  /** Pairs that both prefer each other to what the assignment gives them. */
  readonly blockingPairs: readonly { readonly student: string; readonly place: string }[]
  readonly capacityViolations: readonly {
    readonly place: string
    readonly capacity: number
    readonly assigned: number
  }[]
  /** Assignments to an unknown place or to a place the pair does not find mutually acceptable. */
  readonly invalidAssignments: readonly {
    readonly student: string
    readonly place: string
    readonly reason: string
  }[]
}

/** Checks an assignment against a problem: blocking pairs, over-full places, unacceptable pairs. */
export function checkStability(
  problem: AllocationProblem,
  assignment: Readonly<Record<string, string | null | undefined>>,
): StabilityReport {
  const { int, studentIndex, placeIndex, placeRank } = indexProblem(problem)
  const assigned = new Int32Array(int.nS).fill(-1)
  const invalidAssignments: { student: string; place: string; reason: string }[] = []
  problem.students.forEach((s, si) => {
    const pid = Object.hasOwn(assignment, s.id) ? assignment[s.id] : undefined
    if (pid === null || pid === undefined) return
    const pi = placeIndex.get(pid)
    if (pi === undefined) {
      invalidAssignments.push({ student: s.id, place: pid, reason: 'unknown place' })
      return
    }
    if (!s.prefs.includes(pid) || !placeRank[pi]!.has(si)) {
      invalidAssignments.push({ student: s.id, place: pid, reason: 'not mutually acceptable' })
    }
    assigned[si] = pi
  })
  for (const sid of Object.keys(assignment)) {
    if (!studentIndex.has(sid))
      invalidAssignments.push({ student: sid, place: String(assignment[sid]), reason: 'unknown student' })
  }

  // Per place: how many it holds and the rank of the worst student it holds.
  const count = new Int32Array(int.nP)
  // Float64: an unlisted holder's rank (MAX_SAFE_INTEGER) must not wrap around.
  const worstRank = new Float64Array(int.nP).fill(-1)
  for (let s = 0; s < int.nS; s++) {
    const p = assigned[s]!
    if (p === -1) continue
    count[p]!++
    const r = placeRank[p]!.get(s) ?? Number.MAX_SAFE_INTEGER
    if (r > worstRank[p]!) worstRank[p] = r
  }
  const capacityViolations = problem.places
    .map((p, pi) => ({ place: p.id, capacity: p.capacity, assigned: count[pi]! }))
    .filter((v) => v.assigned > v.capacity)

  const blockingPairs: { student: string; place: string }[] = []
  problem.students.forEach((s, si) => {
    const current = assigned[si]!
    for (const pid of s.prefs) {
      const pi = placeIndex.get(pid)!
      if (pi === current) break // every later place is worse for the student
      const rank = placeRank[pi]!.get(si)
      if (rank === undefined) continue
      const room = count[pi]! < int.capacity[pi]!
      if (room || (count[pi]! > 0 && rank < worstRank[pi]!)) blockingPairs.push({ student: s.id, place: pid })
    }
  })
  const stable =
    blockingPairs.length === 0 && capacityViolations.length === 0 && invalidAssignments.length === 0
  return { stable, blockingPairs, capacityViolations, invalidAssignments }
}
