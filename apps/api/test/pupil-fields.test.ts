// Issue 15 (part B) through the doors: a hand-written class list (accents, namesakes, a pupil with
// wishes, one needing an inclusive place, a 15-year-old who finished the first two years, one who
// travels from school) uploaded by a school key; the places by a company's place file; a night.
// Nothing a user would enter is written into the database here; the database is only read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  csv,
  PLACE_HEADER,
  place,
  pupil,
  STUDENT_HEADER,
  table,
  utf8,
} from '../../../test/support/upload-files.js'
import { kbo, multipart, openWorld, problem, type World } from './support/world.js'

const STUDENT_COLUMNS = [
  ...STUDENT_HEADER,
  'straat',
  'huisnummer',
  'wensen',
  'ondersteuningsnood',
  'kwetsbaar',
  'eerste graad afgewerkt',
  'max km',
  'afstand vanaf',
  'naam ouder',
  'telefoon ouder',
  'e-mail ouder',
  'niveau nederlands',
]
const PLACE_COLUMNS = [...PLACE_HEADER, 'sector', 'inclusief']

/** A pupil of school D (3004, in Mol) living in Mol, Logistiek, period 01/02–26/03/2027. */
const mol = (id: string, over: Record<string, string> = {}) =>
  pupil(id, { instellingsnummer: '3004', postcode: '2400', gemeente: 'Mol', 'max km': '20', ...over })
const molPlace = (code: string, over: Record<string, string> = {}) =>
  place(code, {
    ondernemingsnummer: kbo(1),
    bedrijfsnaam: 'Kempen Logistiek NV',
    postcode: '2400',
    gemeente: 'Mol',
    studierichtingen: 'Logistiek',
    'aantal plaatsen': '1',
    // The place's window is wider than the pupils' own period.
    startdatum: '15/01/2027',
    einddatum: '30/04/2027',
    sector: 'Logistiek',
    ...over,
  })

const classList = (rows: Record<string, string>[]) =>
  multipart('klaslijst.csv', utf8(csv(table(STUDENT_COLUMNS, rows))))

interface Outcome {
  external_id: string
  status: string
  unmatched_reason: string | null
  place: string | null
  reasons: { code: string; text: string }[] | null
  proposal: string | null
}

describe('the placement list feeds the rules, the scores and the agreement (issue 15)', () => {
  let w: World
  let upload: { warnings: { row: number; column: string; message: string }[] }
  let outcomes: Map<string, Outcome>

  beforeAll(async () => {
    w = await openWorld()
    const places = await w.call('companyX', {
      method: 'POST',
      url: '/company/uploads/places',
      ...multipart(
        'plaatsen.csv',
        utf8(
          csv(
            table(PLACE_COLUMNS, [
              molPlace('MOL-A', { 'aantal plaatsen': '3' }),
              molPlace('MOL-B'),
              molPlace('MOL-I', { inclusief: 'ja' }),
            ]),
          ),
        ),
      ),
    })
    expect(places.statusCode, places.body).toBe(200)

    const res = await w.call('schoolD', {
      method: 'POST',
      url: '/school/uploads/students',
      ...classList([
        // Two namesakes: same name, other number and birth date.
        mol('D-01', { naam: 'Peeters', voornaam: 'Amélie', wensen: `${kbo(1)}/MOL-B; Logistiek` }),
        mol('D-02', {
          naam: 'Peeters',
          voornaam: 'Amélie',
          geboortedatum: '17/11/2008',
          wensen: 'Onbekende Firma BV',
        }),
        // Ondersteuningsnood: only an inclusive place fits; kwetsbaar, so that place ranks her first.
        mol('D-03', { naam: 'Çelik', voornaam: 'Zoë', ondersteuningsnood: 'ja', kwetsbaar: 'ja' }),
        // 15 on the start date, first two years of secondary done.
        mol('D-04', {
          naam: 'Van den Broeck',
          voornaam: 'Noé',
          geboortedatum: '01/09/2011',
          'eerste graad afgewerkt': 'ja',
          straat: 'Kerkstraat',
          huisnummer: '12',
          'naam ouder': 'Els Van den Broeck',
          'telefoon ouder': '0470 12 34 56',
          'e-mail ouder': 'els.vandenbroeck@example.be',
          'niveau nederlands': 'b1',
        }),
        // Live in Gent (9000), 20 km: from home no place in Mol is in range, from school (Mol) it is.
        mol('D-05', { voornaam: 'Jonas', postcode: '9000', gemeente: 'Gent', 'afstand vanaf': 'school' }),
        mol('D-06', { voornaam: 'Jonas', postcode: '9000', gemeente: 'Gent', 'afstand vanaf': 'thuis' }),
      ]),
    })
    expect(res.statusCode, res.body).toBe(200)
    upload = res.json()

    const night = await w.runNight(true)
    const rows = await w.db
      .selectFrom('match_outcome as o')
      .innerJoin('student as s', 's.id', 'o.student_id')
      .innerJoin('school as sc', 'sc.id', 's.school_id')
      .leftJoin('place as p', 'p.id', 'o.place_id')
      .leftJoin('proposal as pr', (j) =>
        j.onRef('pr.run_id', '=', 'o.run_id').onRef('pr.student_id', '=', 'o.student_id'),
      )
      .select([
        's.external_id',
        'o.status',
        'o.unmatched_reason',
        'p.external_id as place',
        'pr.reasons',
        'pr.id as proposal',
      ])
      .where('o.run_id', '=', night.run.id)
      .where('sc.instellingsnummer', '=', '3004')
      .execute()
    outcomes = new Map(rows.map((r) => [r.external_id, r as Outcome]))
  })
  afterAll(() => w?.close())

  const of = (id: string) => {
    const o = outcomes.get(id)
    if (o === undefined) throw new Error(`no outcome for ${id}`)
    return o
  }

  it('an unknown wish is a warning, not a refusal', () => {
    expect(upload.warnings).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'wensen',
        message: expect.stringMatching(
          /^Wens 'Onbekende Firma BV' overgeslagen: .* \/ Wish 'Onbekende Firma BV' skipped/,
        ),
      }),
    ])
  })

  it("the pupil's first wish scores and says so", () => {
    expect(of('D-01')).toMatchObject({ status: 'matched', place: 'MOL-B' })
    expect(of('D-01').reasons).toContainEqual({ code: 'wish', text: 'eerste wens van de leerling' })
    // The namesake's wish was unknown: no wish reason.
    expect(of('D-02').reasons?.map((r) => r.code) ?? []).not.toContain('wish')
  })

  it('a pupil needing an inclusive workplace gets the inclusive place', () => {
    expect(of('D-03')).toMatchObject({ status: 'matched', place: 'MOL-I' })
  })

  it('a 15-year-old who finished the first two years is not too young', () => {
    expect(of('D-04').status, of('D-04').unmatched_reason ?? '').toBe('matched')
  })

  it('the distance counts from school when the list says so', () => {
    expect(of('D-05').status, of('D-05').unmatched_reason ?? '').toBe('matched')
    // The school reads where the distance counts from.
    expect(of('D-05').reasons).toContainEqual({
      code: 'distance',
      text: expect.stringMatching(/ km van school$/),
    })
    expect(of('D-01').reasons).toContainEqual({
      code: 'distance',
      text: expect.stringMatching(/ km van huis$/),
    })
    expect(of('D-06').status).toBe('unmatched')
    expect(of('D-06').unmatched_reason).toContain('binnen 20 km')
  })

  it('the school reads the new fields on GET /school/students/:id', async () => {
    const ids = await w.db
      .selectFrom('student')
      .select(['id', 'external_id'])
      .where('external_id', 'in', ['D-01', 'D-04', 'D-05'])
      .execute()
    const id = (ext: string) => ids.find((r) => r.external_id === ext)!.id
    const molB = await w.db
      .selectFrom('place')
      .select('id')
      .where('external_id', '=', 'MOL-B')
      .executeTakeFirstOrThrow()
    const wisher = (await w.call('schoolD', { url: `/school/students/${id('D-01')}` })).json()
    expect(wisher.wishes).toEqual([
      { kind: 'place', id: molB.id },
      { kind: 'sector', id: 'Logistiek' },
    ])
    const young = await w.call('schoolD', { url: `/school/students/${id('D-04')}` })
    expect(young.statusCode, young.body).toBe(200)
    expect(young.json()).toMatchObject({
      firstTwoYearsDone: true,
      travelFrom: 'home',
      address: { street: 'Kerkstraat', houseNumber: '12', box: null, postcode: '2400', municipality: 'Mol' },
      guardian: { name: 'Els Van den Broeck', phone: '0470 12 34 56', email: 'els.vandenbroeck@example.be' },
      dutchLevel: 'B1',
    })
    expect((await w.call('schoolD', { url: `/school/students/${id('D-05')}` })).json().travelFrom).toBe(
      'school',
    )
  })

  it("the agreement shows the pupil's own period, address and parents", async () => {
    const proposal = of('D-04').proposal!
    const accept = await w.call('schoolD', {
      method: 'PATCH',
      url: `/school/proposals/${proposal}`,
      payload: { status: 'accepted' },
    })
    expect(accept.statusCode, accept.body).toBe(200)
    const html = await w.call('schoolD', {
      url: `/school/proposals/${proposal}/documents/agreement?format=html`,
    })
    expect(html.statusCode, html.body).toBe(200)
    const text = html.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
    expect(text).toContain('van 01/02/2027 tot en met 26/03/2027')
    expect(text).not.toContain('15/01/2027')
    expect(text).toContain('Kerkstraat 12, 2400 Mol')
    expect(text).toContain('Els Van den Broeck (0470 12 34 56, els.vandenbroeck@example.be)')
  })

  it('a postcode that is not in the municipality refuses the list; a bad parent e-mail is a warning', async () => {
    const refused = await w.call('schoolD', {
      method: 'POST',
      url: '/school/uploads/students',
      ...classList([mol('D-01'), mol('D-07', { postcode: '2440', gemeente: 'Mol' })]),
    })
    expect(refused.statusCode).toBe(422)
    const errors = (problem(refused) as unknown as { errors: { row: number; column: string }[] }).errors
    expect(errors.map((e) => [e.row, e.column])).toEqual([[3, 'gemeente']])

    const warned = await w.call('schoolD', {
      method: 'POST',
      url: '/school/uploads/students',
      ...classList([mol('D-01', { 'naam ouder': 'Piet Peeters', 'e-mail ouder': 'piet@@example' })]),
    })
    expect(warned.statusCode, warned.body).toBe(200)
    const warnings = warned.json().warnings as { column: string }[]
    expect(warnings.filter((x) => x.column === 'e-mail ouder')).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'e-mail ouder',
        message: expect.stringContaining('leeg gelaten'),
      }),
    ])
    const stored = await w.db
      .selectFrom('student')
      .select(['guardian_name', 'guardian_email'])
      .where('external_id', '=', 'D-01')
      .executeTakeFirstOrThrow()
    expect(stored).toEqual({ guardian_name: 'Piet Peeters', guardian_email: null })
  })
})
