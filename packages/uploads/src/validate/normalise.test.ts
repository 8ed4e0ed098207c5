import { describe, expect, it } from 'vitest'
import { parseStudentList } from '../parse/parse-students.js'
import { csv, STUDENT_HEADER, studentRow, utf8 } from '../test-support/fixtures.js'
import { normaliseIdentifier, normaliseName } from './normalise.js'

// Issue 13, defect 7: a pupil number in full-width digits or with a zero-width space was a second pupil.
describe('normaliseIdentifier', () => {
  it.each([
    ['０１２３４５６', '0123456'],
    ['\u200B0123456', '0123456'],
    ['0123\u200D456\uFEFF', '0123456'],
    ['\uFEFF 0123456 \u00AD', '0123456'],
    ['\u202A0403.019.261\u202C', '0403.019.261'],
    ['\u200E012345\u200F', '012345'],
    ['\u2066BE\u00A00403019261\u2069', 'BE 0403019261'],
  ])('%j → %s', (input, expected) => {
    expect(normaliseIdentifier(input)).toBe(expected)
  })
})

describe('normaliseName', () => {
  it('composes (NFC), strips invisible characters and trims, but keeps the letters', () => {
    expect(normaliseName(' Zoe\u0308 ')).toBe('Zoë')
    expect(normaliseName('Van\u00ADden\u200BBroeck')).toBe('VandenBroeck')
    expect(normaliseName('Ｚｏë')).toBe('Ｚｏë') // NFC keeps full-width letters; identifiers are NFKC
  })
})

describe('an upload normalises its cells before it validates them', () => {
  it('sees a full-width and a zero-width pupil number as the same pupil (a duplicate row)', async () => {
    const rows = [
      studentRow({ stamboeknummer: '0123456' }),
      studentRow({ stamboeknummer: '０１２３４５６', voornaam: 'An' }),
      studentRow({ stamboeknummer: '\u200B0123456', voornaam: 'Bo' }),
    ]
    const result = await parseStudentList(utf8(csv([STUDENT_HEADER, ...rows])), 'l.csv', {
      schoolId: '012345',
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => [e.row, e.message.split(' / ')[0]])).toEqual([
      [3, "Stamboeknummer '0123456' komt al voor op rij 2"],
      [4, "Stamboeknummer '0123456' komt al voor op rij 2"],
    ])
  })

  it('stores the normalised pupil number and names', async () => {
    const row = studentRow({ stamboeknummer: '\uFEFF０１２３４５６\u200B', voornaam: 'Zoe\u0308\u00AD' })
    const result = await parseStudentList(utf8(csv([STUDENT_HEADER, row])), 'l.csv', { schoolId: '012345' })
    expect(result.ok ? result.rows.map((r) => [r.externalId, r.firstName]) : result.errors).toEqual([
      ['0123456', 'Zoë'],
    ])
  })
})
