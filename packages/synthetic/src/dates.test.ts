import { describe, expect, it } from 'vitest'
import { addDays, addYears, fromDay, isoDate, nextMonday, toDay } from './dates.js'

describe('dates', () => {
  it('converts whole days both ways', () => {
    expect(fromDay(toDay('2027-02-28') + 1)).toBe('2027-03-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(isoDate(2026, 9, 1)).toBe('2026-09-01')
  })

  it('moves whole years and falls back from 29 February', () => {
    expect(addYears('2027-01-18', -16)).toBe('2011-01-18')
    expect(addYears('2028-02-29', -1)).toBe('2027-02-28')
  })

  it('finds the next Monday', () => {
    expect(nextMonday('2027-01-04')).toBe('2027-01-04') // a Monday
    expect(nextMonday('2027-01-05')).toBe('2027-01-11')
    expect(nextMonday('2027-01-03')).toBe('2027-01-04')
  })
})
