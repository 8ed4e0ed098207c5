import { readFileSync } from 'node:fs'
import { type AllocationProblem, checkStability, stableAllocate } from '@stagebrug/matching-core'
import { describe, expect, it } from 'vitest'

interface KnownAnswer extends AllocationProblem {
  readonly name: string
  readonly source: string
  readonly studentOptimal: Record<string, string | null>
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/hr-known-answers.json', import.meta.url), 'utf8'),
) as { readonly cases: readonly KnownAnswer[] }

describe('stableAllocate: known answers (daffidwilde/matching v1.4.3)', () => {
  it('loads every case of the fixture', () => {
    expect(fixture.cases.map((c) => c.name)).toEqual([
      'hr_readme',
      'hr_issue_67',
      'hr_resident_loses_all',
      'hr_banned_pairs',
      'sm_readme',
      'sm_pride_and_prejudice',
      'sm_choose_optimality',
    ])
  })

  describe.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const problem: AllocationProblem = { students: c.students, places: c.places }

    it('gives exactly the student-optimal matching', () => {
      expect(stableAllocate(problem).assignment).toStrictEqual(c.studentOptimal)
    })

    it('is reported stable by checkStability', () => {
      expect(checkStability(problem, c.studentOptimal)).toEqual({
        stable: true,
        blockingPairs: [],
        capacityViolations: [],
        invalidAssignments: [],
      })
    })

    it('gives the same answer when the students and places arrays are reversed', () => {
      const reversed = { students: [...c.students].reverse(), places: [...c.places].reverse() }
      expect(stableAllocate(reversed).assignment).toEqual(c.studentOptimal)
    })
  })
})
