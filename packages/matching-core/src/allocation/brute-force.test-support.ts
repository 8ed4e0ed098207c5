// Test support only (not exported from the package): a brute-force reference for the
// hospitals/residents problem, written independently of deferredAcceptance and checkStability,
// plus the fast-check arbitraries the allocation tests share.
import fc from 'fast-check'
import type { AllocationPlace, AllocationProblem, AllocationStudent } from './stable-allocate.js'

export type Assignment = Record<string, string | null>

/** What a naive, pair-by-pair reading of the stability definition finds wrong with an assignment. */
export interface NaiveReport {
  /** "student|place", sorted. */
  readonly blockingPairs: readonly string[]
  /** Place ids holding more students than their capacity, sorted. */
  readonly overfull: readonly string[]
  /** Student ids assigned to a place that is unknown or not mutually acceptable, sorted. */
  readonly invalid: readonly string[]
}

const placeById = (problem: AllocationProblem, id: string): AllocationPlace | undefined =>
  problem.places.find((p) => p.id === id)

/** Both sides list each other. */
export function acceptable(student: AllocationStudent, place: AllocationPlace): boolean {
  return student.prefs.includes(place.id) && place.prefs.includes(student.id)
}

/** The student prefers place `a` to holding `b` (null = unmatched; a place it does not list is worst). */
export function studentPrefers(student: AllocationStudent, a: string, b: string | null): boolean {
  if (b === null || !student.prefs.includes(b)) return true
  return student.prefs.indexOf(a) < student.prefs.indexOf(b)
}

/** The place prefers student `a` to student `b` (a student it does not list is worst). */
export function placePrefers(place: AllocationPlace, a: string, b: string): boolean {
  if (!place.prefs.includes(b)) return true
  return place.prefs.indexOf(a) < place.prefs.indexOf(b)
}

/** Checks the definition directly: every mutually acceptable pair against every holder. */
export function naiveStability(problem: AllocationProblem, assignment: Readonly<Assignment>): NaiveReport {
  const holderOf = (s: AllocationStudent): string | null => assignment[s.id] ?? null
  const invalid = problem.students
    .filter((s) => {
      const pid = holderOf(s)
      if (pid === null) return false
      const place = placeById(problem, pid)
      return place === undefined || !acceptable(s, place)
    })
    .map((s) => s.id)
  const holding = new Map(
    problem.places.map((p) => [p.id, problem.students.filter((s) => holderOf(s) === p.id)]),
  )
  const holders = (place: AllocationPlace) => holding.get(place.id)!
  const overfull = problem.places.filter((p) => holders(p).length > p.capacity).map((p) => p.id)
  const blockingPairs: string[] = []
  for (const s of problem.students) {
    for (const p of problem.places) {
      if (!acceptable(s, p) || holderOf(s) === p.id) continue
      if (!studentPrefers(s, p.id, holderOf(s))) continue
      const held = holders(p)
      const placeWants = held.length < p.capacity || held.some((t) => placePrefers(p, s.id, t.id))
      if (placeWants) blockingPairs.push(`${s.id}|${p.id}`)
    }
  }
  return { blockingPairs: blockingPairs.sort(), overfull: overfull.sort(), invalid: invalid.sort() }
}

export function isStableNaive(problem: AllocationProblem, assignment: Readonly<Assignment>): boolean {
  const r = naiveStability(problem, assignment)
  return r.blockingPairs.length === 0 && r.overfull.length === 0 && r.invalid.length === 0
}

/** Every assignment of each student to null or a mutually acceptable place that respects capacities. */
export function allMatchings(problem: AllocationProblem): Assignment[] {
  const out: Assignment[] = []
  const load = new Map(problem.places.map((p) => [p.id, 0]))
  const current: (string | null)[] = []
  const options = problem.students.map((s) => [
    null,
    ...problem.places.filter((p) => acceptable(s, p)).map((p) => p.id),
  ])
  const go = (i: number): void => {
    if (i === problem.students.length) {
      out.push(Object.fromEntries(problem.students.map((s, j) => [s.id, current[j] ?? null])))
      return
    }
    for (const pid of options[i]!) {
      if (pid !== null) {
        const place = placeById(problem, pid)!
        if (load.get(pid)! >= place.capacity) continue
        load.set(pid, load.get(pid)! + 1)
      }
      current[i] = pid
      go(i + 1)
      if (pid !== null) load.set(pid, load.get(pid)! - 1)
    }
  }
  go(0)
  return out
}

/** All stable matchings, by enumeration. */
export function stableMatchingsBruteForce(problem: AllocationProblem): Assignment[] {
  return allMatchings(problem).filter((m) => isStableNaive(problem, m))
}

/** Per student, the best place it gets in any of the given stable matchings (null if never matched). */
export function bestPerStudent(problem: AllocationProblem, stable: readonly Assignment[]): Assignment {
  return Object.fromEntries(
    problem.students.map((s) => {
      let best: string | null = null
      for (const m of stable) {
        const pid = m[s.id] ?? null
        if (pid !== null && studentPrefers(s, pid, best)) best = pid
      }
      return [s.id, best]
    }),
  )
}

// ---- fast-check arbitraries -------------------------------------------------------------------

/** A permutation of the given items. */
export function permutationArb<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length })
}

/** `ids` in random order, each left out with probability 1/dropOneIn (none left out for 0). */
function prefsArb(ids: readonly string[], dropOneIn: number): fc.Arbitrary<string[]> {
  if (dropOneIn === 0) return permutationArb(ids)
  return fc
    .tuple(
      permutationArb(ids),
      fc.array(fc.integer({ min: 0, max: dropOneIn - 1 }), { minLength: ids.length, maxLength: ids.length }),
    )
    .map(([order, keep]) => order.filter((_, i) => keep[i] !== 0))
}

function problemOf(
  nS: number,
  nP: number,
  capacity: fc.Arbitrary<number>,
  dropOneIn: number,
): fc.Arbitrary<AllocationProblem> {
  const sIds = Array.from({ length: nS }, (_, i) => `s${i}`)
  const pIds = Array.from({ length: nP }, (_, i) => `p${i}`)
  return fc.record({
    students: fc.tuple(
      ...sIds.map((id) => fc.record({ id: fc.constant(id), prefs: prefsArb(pIds, dropOneIn) })),
    ),
    places: fc.tuple(
      ...pIds.map((id) => fc.record({ id: fc.constant(id), capacity, prefs: prefsArb(sIds, dropOneIn) })),
    ),
  })
}

/**
 * A random, well-formed problem: 0–7 students (s0…), 0–4 places (p0…), capacities 0–3, every
 * list a random subset (each id kept with probability 3/4) in random order.
 */
export function problemArb(): fc.Arbitrary<AllocationProblem> {
  return fc
    .record({ nS: fc.integer({ min: 0, max: 7 }), nP: fc.integer({ min: 0, max: 4 }) })
    .chain(({ nS, nP }) => problemOf(nS, nP, fc.integer({ min: 0, max: 3 }), 4))
}

/**
 * A contested problem: 3–5 students, capacity 1 or 2 everywhere and just enough seats for everyone,
 * complete lists. Several stable matchings are common here, whereas problemArb mostly has one.
 */
export function contestedProblemArb(): fc.Arbitrary<AllocationProblem> {
  return fc
    .record({ nS: fc.integer({ min: 3, max: 5 }), capacity: fc.integer({ min: 1, max: 2 }) })
    .chain(({ nS, capacity }) => problemOf(nS, Math.ceil(nS / capacity), fc.constant(capacity), 0))
}

/** A problem with an arbitrary (possibly over-full or invalid) assignment: null or any place per student. */
export function problemWithAnyAssignmentArb(): fc.Arbitrary<{
  problem: AllocationProblem
  assignment: Assignment
}> {
  return problemArb().chain((problem) =>
    fc.record({
      problem: fc.constant(problem),
      assignment: fc
        .tuple(
          ...problem.students.map(() =>
            fc.constantFrom<string | null>(null, ...problem.places.map((p) => p.id)),
          ),
        )
        .map((pids) => Object.fromEntries(problem.students.map((s, i) => [s.id, pids[i] ?? null]))),
    }),
  )
}
