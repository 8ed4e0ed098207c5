import { describe, expect, it } from 'vitest'
import { csv, template, utf8 } from '../test-support/fixtures.js'
import { parsePlaceRegistration } from './parse-places.js'

const HEADER = [
  'ondernemingsnummer',
  'bedrijfsnaam',
  'postcode',
  'soort',
  'studierichtingen',
  'aantal plaatsen',
  'startdatum',
  'einddatum',
  'beginuur',
  'einduur',
  'e-mail contact',
]
const place = (o: Partial<Record<string, string>> = {}): string[] => {
  const base: Record<string, string> = {
    ondernemingsnummer: '0403.019.261',
    bedrijfsnaam: 'Voorbeeld NV',
    postcode: '3500',
    soort: 'stage',
    studierichtingen: 'Logistiek',
    'aantal plaatsen': '2',
    startdatum: '01/02/2027',
    einddatum: '26/03/2027',
    beginuur: '8:00',
    einduur: '16:30',
    'e-mail contact': 'stage@example.be',
    ...o,
  }
  return HEADER.map((h) => base[h] ?? '')
}
const upload = (rows: string[][]) => parsePlaceRegistration(utf8(csv([HEADER, ...rows])), 'plaatsen.csv')

describe('parsePlaceRegistration', () => {
  it('parses the CSV template', async () => {
    const result = await parsePlaceRegistration(template('place-registration.csv'), 'place-registration.csv')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.rows[0]).toMatchObject({
      row: 2,
      externalId: 'LOG-01',
      companyNumber: '0403019261',
      establishmentNumber: '2147812701',
      establishment: { postcode: '3500' },
      kind: 'internship',
      programmes: [540],
      capacity: 2,
      period: { start: '2027-02-01', end: '2027-03-26' },
      hours: { start: '08:00', end: '16:30', shiftWork: false },
      minimumAge: 16,
      inclusive: true,
      contactPhone: '011 22 33 44',
      street: 'Industrieweg',
      houseNumber: '5',
      municipality: 'Hasselt',
      workstation: 'Magazijnmedewerker orderpicking',
      risks: ['val-gelijkvloers', 'vallende-voorwerpen', 'knellen', 'lawaai'],
      increasedRisk: false,
      healthSurveillance: false,
      healthSurveillanceType: null,
      mentorName: 'Noël Vermeulen',
      mentorFunction: 'Magazijnverantwoordelijke',
      mentorEmail: 'noel.vermeulen@example.be',
    })
    expect(result.rows[0]?.competences).toHaveLength(2)
  })

  it('parses the XLSX template the same way', async () => {
    const fromCsv = await parsePlaceRegistration(template('place-registration.csv'), 'a.csv')
    expect(await parsePlaceRegistration(template('place-registration.xlsx'), 'a.xlsx')).toEqual(fromCsv)
  })

  it('checks KBO numbers with mod 97', async () => {
    const result = await upload([
      place({ ondernemingsnummer: 'BE0428759497', 'aantal plaatsen': '1' }),
      place({ ondernemingsnummer: '0431.150.351' }),
    ])
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual([
      {
        row: 3,
        column: 'ondernemingsnummer',
        value: '0431.150.351',
        message: expect.stringMatching(
          /^Ondernemingsnummer is geen geldig ondernemingsnummer .* \/ Enterprise number/,
        ),
      },
    ])
  })

  it('rejects capacity below 1, a fractional capacity and end before start', async () => {
    const result = await upload([
      place({ 'aantal plaatsen': '0' }),
      place({ 'aantal plaatsen': '1,5', startdatum: '2027-01-01' }),
      place({ einddatum: '2027-01-01' }),
    ])
    expect(!result.ok && result.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'aantal plaatsen'],
      [3, 'aantal plaatsen'],
      [4, 'einddatum'],
    ])
  })

  it('reports a duplicate place', async () => {
    const result = await upload([place(), place({ 'aantal plaatsen': '3' })])
    expect(!result.ok && result.errors).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'ondernemingsnummer',
        message: expect.stringContaining('rij 2'),
      }),
    ])
  })

  it('reports a place code used twice by one company, not by two companies', async () => {
    const header = ['plaatscode', ...HEADER]
    const rows = [
      ['P1', ...place()],
      ['P1', ...place({ ondernemingsnummer: 'BE0428759497' })],
      ['P1', ...place({ startdatum: '02/02/2027' })],
    ]
    const result = await parsePlaceRegistration(utf8(csv([header, ...rows])), 'plaatsen.csv')
    expect(!result.ok && result.errors).toEqual([
      {
        row: 4,
        column: 'plaatscode',
        value: 'P1',
        message: "Plaatscode 'P1' komt al voor op rij 2 / Place code 'P1' already appears on row 2",
      },
    ])
  })

  it('accepts several programmes and warns about Walloon places', async () => {
    const result = await upload([
      place({ studierichtingen: 'Logistiek|Haarverzorging duaal', postcode: '4000' }),
    ])
    expect(result.ok && result.rows[0]?.programmes).toEqual([540, 115])
    expect(result.ok && result.warnings.map((w) => w.column)).toEqual(['postcode'])
  })

  describe('the document fields (werkpostfiche, agreement)', () => {
    const DOC_HEADER = [
      ...HEADER,
      "risico's",
      'gezondheidstoezicht',
      'soort gezondheidstoezicht',
      'mentor',
      'mentor e-mail',
    ]
    const docPlace = (o: Partial<Record<string, string>> = {}) => {
      const base = place(o)
      return [...base, ...DOC_HEADER.slice(HEADER.length).map((h) => o[h] ?? '')]
    }
    const docUpload = (rows: string[][]) =>
      parsePlaceRegistration(utf8(csv([DOC_HEADER, ...rows])), 'plaatsen.csv')

    it('leaves what was not registered null, and reads "geen" as an explicit empty risk list', async () => {
      const result = await docUpload([docPlace(), docPlace({ "risico's": 'geen', startdatum: '02/02/2027' })])
      expect(result.ok).toBe(true)
      if (!result.ok) return
      expect(result.rows[0]).toMatchObject({
        risks: null,
        healthSurveillance: null,
        healthSurveillanceType: null,
        mentorName: null,
        mentorEmail: null,
        workstation: null,
        activities: null,
        protectiveMeasures: null,
        increasedRisk: null,
        mentorFunction: null,
      })
      expect(result.rows[1]?.risks).toEqual([])
    })

    it('reads risks by code, label or synonym, and "mentor" as the mentor\'s name', async () => {
      const result = await docUpload([
        docPlace({
          "risico's": 'lawaai | Vallen van hoogte|geluid|KNELLEN',
          mentor: 'Noël Vermeulen',
          'mentor e-mail': 'noel@example.be',
        }),
      ])
      expect(result.ok && result.rows[0]).toMatchObject({
        risks: ['lawaai', 'val-hoogte', 'knellen'],
        mentorName: 'Noël Vermeulen',
        mentorEmail: 'noel@example.be',
        contactName: null,
      })
    })

    it('refuses an unknown or misspelt risk with a suggestion, and "geen" next to risks', async () => {
      const result = await docUpload([
        docPlace({ "risico's": 'lawai' }),
        docPlace({ "risico's": 'straling', startdatum: '02/02/2027' }),
        docPlace({ "risico's": 'geen|stof', startdatum: '03/02/2027' }),
        docPlace({ "risico's": 'Vallen van hoogtes', startdatum: '04/02/2027' }),
      ])
      expect(!result.ok && result.errors.map((e) => [e.row, e.column, e.message])).toEqual([
        [
          2,
          "risico's",
          "Risico 'lawai' is onbekend; bedoelde u 'lawaai'? / Risk 'lawai' is unknown; did you mean 'lawaai'?",
        ],
        [
          3,
          "risico's",
          expect.stringMatching(/^Risico 'straling' is onbekend \(codes: val-gelijkvloers, val-hoogte, /),
        ],
        [4, "risico's", expect.stringContaining("'geen' kan niet samen met risico's")],
        [
          5,
          "risico's",
          "Risico 'Vallen van hoogtes' is onbekend; bedoelde u 'val-hoogte'? / Risk 'Vallen van hoogtes' is unknown; did you mean 'val-hoogte'?",
        ],
      ])
    })

    it('takes a kind of health surveillance as "ja", refuses it with "nee", and warns about an odd mentor e-mail', async () => {
      const result = await docUpload([
        docPlace({ 'soort gezondheidstoezicht': 'Veiligheidsfunctie (heftruck)' }),
      ])
      expect(result.ok && result.rows[0]).toMatchObject({
        healthSurveillance: true,
        healthSurveillanceType: 'Veiligheidsfunctie (heftruck)',
      })
      const refused = await docUpload([
        docPlace({ gezondheidstoezicht: 'nee', 'soort gezondheidstoezicht': 'Veiligheidsfunctie' }),
        docPlace({ 'mentor e-mail': 'noel-at-example', startdatum: '02/02/2027' }),
      ])
      expect(!refused.ok && refused.errors.map((e) => [e.row, e.column])).toEqual([
        [2, 'soort gezondheidstoezicht'],
      ])
      // The mentor's e-mail is optional: an odd one is a warning, left empty, and the place goes in (issue 15).
      const odd = await docUpload([
        docPlace({ 'mentor e-mail': 'noel-at-example', startdatum: '02/02/2027' }),
      ])
      expect(odd.ok && odd.rows[0]?.mentorEmail).toBeNull()
      expect(odd.warnings.map((w) => [w.row, w.column, w.value])).toEqual([
        [2, 'mentor e-mail', 'noel-at-example'],
      ])
    })
  })
})
