import type { IntProblem } from './deferred-acceptance.js'
import type { AllocationProblem } from './types.js'

/** Thrown for a malformed allocation problem; `problems` lists every defect found. */
export class AllocationInputError extends Error {
  readonly problems: readonly string[]

  constructor(problems: readonly string[]) {
    super(`Invalid allocation problem: ${problems.join('; ')}`)
    this.name = 'AllocationInputError'
    this.problems = problems
  }
}

export interface IndexedProblem {
  readonly int: IntProblem
  readonly studentIndex: ReadonlyMap<string, number>
  readonly placeIndex: ReadonlyMap<string, number>
  /** rank[p].get(studentIndex): the place's rank of the student (0 = best). */
  readonly placeRank: readonly ReadonlyMap<number, number>[]
}

/** Validates the string problem and lays it out on integers (only mutually acceptable pairs). */
export function indexProblem(problem: AllocationProblem): IndexedProblem {
  const problems: string[] = []
  const studentIndex = indexIds(problem.students, 'student', problems)
  const placeIndex = indexIds(problem.places, 'place', problems)
  for (const p of problem.places) {
    if (typeof p.capacity !== 'number' || !Number.isInteger(p.capacity) || p.capacity < 0) {
      problems.push(
        `place ${JSON.stringify(p.id)} has capacity ${String(p.capacity)}; expected a non-negative integer`,
      )
    }
  }
  checkList(problem.students, placeIndex, 'student', 'place', problems)
  checkList(problem.places, studentIndex, 'place', 'student', problems)
  if (problems.length > 0) throw new AllocationInputError(problems)

  const placeRank = problem.places.map((p) => new Map(p.prefs.map((sid, r) => [studentIndex.get(sid)!, r])))
  const prefStart = new Int32Array(problem.students.length + 1)
  const prefPlace: number[] = []
  const prefKey: number[] = []
  problem.students.forEach((s, si) => {
    for (const pid of s.prefs) {
      const pi = placeIndex.get(pid)!
      const rank = placeRank[pi]!.get(si)
      if (rank === undefined) continue // the place does not list this student
      prefPlace.push(pi)
      prefKey.push(-rank)
    }
    prefStart[si + 1] = prefPlace.length
  })
  const int: IntProblem = {
    nS: problem.students.length,
    nP: problem.places.length,
    // Clamped to the number of students: a larger capacity would wrap around in an Int32Array.
    capacity: Int32Array.from(problem.places, (p) => Math.min(p.capacity, problem.students.length)),
    prefStart,
    prefPlace: Int32Array.from(prefPlace),
    prefKey: Float64Array.from(prefKey),
  }
  return { int, studentIndex, placeIndex, placeRank }
}

function indexIds(items: readonly { id: string }[], what: string, problems: string[]): Map<string, number> {
  const index = new Map<string, number>()
  items.forEach((item, i) => {
    if (index.has(item.id)) problems.push(`duplicate ${what} id ${JSON.stringify(item.id)}`)
    else index.set(item.id, i)
  })
  return index
}

function checkList(
  owners: readonly { id: string; prefs: readonly string[] }[],
  known: ReadonlyMap<string, number>,
  ownerKind: string,
  listedKind: string,
  problems: string[],
): void {
  for (const owner of owners) {
    const seen = new Set<string>()
    for (const id of owner.prefs) {
      if (!known.has(id))
        problems.push(
          `${ownerKind} ${JSON.stringify(owner.id)} lists unknown ${listedKind} ${JSON.stringify(id)}`,
        )
      if (seen.has(id))
        problems.push(
          `${ownerKind} ${JSON.stringify(owner.id)} lists ${listedKind} ${JSON.stringify(id)} twice`,
        )
      seen.add(id)
    }
  }
}
