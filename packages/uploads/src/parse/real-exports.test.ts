// Issue 15: the shapes real school exports take — compound period headers, `soort stage` as the track,
// `;` and `,`, Windows-1252, accented e-mail addresses — and what stops a list and what doesn't.
import { describe, expect, it } from 'vitest'
import { MappingError } from '../headers/override.js'
import { csv, utf8, windows1252 } from '../test-support/fixtures.js'
import type { ParseContext } from './context.js'
import { parseStudentList } from './parse-students.js'

const BASE = ['stamboeknummer', 'naam', 'voornaam', 'geboortedatum', 'klas', 'studierichting', 'postcode']
const pupil = (n: number, extra: readonly string[]) => [
  `00${n}`,
  'Dupont',
  n === 1 ? 'Amélie' : 'Jürgen',
  '05/03/2008',
  '6LOG',
  'Logistiek',
  '9100',
  ...extra,
]
const ctx: ParseContext = { schoolId: '123456' }
const mapped = (result: Awaited<ReturnType<typeof parseStudentList>>) =>
  result.mapping.mapping
    .filter((m) => !BASE.includes(m.column))
    .map((m) => `${m.column} → ${m.field} (${m.via})`)

describe('real school exports (issue 15)', () => {
  it('reads `stageperiode van/tot` and `soort stage` in a `;` Windows-1252 export with accented e-mails', async () => {
    const header = [...BASE, 'Stageperiode van', 'Stageperiode tot', 'Soort stage', 'E-mailadres']
    const bytes = windows1252(
      csv([
        header,
        pupil(1, ['01/02/2027', '26/03/2027', 'duaal', 'amélie.dupont@école.be']),
        pupil(2, ['01/02/2027', '26/03/2027', 'stage', 'jürgen@müller.de']),
      ]),
    )
    const result = await parseStudentList(bytes, 'export.csv', ctx)
    expect(mapped(result)).toEqual([
      'Stageperiode van → periodStart (exact)',
      'Stageperiode tot → periodEnd (exact)',
      'Soort stage → track (exact)',
      'E-mailadres → email (preset:smartschool)',
    ])
    expect(result.warnings).toEqual([])
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    expect(result.rows.map((r) => [r.firstName, r.seeks, r.availability, r.email])).toEqual([
      ['Amélie', 'dual', { start: '2027-02-01', end: '2027-03-26' }, 'amélie.dupont@école.be'],
      ['Jürgen', 'internship', { start: '2027-02-01', end: '2027-03-26' }, 'jürgen@müller.de'],
    ])
  })

  it('reads `periode stage begin/einde` in a `,` UTF-8 export', async () => {
    const header = [...BASE, 'Periode stage begin', 'Periode stage einde', 'soort stage']
    const bytes = utf8(csv([header, pupil(1, ['01/02/2027', '26/03/2027', 'Duaal'])], ','))
    const result = await parseStudentList(bytes, 'export.csv', ctx)
    expect(mapped(result)).toEqual([
      'Periode stage begin → periodStart (exact)',
      'Periode stage einde → periodEnd (exact)',
      'soort stage → track (exact)',
    ])
    expect(result.ok && result.rows[0]?.seeks).toBe('dual')
  })

  it('refuses a fuzzy match whose values do not fit the field, and says so', async () => {
    // "stage vak" resembles the alias "stage van" (start date), but it holds text.
    const header = [...BASE, 'startdatum', 'einddatum', 'stage vak']
    const bytes = utf8(csv([header, pupil(1, ['01/02/2027', '26/03/2027', 'Magazijn'])]))
    const result = await parseStudentList(bytes, 'export.csv', ctx)
    expect(result.ok).toBe(true)
    expect(mapped(result)).toEqual(['startdatum → periodStart (exact)', 'einddatum → periodEnd (exact)'])
    expect(result.mapping.unmapped).toEqual([
      {
        column: 'stage vak',
        index: 9,
        reason: 'type-mismatch',
        refused: { field: 'periodStart', type: 'date' },
      },
    ])
    expect(result.warnings).toEqual([
      {
        row: 1,
        column: 'stage vak',
        message:
          "Kolom 'stage vak' lijkt op 'startdatum', maar de waarden zijn geen datums; niet gebruikt / Column 'stage vak' resembles 'startdatum', but its values are not dates; not used",
      },
    ])
  })

  it('keeps a fuzzy match whose values fit (a typo in a date header)', async () => {
    const header = [...BASE, 'startdatun', 'einddatum']
    const result = await parseStudentList(
      utf8(csv([header, pupil(1, ['01/02/2027', '26/03/2027'])])),
      'x.csv',
      ctx,
    )
    expect(mapped(result)).toEqual(['startdatun → periodStart (fuzzy)', 'einddatum → periodEnd (exact)'])
    expect(result.ok).toBe(true)
  })

  it('turns an odd optional e-mail and an unknown track into warnings; the list goes in', async () => {
    const header = [...BASE, 'startdatum', 'einddatum', 'e-mail', 'traject']
    const bytes = utf8(
      csv([
        header,
        pupil(1, ['01/02/2027', '26/03/2027', 'amélie@@school', 'zomerjob']),
        pupil(2, ['01/02/2027', '26/03/2027', 'jürgen@müller.de', 'duaal']),
      ]),
    )
    const result = await parseStudentList(bytes, 'x.csv', ctx)
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    expect(result.rows.map((r) => [r.email, r.seeks])).toEqual([
      [null, 'internship'],
      ['jürgen@müller.de', 'dual'],
    ])
    expect(result.warnings.map((w) => [w.row, w.column, w.value, w.message])).toEqual([
      [
        2,
        'traject',
        'zomerjob',
        "Traject 'zomerjob' is onbekend (verwacht stage, duaal, job of aanloopfase): 'zomerjob' blijft leeg; de lijst gaat wel door / Track 'zomerjob' is unknown (expected stage, duaal, job or aanloopfase): 'zomerjob' is left empty; the list still goes in",
      ],
      [
        2,
        'e-mail',
        'amélie@@school',
        "E-mail is geen geldig e-mailadres: 'amélie@@school' blijft leeg; de lijst gaat wel door / E-mail is not a valid e-mail address: 'amélie@@school' is left empty; the list still goes in",
      ],
    ])
  })

  it('still refuses the whole list for invalid required data', async () => {
    const header = [...BASE, 'startdatum', 'einddatum', 'e-mail']
    const bytes = utf8(
      csv([
        header,
        pupil(1, ['01/02/2027', '26/03/2027', 'nope']),
        pupil(2, ['stage', '26/03/2027', 'jürgen@müller.de']),
      ]),
    )
    const result = await parseStudentList(bytes, 'x.csv', ctx)
    expect(!result.ok && result.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [3, 'startdatum', 'stage'],
    ])
  })

  it('follows the uploader’s mapping, and refuses one naming an unknown column or field', async () => {
    const header = [...BASE, 'Periode 1', 'Periode 2', 'Soort']
    const bytes = utf8(csv([header, pupil(1, ['01/02/2027', '26/03/2027', 'duaal'])]))
    const result = await parseStudentList(bytes, 'x.csv', {
      ...ctx,
      mapping: { 'periode 1': 'startdatum', 'Periode 2': 'periodEnd', soort: 'Traject' },
    })
    expect(mapped(result)).toEqual([
      'Periode 1 → periodStart (override)',
      'Periode 2 → periodEnd (override)',
      'Soort → track (override)',
    ])
    expect(result.ok && result.rows[0]?.seeks).toBe('dual')
    await expect(
      parseStudentList(bytes, 'x.csv', { ...ctx, mapping: { 'Periode 3': 'startdatum' } }),
    ).rejects.toThrow(
      new MappingError(
        "Kolom 'Periode 3' uit de mapping staat niet in het bestand (kolommen: stamboeknummer, naam, voornaam, geboortedatum, klas, studierichting, postcode, Periode 1, Periode 2, Soort)",
        "Column 'Periode 3' of the mapping is not in the file (columns: stamboeknummer, naam, voornaam, geboortedatum, klas, studierichting, postcode, Periode 1, Periode 2, Soort)",
      ),
    )
    await expect(
      parseStudentList(bytes, 'x.csv', { ...ctx, mapping: { 'Periode 1': 'begin' } }),
    ).rejects.toThrow(/^Veld 'begin' uit de mapping bestaat niet \(velden: instellingsnummer, stamboeknummer/)
  })

  it('reuses the remembered mapping for the same headers and says so', async () => {
    const header = [...BASE, 'Periode 1', 'Periode 2']
    const bytes = utf8(csv([header, pupil(1, ['01/02/2027', '26/03/2027'])]))
    const asked: string[] = []
    const result = await parseStudentList(bytes, 'x.csv', {
      ...ctx,
      recallMapping: async (signature) => {
        asked.push(signature)
        return { 'Periode 1': 'periodStart', 'Periode 2': 'periodEnd' }
      },
    })
    expect(asked).toEqual([result.mapping.signature])
    expect(mapped(result)).toEqual([
      'Periode 1 → periodStart (remembered)',
      'Periode 2 → periodEnd (remembered)',
    ])
    expect(result.ok).toBe(true)
    expect(result.warnings.map((w) => w.message)).toEqual([
      'Mapping van de vorige upload hergebruikt (zelfde kolommen); geef een mapping mee om ze te wijzigen / Mapping of the previous upload reused (same columns); send a mapping to change it',
    ])
  })

  it('does not call a mapping remembered when our own rules map the file the same way', async () => {
    const header = [...BASE, 'startdatum', 'einddatum']
    const bytes = utf8(csv([header, pupil(1, ['01/02/2027', '26/03/2027'])]))
    const result = await parseStudentList(bytes, 'x.csv', {
      ...ctx,
      recallMapping: async () => ({ startdatum: 'periodStart', einddatum: 'periodEnd' }),
    })
    expect(mapped(result)).toEqual(['startdatum → periodStart (exact)', 'einddatum → periodEnd (exact)'])
    expect(result.warnings).toEqual([])
  })
})
