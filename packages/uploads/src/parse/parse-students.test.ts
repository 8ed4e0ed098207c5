import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { UploadError } from '../errors.js'
import {
  csv,
  nationalNumber,
  STUDENT_HEADER,
  studentRow,
  template,
  utf8,
  windows1252,
} from '../test-support/fixtures.js'
import { parseStudentList } from './parse-students.js'

const list = (rows: string[][], header = STUDENT_HEADER) => utf8(csv([header, ...rows]))
const ctx = { schoolId: '123456' }

async function errorsOf(bytes: Uint8Array) {
  const result = await parseStudentList(bytes, 'lijst.csv', ctx)
  if (result.ok) throw new Error('expected errors')
  return result.errors
}

describe('parseStudentList', () => {
  it('parses the CSV template into a resolved row', async () => {
    const result = await parseStudentList(template('placement-list.csv'), 'placement-list.csv')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.warnings).toEqual([])
    expect(result.rows).toEqual([
      {
        row: 2,
        schoolId: '123456',
        externalId: '0123456',
        firstName: 'Zoë',
        lastName: 'Peeters',
        birthDate: '2008-03-05',
        className: '6LOG',
        programme: 540,
        programmeName: 'Logistiek',
        grade: 3,
        year: 2,
        adminGroup: '6LOG-A',
        seeks: 'internship',
        workReadiness: 'ready',
        home: { postcode: '9100', lat: 51.1793, lon: 4.1608 },
        municipality: 'Sint-Niklaas',
        street: 'Kerkstraat',
        houseNumber: '12',
        box: null,
        email: 'zoe.peeters@example.be',
        availability: { start: '2027-02-01', end: '2027-03-26' },
        competences: expect.any(Array),
        drivingLicence: false,
        maxTravelKm: 25,
        priority: false,
        needsInclusive: false,
        abroad: false,
        wishes: ['Logistiek'],
        interests: expect.any(Array),
        firstTwoYearsDone: true,
        travelFrom: 'home',
        guardianName: 'Els Peeters',
        guardianPhone: '0470 12 34 56',
        guardianEmail: 'els.peeters@example.be',
        dutchLevel: 'B2',
      },
    ])
    expect(result.rows[0]?.competences).toHaveLength(2)
    expect(result.rows[0]?.interests).toHaveLength(1)
  })

  it('parses the XLSX template the same way', async () => {
    const fromCsv = await parseStudentList(template('placement-list.csv'), 'placement-list.csv')
    const fromXlsx = await parseStudentList(template('placement-list.xlsx'), 'placement-list.xlsx')
    expect(fromXlsx).toEqual(fromCsv)
  })

  it('reads wishes in order, the first two years, the travel origin and the parents (issue 15)', async () => {
    const extra = [
      'wensen',
      'eerste graad afgewerkt',
      'afstand vanaf',
      'naam ouder',
      'e-mail ouder',
      'niveau nederlands',
    ]
    const row = (values: string[]) => [...studentRow(), ...values]
    const bytes = list(
      [
        row([
          // In a `;`-separated file a list of wishes is quoted, as a spreadsheet saves it.
          '"Logistiek; 0403.170.701/MAG-1 ;;Colruyt;Logistiek"',
          'ja',
          'School',
          'Ann Maes',
          'ann.maes@example.be',
          'a2',
        ]),
        [...studentRow({ stamboeknummer: '0123457' }), ...['', 'nee', 'bus', 'Piet', 'piet@@example', 'D4']],
      ],
      [...STUDENT_HEADER, ...extra],
    )
    const result = await parseStudentList(bytes, 'lijst.csv', ctx)
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    const [first, second] = result.rows
    expect(first).toMatchObject({
      wishes: ['Logistiek', '0403.170.701/MAG-1', 'Colruyt'],
      firstTwoYearsDone: true,
      travelFrom: 'school',
      guardianName: 'Ann Maes',
      guardianEmail: 'ann.maes@example.be',
      dutchLevel: 'A2',
    })
    // Invalid optional values are warnings, left empty; the list goes in.
    expect(second).toMatchObject({
      wishes: [],
      firstTwoYearsDone: false,
      travelFrom: 'home',
      guardianName: 'Piet',
      guardianEmail: null,
      dutchLevel: null,
    })
    expect(result.warnings.map((w) => [w.row, w.column])).toEqual([
      [3, 'afstand vanaf'],
      [3, 'e-mail ouder'],
      [3, 'niveau nederlands'],
    ])
    expect(result.warnings[1]?.message).toMatch(
      /^E-mail ouder\/voogd is geen geldig e-mailadres: 'piet@@example' leeg gelaten \/ /,
    )
  })

  it('reports 31/02 with row and column', async () => {
    const errors = await errorsOf(
      list([studentRow(), studentRow({ stamboeknummer: '2', geboortedatum: '31/02/2008' })]),
    )
    expect(errors).toEqual([
      {
        row: 3,
        column: 'geboortedatum',
        value: '31/02/2008',
        message:
          'Geboortedatum is geen geldige datum (verwacht dd/mm/jjjj) / Birth date is not a valid date (expected dd/mm/yyyy)',
      },
    ])
  })

  it('refuses a rijksregisternummer column by header and never returns its values', async () => {
    const header = [...STUDENT_HEADER, 'Rijksregisternummer']
    const rrn = nationalNumber('2008-03-05', 33)
    const result = await parseStudentList(list([[...studentRow(), rrn]], header), 'x.csv', ctx)
    expect(result.ok).toBe(false)
    expect(JSON.stringify(result)).not.toContain(rrn)
    if (!result.ok)
      expect(result.errors[0]?.message).toContain("Kolom 'Rijksregisternummer' bevat rijksregister")
  })

  it('refuses an innocently named column whose values are national numbers', async () => {
    const header = [...STUDENT_HEADER, 'ID']
    const rows = [1, 2, 3, 4, 5].map((i) => [
      ...studentRow({ stamboeknummer: String(i) }),
      i === 1
        ? nationalNumber('2009-06-01', i).slice(1)
        : i === 2
          ? nationalNumber('1999-12-31', i)
          : String(i),
    ])
    const result = await parseStudentList(list(rows, header), 'x.csv', ctx)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors.map((e) => [e.row, e.column, e.value])).toEqual([[1, 'ID', '']])
  })

  it('suggests a programme for a typo', async () => {
    const errors = await errorsOf(list([studentRow({ studierichting: 'Logistiekk beheer' })]))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ row: 2, column: 'studierichting', value: 'Logistiekk beheer' })
    expect(errors[0]?.message).toMatch(/bedoelde u '.*Logistiek.*'\? \/ Programme .* did you mean/)
  })

  it('tells same-titled programmes apart by grade or asks for it', async () => {
    const header = [...STUDENT_HEADER, 'graad']
    const ok = await parseStudentList(
      list([[...studentRow({ studierichting: 'Elektrotechnieken' }), '3']], header),
      'x.csv',
      ctx,
    )
    expect(ok.ok && ok.rows[0]?.programme).toBe(460)
    const errors = await errorsOf(list([studentRow({ studierichting: 'Elektrotechnieken' })]))
    expect(errors[0]?.message).toContain('nr 92 (graad 2), nr 460 (graad 3)')
  })

  it('reports a duplicate stamboeknummer on the later row', async () => {
    const errors = await errorsOf(list([studentRow(), studentRow({ voornaam: 'Jan' })]))
    expect(errors).toEqual([
      {
        row: 3,
        column: 'stamboeknummer',
        value: '0123456',
        message:
          "Stamboeknummer '0123456' komt al voor op rij 2 / Pupil number '0123456' already appears on row 2",
      },
    ])
  })

  it('checks postcode existence and the municipality', async () => {
    const errors = await errorsOf(
      list([studentRow({ postcode: '9999' }), studentRow({ stamboeknummer: '2', gemeente: 'Hasselt' })]),
    )
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'postcode'],
      [3, 'gemeente'],
    ])
    expect(errors[1]?.message).toContain("Postcode 9100 hoort niet bij 'Hasselt' (wel bij Sint-Niklaas)")
  })

  it('accepts a deelgemeente and an abbreviated Sint', async () => {
    const result = await parseStudentList(
      list([
        studentRow({ gemeente: 'Nieuwkerken-Waas' }),
        studentRow({ stamboeknummer: '2', gemeente: 'St.-Niklaas' }),
      ]),
      'x.csv',
      ctx,
    )
    expect(result.ok).toBe(true)
  })

  it('reports period end before start and missing required values', async () => {
    const errors = await errorsOf(list([studentRow({ einddatum: '01/01/2027', naam: '' })]))
    expect(errors.map((e) => [e.column, e.message])).toEqual([
      ['naam', 'Naam is verplicht / Last name is required'],
      ['einddatum', 'Einddatum moet na de startdatum liggen / End date must be after the start date'],
    ])
  })

  it('treats formula-looking text as plain text and validates it', async () => {
    const header = [...STUDENT_HEADER, 'e-mail']
    const errors = await errorsOf(
      list([[...studentRow({ naam: '=HYPERLINK("http://x")', geboortedatum: '=NOW()' }), '@evil']], header),
    )
    expect(errors.map((e) => [e.column, e.value])).toEqual([['geboortedatum', '=NOW()']])
    const result = await parseStudentList(list([studentRow({ naam: '=1+1' })]), 'x.csv', ctx)
    expect(result.ok && result.rows[0]?.lastName).toBe('=1+1')
  })

  it('reports missing required columns and the instellingsnummer when there is no context', async () => {
    const result = await parseStudentList(
      utf8(
        csv([
          ['naam', 'voornaam'],
          ['A', 'B'],
        ]),
      ),
      'x.csv',
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => e.column)).toEqual([
      'stamboeknummer',
      'geboortedatum',
      'klas',
      'studierichting',
      'postcode',
      'startdatum',
      'einddatum',
    ])
  })

  it('maps a Wisa export', async () => {
    const header = [
      'stamboeknummer',
      'naam',
      'voornaam',
      'geboortedatum',
      'klascode',
      'studierichting',
      'postnummer',
      'gemeente',
      'startdatum',
      'einddatum',
      'administratievecode',
    ]
    const result = await parseStudentList(list([[...studentRow(), 'ADM1']], header), 'wisa.csv', ctx)
    expect(result.ok).toBe(true)
    expect(result.mapping.mapping.find((m) => m.column === 'postnummer')).toMatchObject({
      field: 'postcode',
      via: 'preset:wisa',
    })
  })

  it('parses a 10,000-row list', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      studentRow({ stamboeknummer: String(i).padStart(7, '0') }),
    )
    const result = await parseStudentList(list(rows), 'groot.csv', ctx)
    expect(result.ok && result.rows.length).toBe(10_000)
    expect(result.ok && result.rows[9_999]?.row).toBe(10_001)
  })

  it('rejects an unreadable file with UploadError', async () => {
    await expect(
      parseStudentList(new Uint8Array([0x50, 0x4b, 3, 4, 1]), 'x.xlsx', ctx),
    ).rejects.toBeInstanceOf(UploadError)
  })
  it('reads a Windows-1252 export end to end', async () => {
    const bytes = windows1252(csv([STUDENT_HEADER, studentRow({ voornaam: 'Zoë', naam: 'Hélène' })]))
    const result = await parseStudentList(bytes, 'export.csv', ctx)
    expect(result.ok && [result.rows[0]?.firstName, result.rows[0]?.lastName]).toEqual(['Zoë', 'Hélène'])
  })

  it('never throws anything but UploadError on random bytes or random cells', async () => {
    const cellText = fc.string({ maxLength: 12 })
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 600 }).map((bytes) => bytes),
          fc.array(fc.array(cellText, { maxLength: 12 }), { maxLength: 6 }).map((rows) => list(rows)),
        ),
        async (bytes) => {
          try {
            await parseStudentList(bytes, 'x.csv', ctx)
          } catch (error) {
            expect(error).toBeInstanceOf(UploadError)
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('parseStudentList — bad input', () => {
  it('refuses a huge cell and a control character as errors on their row and column, echoing at most 200 characters', async () => {
    const errors = await errorsOf(
      list([
        studentRow({ naam: 'x'.repeat(5000) }),
        studentRow({ stamboeknummer: '0000002', voornaam: 'Zo\u001bë' }),
      ]),
    )
    expect(errors).toEqual([
      {
        row: 2,
        column: 'naam',
        value: `${'x'.repeat(200)}…`,
        message:
          'Deze cel heeft 5.000 tekens; hoogstens 2.000 tekens / This cell has 5,000 characters; at most 2,000 characters',
      },
      {
        row: 3,
        column: 'voornaam',
        value: 'Zo\u001bë',
        message:
          'Deze cel bevat een ongeldig (stuur)teken / This cell contains an invalid (control) character',
      },
    ])
  })

  it('refuses a header that is not one: a 300-character title, 600 columns', async () => {
    expect(await errorsOf(list([studentRow()], [...STUDENT_HEADER, 'k'.repeat(300)]))).toEqual([
      expect.objectContaining({
        row: 1,
        message: expect.stringMatching(/^Kolomkop van 300 tekens; hoogstens 200/),
      }),
    ])
    const wide = [...STUDENT_HEADER, ...Array.from({ length: 600 }, (_, i) => `extra ${i}`)]
    expect(await errorsOf(list([studentRow()], wide))).toEqual([
      expect.objectContaining({
        row: 1,
        message: expect.stringMatching(/^Het bestand heeft 610 kolommen; hoogstens 500/),
      }),
    ])
  })

  it('refuses a file that mixes UTF-8 and Windows-1252, and a file with NUL bytes', async () => {
    const mixed = new Uint8Array([
      ...list([studentRow()]),
      ...windows1252(csv([studentRow({ stamboeknummer: '0000002', voornaam: 'Noé' })])),
    ])
    await expect(parseStudentList(mixed, 'lijst.csv', ctx)).rejects.toMatchObject({ code: 'mixed_encoding' })
    const utf16 = new Uint8Array([...utf8(csv([STUDENT_HEADER]))].flatMap((b) => [b, 0]))
    await expect(parseStudentList(utf16, 'lijst.csv', ctx)).rejects.toMatchObject({
      code: 'corrupt_file',
      messageNl: expect.stringMatching(/^Het bestand bevat NUL-tekens/),
    })
  })

  it('counts a million CSV rows over the limit without keeping them', async () => {
    const header = utf8(`${STUDENT_HEADER.join(';')}\r\n`)
    const bytes = new Uint8Array(header.length + 3 * 1_000_000)
    bytes.set(header)
    for (let i = header.length; i < bytes.length; i += 3) bytes.set([0x78, 0x0d, 0x0a], i)
    await expect(
      parseStudentList(bytes, 'lijst.csv', { ...ctx, maxBytes: 4 * 1024 * 1024 }),
    ).rejects.toMatchObject({
      code: 'too_many_rows',
      messageEn: 'The file has 1,000,000 rows; the limit is 20,000 rows per upload. Split the file',
    })
  })
})
