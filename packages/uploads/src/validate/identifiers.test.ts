import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nationalNumber } from '../test-support/fixtures.js'
import { parseDate, parseTime } from './dates.js'
import {
  formatKbo,
  looksLikeNationalNumber,
  normaliseEstablishmentNumber,
  normaliseKbo,
} from './identifiers.js'

describe('normaliseKbo', () => {
  it.each([
    ['0403.019.261', '0403019261'],
    ['BE0428759497', '0428759497'],
    ['BE 0200.065.765', '0200065765'],
    ['0123 456 749', '0123456749'],
    ['403019261', '0403019261'],
  ])('accepts %s', (input, expected) => {
    expect(normaliseKbo(input)).toBe(expected)
  })

  it.each(['0431.150.351', '1000.000.000', '2403019261', '12345', 'abc'])('rejects %s', (input) => {
    expect(normaliseKbo(input)).toBeNull()
  })

  it('formats as 0xxx.xxx.xxx', () => {
    expect(formatKbo('0403019261')).toBe('0403.019.261')
  })
})

describe('normaliseEstablishmentNumber', () => {
  it('accepts official examples and rejects a first digit 1', () => {
    expect(normaliseEstablishmentNumber('2.147.812.701')).toBe('2147812701')
    expect(normaliseEstablishmentNumber('2.147.812.897')).toBe('2147812897')
    expect(normaliseEstablishmentNumber('1.147.812.701')).toBeNull()
  })
})

describe('looksLikeNationalNumber', () => {
  it.each(['85.07.30-033.28', '17.07.30-033.84', '98.47.28-997.65', nationalNumber('2009-04-12', 17)])(
    'detects %s',
    (value) => {
      expect(looksLikeNationalNumber(value)).toBe(true)
    },
  )

  it('detects a 2000s number whose leading zero Excel dropped', () => {
    const rrn = nationalNumber('2008-11-02', 123)
    expect(looksLikeNationalNumber(rrn.slice(1))).toBe(true)
  })

  it.each(['12345678901', '0403019261', '0123456', ''])('ignores %s', (value) => {
    expect(looksLikeNationalNumber(value)).toBe(false)
  })
})

describe('parseDate', () => {
  it.each([
    ['05/03/2010', '2010-03-05'],
    ['5-3-2010', '2010-03-05'],
    ['2010-3-5', '2010-03-05'],
    ['2010-03-05', '2010-03-05'],
    ['05.03.2010', '2010-03-05'],
    ['29/02/2024', '2024-02-29'],
    ['45000', '2023-03-15'],
  ])('parses %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected)
  })

  it.each(['31/02/2027', '29/02/2023', '2010-13-01', '05/03/10', 'gisteren', '12'])('rejects %s', (input) => {
    expect(parseDate(input)).toBeNull()
  })

  it('round-trips every real date through dd/mm/yyyy', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10)
          const [y, m, day] = iso.split('-')
          expect(parseDate(`${day}/${m}/${y}`)).toBe(iso)
        },
      ),
    )
  })
})

describe('parseTime', () => {
  it('parses common notations', () => {
    expect(['8:30', '08.30', '8u30', '16:00'].map(parseTime)).toEqual(['08:30', '08:30', '08:30', '16:00'])
    expect(parseTime('25:00')).toBeNull()
  })
})
