import { describe, expect, it } from 'vitest'
import { ageFlags, travelBand } from '../src/index.js'

describe('travelBand', () => {
  it.each([
    [0, '0–5 km'],
    [4.9, '0–5 km'],
    [5, '5–10 km'],
    [9.99, '5–10 km'],
    [10, '10–20 km'],
    [19.5, '10–20 km'],
    [20, '20–30 km'],
    [29.9, '20–30 km'],
    [30, '30+ km'],
    [250, '30+ km'],
  ])('%s km → %s', (km, band) => {
    expect(travelBand(km)).toBe(band)
  })

  it('refuses negative and non-finite distances', () => {
    expect(() => travelBand(-1)).toThrow(RangeError)
    expect(() => travelBand(Number.NaN)).toThrow(RangeError)
    expect(() => travelBand(Number.POSITIVE_INFINITY)).toThrow(RangeError)
  })
})

describe('ageFlags', () => {
  it.each([
    ['2012-09-02', '2026-09-01', []],
    ['2011-09-02', '2026-09-01', []],
    ['2011-09-01', '2026-09-01', ['≥15']],
    ['2010-09-02', '2026-09-01', ['≥15']],
    ['2010-09-01', '2026-09-01', ['≥15', '≥16']],
    ['2008-09-02', '2026-09-01', ['≥15', '≥16']],
    ['2008-09-01', '2026-09-01', ['≥15', '≥16', '≥18']],
    ['1990-01-01', '2026-09-01', ['≥15', '≥16', '≥18']],
  ])('born %s, on %s → %j', (birth, on, flags) => {
    expect(ageFlags(birth, on)).toEqual(flags)
  })

  it('counts a 29 February birthday as reached on 1 March', () => {
    expect(ageFlags('2008-02-29', '2026-02-28')).toEqual(['≥15', '≥16'])
    expect(ageFlags('2008-02-29', '2026-03-01')).toEqual(['≥15', '≥16', '≥18'])
  })

  it('refuses dates that are not yyyy-mm-dd', () => {
    expect(() => ageFlags('04/03/2010', '2026-09-01')).toThrow()
    expect(() => ageFlags('2010-02-30', '2026-09-01')).toThrow()
  })
})
