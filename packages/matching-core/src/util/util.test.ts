import { describe, expect, it } from 'vitest'
import { nightWorkMinimumAge } from '../compile/night-work.js'
import { ageOn, isoToYmd, timeToMinutes, ymdToIso } from './dates.js'
import { distanceKm } from './geo.js'
import { lotteryDraw } from './hash.js'

describe('dates', () => {
  it('round-trips and rejects non-dates', () => {
    expect(isoToYmd('2027-02-28')).toBe(20270228)
    expect(ymdToIso(20270228)).toBe('2027-02-28')
    expect(() => isoToYmd('2027-02-29')).toThrow('Not a calendar date')
    expect(() => isoToYmd('31/02/2027')).toThrow('Not a YYYY-MM-DD date')
    expect(isoToYmd('2028-02-29')).toBe(20280229)
  })

  it('counts completed years', () => {
    expect(ageOn(20100501, 20250430)).toBe(14)
    expect(ageOn(20100501, 20250501)).toBe(15)
    expect(ageOn(20080229, 20230228)).toBe(14) // a leap-day child turns 15 on 1 March
    expect(ageOn(20080229, 20230301)).toBe(15)
  })

  it('parses times', () => {
    expect(timeToMinutes('08:30')).toBe(510)
    expect(timeToMinutes('24:00')).toBe(1440)
    expect(() => timeToMinutes('25:00')).toThrow()
  })
})

describe('night work minimum age', () => {
  it.each([
    ['08:00', '16:30', false, 0],
    ['06:00', '20:00', false, 0],
    ['14:00', '22:00', false, 18],
    ['14:00', '22:00', true, 16],
    ['07:00', '23:00', true, 16],
    ['06:00', '23:00', true, 18],
    ['22:00', '06:00', true, 18],
    ['05:00', '13:00', false, 18],
  ])('%s–%s shift %s → %i', (start, end, shiftWork, age) => {
    expect(nightWorkMinimumAge({ start, end, shiftWork })).toBe(age)
  })
})

describe('geo', () => {
  it('is within 1% of the great-circle distance across Flanders', () => {
    const oostende = { lat: 51.2154, lon: 2.9287 }
    const maaseik = { lat: 51.0981, lon: 5.7869 }
    // Haversine reference: 199.7 km.
    expect(distanceKm(oostende, maaseik)).toBeGreaterThan(198)
    expect(distanceKm(oostende, maaseik)).toBeLessThan(202)
  })
})

describe('lottery', () => {
  it('depends on seed and id only, and spreads', () => {
    expect(lotteryDraw(1, 'st-1')).toBe(lotteryDraw(1, 'st-1'))
    expect(lotteryDraw(1, 'st-1')).not.toBe(lotteryDraw(2, 'st-1'))
    const draws = new Set(Array.from({ length: 1000 }, (_, i) => lotteryDraw(7, `st-${i}`)))
    expect(draws.size).toBe(1000)
  })
})
