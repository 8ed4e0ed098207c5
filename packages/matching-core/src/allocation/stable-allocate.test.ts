import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  allMatchings,
  bestPerStudent,
  contestedProblemArb,
  isStableNaive,
  permutationArb,
  problemArb,
  stableMatchingsBruteForce,
  studentPrefers,
} from './brute-force.test-support.js'
import { checkStability } from './check-stability.js'
import { AllocationInputError } from './problem.js'
import { type AllocationPlace, type AllocationProblem, stableAllocate } from './stable-allocate.js'

/** The AllocationInputError that `stableAllocate(problem)` throws (fails the test when none is thrown). */
function inputError(problem: AllocationProblem): AllocationInputError {
  try {
    stableAllocate(problem)
  } catch (e) {
    if (e instanceof AllocationInputError) return e
    throw e
  }
  throw new Error('expected stableAllocate to throw an AllocationInputError')
}

const withCapacity = (capacity: unknown): AllocationProblem => ({
  students: [{ id: 's1', prefs: ['p1'] }],
  places: [
    { id: 'p1', capacity: 1, prefs: ['s1'] },
    { id: 'bad-place', capacity: capacity as number, prefs: [] },
  ],
})

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}

describe('stableAllocate: contract', () => {
  it('returns the example from the doc comment', () => {
    expect(
      stableAllocate({
        students: [{ id: 's1', prefs: ['p1'] }],
        places: [{ id: 'p1', capacity: 1, prefs: ['s1'] }],
      }),
    ).toEqual({ assignment: { s1: 'p1' } })
    expect(
      stableAllocate({
        students: [{ id: 's1', prefs: ['p1', 'p2'] }],
        places: [
          { id: 'p1', capacity: 2, prefs: ['s1'] },
          { id: 'p2', capacity: 1, prefs: ['s1'] },
        ],
      }).assignment,
    ).toEqual({ s1: 'p1' })
  })

  it('maps the empty problem to an empty assignment', () => {
    expect(stableAllocate({ students: [], places: [] }).assignment).toEqual({})
    expect(
      stableAllocate({ students: [], places: [{ id: 'p', capacity: 3, prefs: [] }] }).assignment,
    ).toEqual({})
  })

  it('lists every student, null when unmatched', () => {
    const { assignment } = stableAllocate({
      students: [
        { id: 'a', prefs: ['p'] },
        { id: 'b', prefs: ['p'] }, // loses p to a
        { id: 'c', prefs: [] }, // lists nothing
      ],
      places: [{ id: 'p', capacity: 1, prefs: ['a', 'b', 'c'] }],
    })
    expect(assignment).toEqual({ a: 'p', b: null, c: null })
    expect(Object.keys(assignment).sort()).toEqual(['a', 'b', 'c'])
  })

  it('does not match a pair that only one side lists', () => {
    const { assignment } = stableAllocate({
      students: [
        { id: 'only-student-lists', prefs: ['p'] },
        { id: 'only-place-lists', prefs: ['q'] },
      ],
      places: [
        { id: 'p', capacity: 5, prefs: ['only-place-lists'] },
        { id: 'q', capacity: 5, prefs: ['only-student-lists'] },
      ],
    })
    expect(assignment).toEqual({ 'only-student-lists': null, 'only-place-lists': null })
  })

  it('skips a one-sided first choice and takes the next mutually acceptable place', () => {
    const { assignment } = stableAllocate({
      students: [{ id: 's', prefs: ['p', 'q'] }],
      places: [
        { id: 'p', capacity: 1, prefs: [] },
        { id: 'q', capacity: 1, prefs: ['s'] },
      ],
    })
    expect(assignment).toEqual({ s: 'q' })
  })

  it('accepts capacity 0 and assigns nobody there', () => {
    const problem: AllocationProblem = {
      students: [
        { id: 'a', prefs: ['closed', 'open'] },
        { id: 'b', prefs: ['closed'] },
      ],
      places: [
        { id: 'closed', capacity: 0, prefs: ['a', 'b'] },
        { id: 'open', capacity: 1, prefs: ['a'] },
      ],
    }
    const { assignment } = stableAllocate(problem)
    expect(assignment).toEqual({ a: 'open', b: null })
    expect(checkStability(problem, assignment).stable).toBe(true)
  })

  it('lets a preferred student displace a held one (capacity respected)', () => {
    const { assignment } = stableAllocate({
      students: [
        { id: 'late', prefs: ['p', 'q'] },
        { id: 'early', prefs: ['p', 'q'] },
        { id: 'best', prefs: ['p'] },
      ],
      places: [
        { id: 'p', capacity: 2, prefs: ['best', 'early', 'late'] },
        { id: 'q', capacity: 1, prefs: ['late', 'early'] },
      ],
    })
    expect(assignment).toEqual({ late: 'q', early: 'p', best: 'p' })
  })

  it('does not mutate its input', () => {
    const problem: AllocationProblem = {
      students: [
        { id: 'a', prefs: ['p', 'q'] },
        { id: 'b', prefs: ['q', 'p'] },
        { id: 'c', prefs: ['p'] },
      ],
      places: [
        { id: 'p', capacity: 1, prefs: ['c', 'b', 'a'] },
        { id: 'q', capacity: 1, prefs: ['a', 'b'] },
      ],
    }
    const before = structuredClone(problem)
    const { assignment } = stableAllocate(deepFreeze(problem))
    expect(problem).toEqual(before)
    expect(assignment).toEqual({ a: 'q', b: null, c: 'p' })
  })

  // Regression: a plain `{}` result silently dropped a student whose id is "__proto__".
  it('keeps student ids that collide with Object.prototype names', () => {
    const { assignment } = stableAllocate({
      students: [
        { id: '__proto__', prefs: ['p'] },
        { id: 'constructor', prefs: ['p'] },
        { id: 'toString', prefs: [] },
      ],
      places: [{ id: 'p', capacity: 1, prefs: ['__proto__', 'constructor'] }],
    })
    expect(Object.keys(assignment).sort()).toEqual(['__proto__', 'constructor', 'toString'])
    expect(Object.hasOwn(assignment, '__proto__')).toBe(true)
    expect(Object.entries(assignment)).toContainEqual(['__proto__', 'p'])
    expect(Object.getPrototypeOf(assignment)).toBe(Object.prototype)
    expect(assignment.constructor).toBeNull()
    expect(assignment.toString).toBeNull()
  })

  // Regression: capacities were stored in an Int32Array, so 2^31 and up wrapped around
  // (2^32 became 0, Number.MAX_SAFE_INTEGER threw a RangeError).
  it.each([2 ** 31, 2 ** 32, Number.MAX_SAFE_INTEGER])('handles a huge capacity %d', (capacity) => {
    const problem: AllocationProblem = {
      students: [
        { id: 'a', prefs: ['big'] },
        { id: 'b', prefs: ['big'] },
      ],
      places: [{ id: 'big', capacity, prefs: ['b', 'a'] }],
    }
    const { assignment } = stableAllocate(problem)
    expect(assignment).toEqual({ a: 'big', b: 'big' })
    expect(checkStability(problem, assignment).stable).toBe(true)
    expect(checkStability(problem, { a: null, b: 'big' }).blockingPairs).toEqual([
      { student: 'a', place: 'big' },
    ])
  })
})

describe('stableAllocate: input errors', () => {
  it('names an unknown place id in a student list', () => {
    const err = inputError({
      students: [{ id: 's1', prefs: ['p1', 'ghost-place'] }],
      places: [{ id: 'p1', capacity: 1, prefs: ['s1'] }],
    })
    expect(err.name).toBe('AllocationInputError')
    expect(err).toBeInstanceOf(Error)
    expect(err.message).toContain('ghost-place')
    expect(err.message).toContain('s1')
    expect(err.problems).toHaveLength(1)
  })

  it('names an unknown student id in a place list', () => {
    const err = inputError({
      students: [{ id: 's1', prefs: ['p1'] }],
      places: [{ id: 'p1', capacity: 1, prefs: ['s1', 'ghost-student'] }],
    })
    expect(err.message).toContain('ghost-student')
    expect(err.problems).toHaveLength(1)
  })

  it('names a duplicate student id', () => {
    const err = inputError({
      students: [
        { id: 'twin', prefs: [] },
        { id: 'twin', prefs: [] },
      ],
      places: [],
    })
    expect(err.message).toContain('twin')
    expect(err.problems).toHaveLength(1)
  })

  it('names a duplicate place id', () => {
    const err = inputError({
      students: [],
      places: [
        { id: 'dup-place', capacity: 1, prefs: [] },
        { id: 'dup-place', capacity: 2, prefs: [] },
      ],
    })
    expect(err.message).toContain('dup-place')
    expect(err.problems).toHaveLength(1)
  })

  it('names a duplicate entry in a student list and in a place list', () => {
    const inStudent = inputError({
      students: [{ id: 's1', prefs: ['again', 'again'] }],
      places: [{ id: 'again', capacity: 1, prefs: ['s1'] }],
    })
    expect(inStudent.message).toContain('again')
    expect(inStudent.problems).toHaveLength(1)
    const inPlace = inputError({
      students: [{ id: 'twice-listed', prefs: ['p1'] }],
      places: [{ id: 'p1', capacity: 1, prefs: ['twice-listed', 'twice-listed'] }],
    })
    expect(inPlace.message).toContain('twice-listed')
    expect(inPlace.problems).toHaveLength(1)
  })

  it.each<[string, unknown]>([
    ['-1', -1],
    ['1.5', 1.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ["'2' (a string)", '2'],
    ['undefined', undefined],
  ])('rejects capacity %s and names the place', (_label, capacity) => {
    const err = inputError(withCapacity(capacity))
    expect(err.message).toContain('bad-place')
    expect(err.problems).toHaveLength(1)
    expect(err.problems[0]).toContain('bad-place')
  })

  it('lists several defects in one error', () => {
    const err = inputError({
      students: [
        { id: 'x', prefs: ['nowhere'] },
        { id: 'x', prefs: [] },
        { id: 'y', prefs: ['p', 'p'] },
      ],
      places: [
        { id: 'p', capacity: -1, prefs: ['nobody'] },
        { id: 'q', capacity: 0.5, prefs: [] },
        { id: 'q', capacity: 1, prefs: [] },
      ],
    })
    expect(err.problems).toHaveLength(7)
    for (const needle of ['"x"', 'nowhere', '"y"', '"p"', 'nobody', '"q"'])
      expect(err.message).toContain(needle)
    for (const problem of err.problems) expect(err.message).toContain(problem)
  })

  it('throws before doing any work and leaves the input untouched', () => {
    const problem = deepFreeze<AllocationProblem>({
      students: [{ id: 's1', prefs: ['p9'] }],
      places: [{ id: 'p1', capacity: 1, prefs: ['s1'] }],
    })
    expect(() => stableAllocate(problem)).toThrow(AllocationInputError)
    expect(() => checkStability(problem, {})).toThrow(AllocationInputError)
  })
})

// General instances (the brief's shape) and contested ones, where several stable matchings are common.
const shapes: [string, fc.Arbitrary<AllocationProblem>, number][] = [
  ['general', problemArb(), 1337],
  ['contested', contestedProblemArb(), 4711],
]

describe('stableAllocate: properties on random instances', () => {
  it('respects capacities and mutual acceptability, and lists every student', () => {
    fc.assert(
      fc.property(problemArb(), (problem) => {
        const { assignment } = stableAllocate(problem)
        expect(Object.keys(assignment).sort()).toEqual(problem.students.map((s) => s.id).sort())
        for (const p of problem.places) {
          const held = problem.students.filter((s) => assignment[s.id] === p.id)
          expect(held.length).toBeLessThanOrEqual(p.capacity)
          for (const s of held) {
            expect(s.prefs).toContain(p.id)
            expect(p.prefs).toContain(s.id)
          }
        }
      }),
      { seed: 20240611, numRuns: 300 },
    )
  })

  it('is stable according to checkStability', () => {
    fc.assert(
      fc.property(problemArb(), (problem) => {
        const report = checkStability(problem, stableAllocate(problem).assignment)
        expect(report).toEqual({
          stable: true,
          blockingPairs: [],
          capacityViolations: [],
          invalidAssignments: [],
        })
      }),
      { seed: 424242, numRuns: 300 },
    )
  })

  it('is deterministic and independent of the order of the students and places arrays', () => {
    const arb = problemArb().chain((problem) =>
      fc.record({
        problem: fc.constant(problem),
        students: permutationArb(problem.students),
        places: permutationArb(problem.places),
      }),
    )
    fc.assert(
      fc.property(arb, ({ problem, students, places }) => {
        const first = stableAllocate(problem).assignment
        expect(stableAllocate(problem).assignment).toEqual(first)
        expect(stableAllocate({ students, places }).assignment).toEqual(first)
      }),
      { seed: 7, numRuns: 300 },
    )
  })

  it.each(shapes)(
    'equals the student-optimal stable matching found by brute force (%s)',
    (_shape, arb, seed) => {
      fc.assert(
        fc.property(arb, (problem) => {
          const da = stableAllocate(problem).assignment
          const stable = stableMatchingsBruteForce(problem)
          // The DA matching is one of the stable matchings …
          expect(stable).toContainEqual(da)
          // … and no stable matching gives any student a place it prefers.
          for (const m of stable) {
            for (const s of problem.students) {
              const other = m[s.id] ?? null
              if (other !== null && other !== da[s.id])
                expect(studentPrefers(s, other, da[s.id] ?? null)).toBe(false)
            }
          }
          expect(da).toEqual(bestPerStudent(problem, stable))
        }),
        { seed, numRuns: 250 },
      )
    },
  )

  it.each(shapes)(
    'rural hospitals theorem: every stable matching matches the same students (%s)',
    (_shape, arb, seed) => {
      fc.assert(
        fc.property(arb, (problem) => {
          const da = stableAllocate(problem).assignment
          const matched = (m: Record<string, string | null>) =>
            problem.students.filter((s) => (m[s.id] ?? null) !== null).map((s) => s.id)
          const holders = (m: Record<string, string | null>, p: AllocationPlace) =>
            problem.students.filter((s) => m[s.id] === p.id).map((s) => s.id)
          for (const m of stableMatchingsBruteForce(problem)) {
            expect(matched(m)).toEqual(matched(da))
            for (const p of problem.places) {
              const here = holders(m, p)
              expect(here.length).toBe(holders(da, p).length)
              // A place left under capacity holds exactly the same students in every stable matching.
              if (here.length < p.capacity) expect(here).toEqual(holders(da, p))
            }
          }
        }),
        { seed: seed + 1, numRuns: 250 },
      )
    },
  )

  it('brute force is not vacuous: contested instances often have several stable matchings', () => {
    const counts = fc
      .sample(contestedProblemArb(), { seed: 5, numRuns: 100 })
      .map((problem) => stableMatchingsBruteForce(problem).length)
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1)
    expect(counts.filter((n) => n > 1).length).toBeGreaterThanOrEqual(10)
  })
})

describe('brute-force reference sanity', () => {
  it('enumerates the textbook instance with two stable matchings', () => {
    // Two students and two places that rank each other in opposite orders.
    const problem: AllocationProblem = {
      students: [
        { id: 'a', prefs: ['x', 'y'] },
        { id: 'b', prefs: ['y', 'x'] },
      ],
      places: [
        { id: 'x', capacity: 1, prefs: ['b', 'a'] },
        { id: 'y', capacity: 1, prefs: ['a', 'b'] },
      ],
    }
    expect(allMatchings(problem)).toHaveLength(7)
    const stable = stableMatchingsBruteForce(problem)
    expect(stable).toHaveLength(2)
    expect(stable).toContainEqual({ a: 'x', b: 'y' })
    expect(stable).toContainEqual({ a: 'y', b: 'x' })
    expect(isStableNaive(problem, { a: 'x', b: null })).toBe(false)
    expect(stableAllocate(problem).assignment).toEqual({ a: 'x', b: 'y' })
  })
})
