import { describe, expect, it } from 'vitest'
import { csv, nationalNumber, template, utf8 } from '../test-support/fixtures.js'
import { parsePlaceRegistration } from './parse-places.js'
import { parseStudentList } from './parse-students.js'

// Issue 13, defect 6: `1001234592` is a valid KBO number (10012345 mod 97 → check 92) that also passes
// the rijksregister check once a "lost" leading zero is put back (01.00.12-345.92). The column's meaning
// and the KBO check decide: in a KBO column it is a company, not a person.
const BARE_KBO = '1001234592'

/** The official place template with its KBO cell(s) replaced. */
function templateWith(kbo: string): Uint8Array {
  const text = new TextDecoder().decode(template('place-registration.csv'))
  return utf8(text.replaceAll('0403.019.261', kbo))
}

describe('a KBO number is not a national register number', () => {
  it('imports the place template with a bare 1-prefixed KBO number', async () => {
    const result = await parsePlaceRegistration(templateWith(BARE_KBO), 'place-registration.csv')
    expect(result.ok ? [] : result.errors).toEqual([])
    if (result.ok) expect(result.rows.every((r) => r.companyNumber === BARE_KBO)).toBe(true)
  })

  it('still refuses a real national register column, by header or by values', async () => {
    const byHeader = await parsePlaceRegistration(
      utf8(
        csv([
          ['ondernemingsnummer', 'rijksregisternummer'],
          ['0403019261', ''],
        ]),
      ),
      'p.csv',
    )
    expect(byHeader.ok).toBe(false)
    const rrns = [1, 2, 3, 4, 5].map((i) => nationalNumber(`1985-0${i}-1${i}`, 100 + i))
    const byValues = await parseStudentList(
      utf8(csv([['stamboeknummer', 'id'], ...rrns.map((r, i) => [`00${i}`, r])])),
      'l.csv',
      { schoolId: '012345' },
    )
    expect(byValues.ok).toBe(false)
    if (!byValues.ok) expect(byValues.errors[0]?.message).toContain('rijksregister')
  })

  it('still refuses 2000s national numbers whose zero Excel dropped, outside a KBO column', async () => {
    const rrns = [1, 2, 3, 4, 5].map((i) => nationalNumber(`2009-0${i}-1${i}`, 100 + i).slice(1))
    const result = await parseStudentList(
      utf8(csv([['stamboeknummer', 'nummer'], ...rrns.map((r, i) => [`00${i}`, r])])),
      'l.csv',
      { schoolId: '012345' },
    )
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[0]?.message).toContain('rijksregister')
  })

  it('refuses 11-digit national numbers even under a KBO header', async () => {
    const rrns = [1, 2, 3].map((i) => nationalNumber(`1990-0${i}-1${i}`, 200 + i))
    const result = await parsePlaceRegistration(
      utf8(csv([['ondernemingsnummer', 'bedrijfsnaam'], ...rrns.map((r) => [r, 'X'])])),
      'p.csv',
    )
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[0]?.message).toContain('rijksregister')
  })
})
