import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  allMatchings,
  contestedProblemArb,
  naiveStability,
  problemArb,
  problemWithAnyAssignmentArb,
} from './brute-force.test-support.js'
import { checkStability, type StabilityReport } from './check-stability.js'
import type { AllocationProblem } from './stable-allocate.js'

// a and b both want p then q; p (1 seat) ranks b over a; q (1 seat) takes either; c wants only q.
const problem: AllocationProblem = {
  students: [
    { id: 'a', prefs: ['p', 'q'] },
    { id: 'b', prefs: ['p', 'q'] },
    { id: 'c', prefs: ['q'] },
  ],
  places: [
    { id: 'p', capacity: 1, prefs: ['b', 'a'] },
    { id: 'q', capacity: 1, prefs: ['a', 'b', 'c'] },
  ],
}

const clean: StabilityReport = {
  stable: true,
  blockingPairs: [],
  capacityViolations: [],
  invalidAssignments: [],
}

describe('checkStability', () => {
  it('passes the correct (student-optimal) matching', () => {
    expect(checkStability(problem, { a: 'q', b: 'p', c: null })).toEqual(clean)
  })

  it('treats a missing student key as unmatched', () => {
    expect(checkStability(problem, { a: 'q', b: 'p' })).toEqual(clean)
  })

  it('detects a blocking pair with a free seat', () => {
    const report = checkStability(problem, { a: null, b: 'p', c: null })
    expect(report.stable).toBe(false)
    // q has a free seat and a, c both want it; a would also take p, but p prefers b whom it holds.
    expect(report.blockingPairs).toEqual([
      { student: 'a', place: 'q' },
      { student: 'c', place: 'q' },
    ])
    expect(report.capacityViolations).toEqual([])
    expect(report.invalidAssignments).toEqual([])
  })

  it('detects a blocking pair through a worse student the place holds', () => {
    const report = checkStability(problem, { a: 'p', b: 'q', c: null })
    expect(report.stable).toBe(false)
    // b prefers p to q, and p prefers b to a.
    expect(report.blockingPairs).toEqual([{ student: 'b', place: 'p' }])
    expect(report.capacityViolations).toEqual([])
    expect(report.invalidAssignments).toEqual([])
  })

  it('does not report a pair the place would not take (it prefers everyone it holds)', () => {
    // a would rather have p, but p holds b whom it ranks higher: not blocking.
    expect(checkStability(problem, { a: 'q', b: 'p', c: null }).blockingPairs).toEqual([])
  })

  it('detects a capacity violation', () => {
    const report = checkStability(problem, { a: 'p', b: 'p', c: 'q' })
    expect(report.stable).toBe(false)
    expect(report.capacityViolations).toEqual([{ place: 'p', capacity: 1, assigned: 2 }])
    expect(report.invalidAssignments).toEqual([])
  })

  it('reports an over-full place of capacity 0', () => {
    const p0: AllocationProblem = {
      students: [{ id: 's', prefs: ['z'] }],
      places: [{ id: 'z', capacity: 0, prefs: ['s'] }],
    }
    expect(checkStability(p0, { s: null })).toEqual(clean)
    expect(checkStability(p0, { s: 'z' }).capacityViolations).toEqual([
      { place: 'z', capacity: 0, assigned: 1 },
    ])
  })

  it('flags an assignment to a place the student does not list as invalid', () => {
    const report = checkStability(problem, { a: 'q', b: 'p', c: 'p' })
    expect(report.stable).toBe(false)
    expect(report.invalidAssignments).toEqual([
      { student: 'c', place: 'p', reason: 'not mutually acceptable' },
    ])
  })

  it('flags an assignment to a place that does not list the student as invalid', () => {
    const oneSided: AllocationProblem = {
      students: [
        { id: 'in', prefs: ['p'] },
        { id: 'out', prefs: ['p'] },
      ],
      places: [{ id: 'p', capacity: 1, prefs: ['in'] }],
    }
    const report = checkStability(oneSided, { in: null, out: 'p' })
    expect(report.stable).toBe(false)
    expect(report.invalidAssignments).toEqual([
      { student: 'out', place: 'p', reason: 'not mutually acceptable' },
    ])
    // Regression: p is full with a student it does not list, so it would rather take "in". The rank
    // of an unlisted holder used to wrap around in an Int32Array and hide this pair.
    expect(report.blockingPairs).toEqual([{ student: 'in', place: 'p' }])
  })

  it('flags an assignment to an unknown place as invalid', () => {
    const report = checkStability(problem, { a: 'q', b: 'p', c: 'nowhere' })
    expect(report.stable).toBe(false)
    expect(report.invalidAssignments).toEqual([{ student: 'c', place: 'nowhere', reason: 'unknown place' }])
  })

  it('flags an unknown student key as invalid', () => {
    const report = checkStability(problem, { a: 'q', b: 'p', c: null, zed: 'q' })
    expect(report.stable).toBe(false)
    expect(report.invalidAssignments).toEqual([{ student: 'zed', place: 'q', reason: 'unknown student' }])
    expect(report.blockingPairs).toEqual([])
    expect(report.capacityViolations).toEqual([])
  })

  // Regression: a missing key was read through the prototype chain (assignment.constructor === Object).
  it('does not read assignments from Object.prototype', () => {
    const proto: AllocationProblem = {
      students: [{ id: 'constructor', prefs: ['p'] }],
      places: [{ id: 'p', capacity: 1, prefs: ['constructor'] }],
    }
    const report = checkStability(proto, {})
    expect(report.invalidAssignments).toEqual([])
    expect(report.blockingPairs).toEqual([{ student: 'constructor', place: 'p' }])
    expect(checkStability(proto, { constructor: 'p' })).toEqual(clean)
  })

  it.each([
    ['general', problemArb(), 31337],
    ['contested', contestedProblemArb(), 8128],
  ] as const)('agrees with a naive check on every capacity-respecting matching (%s)', (_shape, arb, seed) => {
    fc.assert(
      fc.property(arb, (pr) => {
        for (const m of allMatchings(pr)) {
          const report = checkStability(pr, m)
          const naive = naiveStability(pr, m)
          expect(report.blockingPairs.map((b) => `${b.student}|${b.place}`).sort()).toEqual(
            naive.blockingPairs,
          )
          expect(report.capacityViolations).toEqual([])
          expect(report.invalidAssignments).toEqual([])
          expect(report.stable).toBe(naive.blockingPairs.length === 0)
        }
      }),
      { seed, numRuns: 60 },
    )
  })

  it('agrees with a naive check on arbitrary (over-full, invalid) assignments', () => {
    fc.assert(
      fc.property(problemWithAnyAssignmentArb(), ({ problem: pr, assignment }) => {
        const report = checkStability(pr, assignment)
        const naive = naiveStability(pr, assignment)
        expect(report.blockingPairs.map((b) => `${b.student}|${b.place}`).sort()).toEqual(naive.blockingPairs)
        expect(report.capacityViolations.map((v) => v.place).sort()).toEqual(naive.overfull)
        expect(report.invalidAssignments.map((v) => v.student).sort()).toEqual(naive.invalid)
        expect(report.stable).toBe(
          naive.blockingPairs.length === 0 && naive.overfull.length === 0 && naive.invalid.length === 0,
        )
      }),
      { seed: 2718, numRuns: 1000 },
    )
  })
})
