// Issue 14 (part C): what a place registration carries, through the file and JSON alike — places abroad
// (Erasmus+) only for pupils who opted in, the inclusive workplace, the contact person for schools shown
// with each proposal, the company's registered seat — and the bad input that stores nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  csv,
  PLACE_HEADER,
  place,
  pupil,
  STUDENT_HEADER,
  storedRows,
  table,
  utf8,
} from '../../../test/support/upload-files.js'
import { GEEL, kbo, MOL, multipart, openWorld, PROGRAMME, problem, type World } from './support/world.js'

const HEADER = [
  ...PLACE_HEADER,
  'land',
  'straat',
  'huisnummer',
  'inclusief',
  'zetel straat',
  'zetel huisnummer',
  'zetel postcode',
  'zetel gemeente',
] as const
const STUDENTS = [...STUDENT_HEADER, 'buitenland', 'ondersteuningsnood'] as const

let w: World
beforeAll(async () => {
  w = await openWorld()
})
afterAll(() => w?.close())

const X = (over: Record<string, string>) =>
  place('X-10', {
    ondernemingsnummer: kbo(1),
    bedrijfsnaam: 'Bedrijf X',
    postcode: GEEL,
    gemeente: 'Geel',
    studierichtingen: String(PROGRAMME.id),
    startdatum: '01/02/2027',
    einddatum: '31/03/2027',
    contactpersoon: 'Els Stagebegeleider',
    'e-mail contact': 'els@x.test',
    telefoon: '014 55 66 77',
    ...over,
  })
const abroad = (over: Record<string, string> = {}) =>
  X({
    plaatscode: 'X-NL',
    land: 'Nederland',
    postcode: '5611 AB',
    gemeente: 'Eindhoven',
    straat: 'Stationsplein',
    huisnummer: '1',
    contactpersoon: 'Joost de Vries',
    'e-mail contact': 'joost@x.test',
    telefoon: '+31 40 123 45 67',
    ...over,
  })
const seat = {
  'zetel straat': 'Markt',
  'zetel huisnummer': '1',
  'zetel postcode': GEEL,
  'zetel gemeente': 'Geel',
}
const uploadPlaces = (rows: Record<string, string>[]) =>
  w.call('companyX', {
    method: 'POST',
    url: '/company/uploads/places',
    ...multipart('plaatsen.csv', utf8(csv(table(HEADER, rows)))),
  })

describe('the place registration file and JSON carry the same place', () => {
  it('stores a place abroad, the contact person, the inclusive flag and the seat from the file; GET shows them', async () => {
    const res = await uploadPlaces([
      X({ ...seat, inclusief: 'ja', straat: 'Nieuwstraat', huisnummer: '7' }),
      abroad(),
    ])
    expect(res.statusCode, res.body).toBe(200)
    const list = await w.call('companyX', { method: 'GET', url: '/company/places?limit=200' })
    const byCode = new Map(
      (list.json().items as { externalId: string | null }[]).map((p) => [
        p.externalId,
        p as Record<string, unknown>,
      ]),
    )
    expect(byCode.get('X-10')).toMatchObject({
      kind: 'stage',
      postcode: GEEL,
      municipality: 'Geel',
      country: null,
      street: 'Nieuwstraat',
      houseNumber: '7',
      inclusive: true,
      contactName: 'Els Stagebegeleider',
      contactEmail: 'els@x.test',
      contactPhone: '014 55 66 77',
    })
    expect(byCode.get('X-NL')).toMatchObject({
      kind: 'stage',
      country: 'NL',
      postcode: '5611 AB',
      municipality: 'Eindhoven',
      street: 'Stationsplein',
      contactName: 'Joost de Vries',
    })
    const company = await w.db
      .selectFrom('company')
      .select(['seat_street', 'seat_house_number', 'seat_postcode', 'seat_municipality'])
      .where('id', '=', w.ids.companyX)
      .executeTakeFirstOrThrow()
    expect(company).toEqual({
      seat_street: 'Markt',
      seat_house_number: '1',
      seat_postcode: GEEL,
      seat_municipality: 'Geel',
    })
    // Re-uploading the same file changes nothing.
    const again = await uploadPlaces([
      X({ ...seat, inclusief: 'ja', straat: 'Nieuwstraat', huisnummer: '7' }),
      abroad(),
    ])
    expect(again.json().counts).toMatchObject({ created: 0, updated: 0, unchanged: 2 })
  })

  it('registers the same place abroad through JSON, in the file’s words, and answers in them', async () => {
    const body = {
      externalId: 'X-DE',
      kind: 'stage',
      country: 'Duitsland',
      postcode: '52062',
      municipality: 'Aachen',
      street: 'Markt',
      houseNumber: '3',
      programmes: [PROGRAMME.id],
      capacity: 1,
      period: { start: '2027-02-01', end: '2027-03-31' },
      hours: { start: '08:00', end: '16:00' },
      sector: 'logistiek',
      inclusive: true,
      contactName: 'Greta Müller',
      contactEmail: 'greta@x.test',
      contactPhone: '+49 241 1234',
      workstation: 'Magazijn',
      risks: ['lawaai'],
      healthSurveillance: true,
      healthSurveillanceType: 'gehoor',
    }
    const res = await w.call('companyX', { method: 'POST', url: '/company/places', payload: body })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      externalId: 'X-DE',
      kind: 'stage',
      country: 'DE',
      postcode: '52062',
      municipality: 'Aachen',
      street: 'Markt',
      inclusive: true,
      contactName: 'Greta Müller',
      contactEmail: 'greta@x.test',
      workstation: 'Magazijn',
      risks: ['lawaai'],
      healthSurveillance: true,
      healthSurveillanceType: 'gehoor',
    })
    // The older API words still work, and the answer uses the file's.
    const legacy = await w.call('companyX', {
      method: 'POST',
      url: '/company/places',
      payload: {
        ...body,
        externalId: 'X-OLD',
        kind: 'internship',
        country: null,
        postcode: MOL,
        municipality: null,
        street: null,
      },
    })
    expect(legacy.statusCode, legacy.body).toBe(201)
    expect(legacy.json()).toMatchObject({ kind: 'stage', country: null, postcode: MOL, municipality: 'Mol' })
    // PATCH moves it abroad: the Belgian postcode goes, the country comes.
    const moved = await w.call('companyX', {
      method: 'PATCH',
      url: `/company/places/${legacy.json().id}`,
      payload: { country: 'FR', postcode: '59000', municipality: 'Lille', street: 'Rue Nationale' },
    })
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json()).toMatchObject({ country: 'FR', postcode: '59000', municipality: 'Lille' })
  })

  it.each([
    ['an unknown country', { country: 'Atlantis', municipality: 'X', street: 'Y' }, 'onbekend land'],
    ['a Belgian place without postcode', { postcode: null }, 'Postcode is verplicht'],
    [
      'a foreign postcode without country',
      { postcode: '5611 AB' },
      'vul voor een plaats in het buitenland het land in',
    ],
    [
      'a place abroad without city',
      { country: 'NL', postcode: null },
      'Gemeente (stad) en straat zijn verplicht',
    ],
    ['a bad contact e-mail', { contactEmail: 'geen-adres' }, 'geen geldig e-mailadres'],
  ])('refuses %s in JSON, Dutch first, storing nothing', async (_name, over, dutch) => {
    const before = await storedRows(w.db)
    const res = await w.call('companyX', {
      method: 'POST',
      url: '/company/places',
      payload: {
        kind: 'duaal',
        postcode: GEEL,
        programmes: [PROGRAMME.id],
        capacity: 1,
        period: { start: '2027-02-01', end: '2027-03-31' },
        hours: { start: '08:00', end: '16:00' },
        sector: 'logistiek',
        ...over,
      },
    })
    expect(res.statusCode).toBeGreaterThanOrEqual(400)
    expect(res.statusCode).toBeLessThan(500)
    expect(JSON.stringify(problem(res))).toContain(dutch)
    expect(await storedRows(w.db)).toEqual(before)
  })

  it('refuses bad rows in the file with row, column and value, Dutch first, storing nothing', async () => {
    const before = await storedRows(w.db)
    const res = await uploadPlaces([
      X({ plaatscode: 'OK' }),
      X({ plaatscode: 'B1', postcode: '5611 AB', gemeente: 'Eindhoven' }), // abroad without country
      abroad({ plaatscode: 'B2', land: 'Atlantis' }), // unknown country
      X({ plaatscode: 'B3', postcode: '' }), // Belgian without postcode
      X({ plaatscode: 'B4', 'e-mail contact': 'els-at-x.test' }), // bad contact e-mail
      abroad({ plaatscode: 'B5', gemeente: '' }), // abroad without city
      X({ plaatscode: 'B6', 'zetel straat': 'Markt' }), // half a seat
    ])
    expect(res.statusCode).toBe(422)
    const errors = problem(res).errors as { row: number; column: string; value: string; message: string }[]
    expect(errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [3, 'postcode', '5611 AB'],
      [4, 'land', 'Atlantis'],
      [5, 'postcode', ''],
      [6, 'e-mail contact', 'els-at-x.test'],
      [7, 'gemeente', ''],
      [8, 'zetel postcode', ''],
      [8, 'zetel gemeente', ''],
    ])
    expect(errors[0]!.message).toMatch(
      /^Postcode '5611 AB' is geen Belgische postcode; .*\(kolom Land\) \/ Postcode '5611 AB' is not/,
    )
    expect(errors[1]!.message).toMatch(/^Land 'Atlantis' is onbekend .* \/ Country 'Atlantis' is unknown/)
    expect(errors[3]!.message).toMatch(/^E-mail contactpersoon is geen geldig e-mailadres \/ /)
    expect(await storedRows(w.db)).toEqual(before)
  })
})

describe('a place abroad only for a pupil who opted in; the school sees the contact person', () => {
  it('proposes the place abroad to the pupil who chose it and never to the one who did not', async () => {
    // Only the place abroad is open for the programme, so a pupil without the opt-in has nothing else to be given.
    await w.db.updateTable('place').set({ status: 'closed' }).where('country', 'is', null).execute()
    await w.db
      .updateTable('place')
      .set({ status: 'closed' })
      .where('external_id', 'in', ['X-DE', 'X-OLD'])
      .execute()
    const pupils = [
      pupil('E-YES', { buitenland: 'ja' }),
      pupil('E-NO', { buitenland: 'nee' }),
      pupil('E-BLANK', { ondersteuningsnood: 'ja' }),
    ].map((p) => ({
      ...p,
      instellingsnummer: '3003',
      studierichting: String(PROGRAMME.id),
      postcode: MOL,
      gemeente: 'Mol',
      startdatum: '01/02/2027',
      einddatum: '31/03/2027',
    }))
    const up = await w.call('schoolB', {
      method: 'POST',
      url: '/school/uploads/students',
      ...multipart('lijst.csv', utf8(csv(table(STUDENTS, pupils)))),
    })
    expect(up.statusCode, up.body).toBe(200)
    const flags = await w.db
      .selectFrom('student')
      .select(['id', 'external_id', 'abroad', 'needs_inclusive'])
      .where('external_id', 'like', 'E-%')
      .orderBy('external_id')
      .execute()
    expect(flags.map(({ id: _, ...f }) => f)).toEqual([
      { external_id: 'E-BLANK', abroad: false, needs_inclusive: true },
      { external_id: 'E-NO', abroad: false, needs_inclusive: false },
      { external_id: 'E-YES', abroad: true, needs_inclusive: false },
    ])

    const yes = await w.call('schoolB', { method: 'GET', url: `/school/students/${flags[2]!.id}` })
    expect(yes.json()).toMatchObject({ externalId: 'E-YES', abroad: true, needsInclusive: false })

    const night = await w.runNight(true)
    const proposals = await w.db
      .selectFrom('proposal as p')
      .innerJoin('student as s', 's.id', 'p.student_id')
      .innerJoin('place as pl', 'pl.id', 'p.place_id')
      .select(['s.external_id', 'pl.country'])
      .where('p.run_id', '=', night.run.id)
      .where('s.external_id', 'like', 'E-%')
      .execute()
    expect(proposals).toContainEqual({ external_id: 'E-YES', country: 'NL' })
    expect(proposals.filter((p) => p.external_id !== 'E-YES')).toEqual([])
    const reasons = await w.db
      .selectFrom('match_outcome as o')
      .innerJoin('student as s', 's.id', 'o.student_id')
      .select(['s.external_id', 'o.status'])
      .where('o.run_id', '=', night.run.id)
      .where('s.external_id', 'in', ['E-NO', 'E-BLANK'])
      .orderBy('s.external_id')
      .execute()
    expect(reasons.map((r) => r.status)).toEqual(['unmatched', 'unmatched'])

    // The school sees the place's contact person with the proposal; the company view does not carry it.
    const school = await w.call('schoolB', { method: 'GET', url: '/school/proposals?limit=200' })
    const mine = (
      school.json().items as { id: string; student: { firstName: string }; place: Record<string, unknown> }[]
    ).find((p) => p.place.country === 'NL')
    expect(mine?.place).toMatchObject({
      country: 'NL',
      municipality: 'Eindhoven',
      contact: { name: 'Joost de Vries', email: 'joost@x.test', phone: '+31 40 123 45 67' },
    })
    // …and the coordinator's mail names it next to the company, with the country of the place abroad.
    const mails = await w.db
      .selectFrom('mail_outbox')
      .select(['kind', 'text_body'])
      .where('run_id', '=', night.run.id)
      .execute()
    const coordinator = mails.find((m) => m.kind === 'coordinator' && m.text_body.includes('Eindhoven'))
    expect(coordinator?.text_body).toContain('Eindhoven (NL)')
    expect(coordinator?.text_body).toContain('Contactpersoon: Joost de Vries, +31 40 123 45 67, joost@x.test')
    expect(
      mails
        .filter((m) => m.kind === 'company')
        .map((m) => m.text_body)
        .join('\n'),
    ).not.toContain('joost@x.test')
    // The school accepts; the agreement names the company's registered seat from the place file.
    const accept = await w.call('schoolB', {
      method: 'PATCH',
      url: `/school/proposals/${mine!.id}`,
      payload: { status: 'accepted' },
    })
    expect(accept.statusCode, accept.body).toBe(200)
    const docs = await w.call('schoolB', { url: `/school/proposals/${mine!.id}/documents` })
    expect(docs.statusCode, docs.body).toBe(200)
    const agreement = (docs.json().documents as { kind: string; missing: string[] }[]).find(
      (d) => d.kind === 'agreement',
    )
    expect(agreement?.missing).not.toContain('adres van de maatschappelijke zetel van de stagegever')
    const html = await w.call('schoolB', {
      url: `/school/proposals/${mine!.id}/documents/agreement?format=html`,
    })
    expect(html.body).toContain('Markt 1, 2440 Geel')
    const company = await w.call('companyX', { method: 'GET', url: '/company/proposals?limit=200' })
    expect(company.statusCode).toBe(200)
    expect(company.body).not.toContain('joost@x.test')
  })
})
