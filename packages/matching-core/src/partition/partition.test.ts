import { describe, expect, it } from 'vitest'
import { match } from '../match.js'
import type { MatchInput, PlaceId, StudentId } from '../model.js'
import { OPTIONS } from '../test-support/fixtures.js'
import { randomInstance, shuffled } from '../test-support/random-instance.js'
import { mergeResults } from './merge.js'
import { planParts } from './plan.js'

/** Two random regions 100 km apart plus pins, blocked pairs and students nobody can take. */
function twoRegions(seed: number): MatchInput {
  const a = randomInstance(seed, 300, 120)
  const b = randomInstance(seed + 1, 200, 80)
  const shift = <T extends { id: string }>(xs: readonly T[], prefix: string, at: (x: T) => T) =>
    xs.map((x) => at({ ...x, id: `${prefix}${x.id}` }))
  const students = [
    ...a.students,
    ...shift(b.students, 'b-', (s) => ({ ...s, home: s.home && { ...s.home, lat: s.home.lat - 0.9 } })),
  ]
  const places = [
    ...a.places,
    ...shift(b.places, 'b-', (p) => ({
      ...p,
      establishment: { ...p.establishment, lat: p.establishment.lat - 0.9 },
    })),
  ]
  return {
    ...a,
    students,
    places,
    pinned: [{ student: students[3]!.id, place: places[150]!.id, reason: 'afspraak met het bedrijf' }],
    blockedPairs: [{ student: students[10]!.id, place: places[5]!.id }],
  }
}

describe('planParts + mergeResults', () => {
  it.each([1, 2, 3, 8])(
    'give exactly the result of one match over the whole input (%i parts)',
    (maxParts) => {
      const input = twoRegions(17)
      const whole = match(input, OPTIONS)
      const plan = planParts(input, OPTIONS, maxParts)
      const merged = mergeResults(
        plan,
        plan.parts.map((p) => match(p.input, OPTIONS)),
        match(plan.unconnected, OPTIONS),
      )
      expect(merged).toEqual(whole)
      expect(plan.parts.length).toBe(Math.min(maxParts, plan.components))
    },
  )

  it('finds more than one component in two distant regions, and keeps each student in one part', () => {
    const input = twoRegions(23)
    const plan = planParts(input, OPTIONS, 64)
    expect(plan.components).toBeGreaterThan(1)
    const seen = plan.parts.flatMap((p) => p.input.students.map((s) => s.id))
    expect(new Set(seen).size).toBe(seen.length)
    const loose = plan.unconnected.students.map((s) => s.id)
    expect(seen.length + loose.length).toBe(input.students.length)
    expect(plan.unconnected.places).toHaveLength(input.places.length)
    // A pinned student travels with the place of the pin.
    const pin = input.pinned[0]!
    const part = plan.parts.find((p) => p.input.students.some((s) => s.id === pin.student))!
    expect(part.input.places.map((p) => p.id)).toContain(pin.place)
    expect(part.input.pinned).toEqual([pin])
  })

  it('packs the same parts whatever the order of the input', () => {
    const input = twoRegions(5)
    const ids = (i: MatchInput) =>
      planParts(i, OPTIONS, 3).parts.map((p) => p.input.students.map((s) => s.id as StudentId).sort())
    const reordered = { ...input, students: shuffled(input.students, 9), places: shuffled(input.places, 10) }
    expect(ids(reordered)).toEqual(ids(input))
  })

  it('leaves places nobody reaches out of every part', () => {
    const input = twoRegions(3)
    const far = {
      ...input.places[0]!,
      id: 'pl-nowhere' as PlaceId,
      establishment: { postcode: '8000', lat: 51.2, lon: 3.2 },
    }
    const plan = planParts({ ...input, places: [...input.places, far] }, OPTIONS, 4)
    expect(plan.parts.flatMap((p) => p.input.places.map((pl) => pl.id))).not.toContain('pl-nowhere')
  })
})
