import { describe, expect, it } from 'vitest'
import { Rng, WeightedTable } from './random.js'

const draws = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.nextUint32())

describe('Rng', () => {
  it('repeats its sequence for the same seed and differs for another seed', () => {
    expect(draws(new Rng(7), 20)).toEqual(draws(new Rng(7), 20))
    expect(draws(new Rng(7), 20)).not.toEqual(draws(new Rng(8), 20))
  })

  it('gives independent streams per label', () => {
    expect(draws(Rng.stream(1, 'students'), 10)).toEqual(draws(Rng.stream(1, 'students'), 10))
    expect(draws(Rng.stream(1, 'students'), 10)).not.toEqual(draws(Rng.stream(1, 'places'), 10))
  })

  it('stays in range and is roughly uniform', () => {
    const rng = new Rng(3)
    const counts = [0, 0, 0, 0]
    let min = 1
    let max = 0
    for (let i = 0; i < 40_000; i++) {
      const x = rng.next()
      min = Math.min(min, x)
      max = Math.max(max, x)
      counts[rng.int(4)]! += 1
    }
    expect(min).toBeGreaterThanOrEqual(0)
    expect(max).toBeLessThan(1)
    for (const c of counts) expect(c).toBeGreaterThan(9_500)
  })

  it('samples distinct items, both from long and from short lists', () => {
    const rng = new Rng(5)
    const long = Array.from({ length: 100 }, (_, i) => i)
    for (const [items, k] of [
      [long, 6],
      [long.slice(0, 8), 6],
      [long.slice(0, 3), 6],
    ] as const) {
      const picked = rng.sample(items, k)
      expect(picked).toHaveLength(Math.min(k, items.length))
      expect(new Set(picked).size).toBe(picked.length)
      for (const x of picked) expect(items).toContain(x)
    }
  })
})

describe('WeightedTable', () => {
  it('draws in proportion to the weights and never draws a zero weight', () => {
    const table = WeightedTable.of([
      ['a', 1],
      ['never', 0],
      ['b', 3],
    ])
    const rng = new Rng(11)
    const counts = new Map<string, number>()
    for (let i = 0; i < 20_000; i++) {
      const x = table.draw(rng)
      counts.set(x, (counts.get(x) ?? 0) + 1)
    }
    expect(counts.get('never')).toBeUndefined()
    expect((counts.get('b') ?? 0) / 20_000).toBeCloseTo(0.75, 1)
  })

  it('rejects an empty or weightless table', () => {
    expect(() => WeightedTable.of([])).toThrow(RangeError)
    expect(() => WeightedTable.of([['x', 0]])).toThrow(RangeError)
  })
})
