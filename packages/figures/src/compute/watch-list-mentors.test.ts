import type { Mentor } from '@stagebrug/matching-core'
import { describe, expect, it } from 'vitest'
import { SCENARIO } from './scenario.test-support.js'
import { watchList } from './watch-list.js'

// A place with several mentors (issue 14): it is watched only when none of them keeps it covered.
const untrained = (trainingDeadline: string): Mentor => ({
  birthDate: '1980-01-01',
  declaredAtLeast25: false,
  ageWaiver: false,
  trainingCompleted: false,
  trainingDeadline,
})

describe('the watch list with several mentors per place', () => {
  const p4 = SCENARIO.places.find((p) => p.id === 'p4')!
  const mentorItems = (mentors: readonly Mentor[]) =>
    watchList({ ...SCENARIO, places: SCENARIO.places.map((p) => (p.id === 'p4' ? { ...p, mentors } : p)) })
      .filter((w) => w.placeId === 'p4')
      .map((w) => [w.kind, w.dueDate])

  it('names the last deadline when every mentor still has the training to do', () => {
    expect(p4.mentors).toHaveLength(1)
    expect(mentorItems([untrained('2026-11-01'), untrained('2026-12-20')])).toEqual([
      ['mentor_training_due', '2026-12-20'],
    ])
  })

  it('is quiet when another mentor is trained, or has a deadline beyond 90 days', () => {
    expect(
      mentorItems([untrained('2026-11-01'), { ...untrained('2026-01-01'), trainingCompleted: true }]),
    ).toEqual([])
    expect(mentorItems([untrained('2026-11-01'), untrained('2027-06-30')])).toEqual([])
  })

  it('watches nothing for a place without mentors', () => {
    expect(mentorItems([])).toEqual([])
  })
})
