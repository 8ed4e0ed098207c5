import { describe, expect, it } from 'vitest'
import { csv, utf8 } from '../test-support/fixtures.js'
import { parsePlaceRegistration } from './parse-places.js'
import { parseStudentList } from './parse-students.js'

const HEADER = [
  'ondernemingsnummer',
  'bedrijfsnaam',
  'land',
  'postcode',
  'gemeente',
  'straat',
  'soort',
  'studierichtingen',
  'aantal plaatsen',
  'startdatum',
  'einddatum',
  'beginuur',
  'einduur',
  'contactpersoon',
  'e-mail contact',
  'telefoon',
  'zetel straat',
  'zetel huisnummer',
  'zetel postcode',
  'zetel gemeente',
]
const row = (o: Partial<Record<string, string>> = {}): string[] => {
  const base: Record<string, string> = {
    ondernemingsnummer: '0403.019.261',
    bedrijfsnaam: 'Voorbeeld NV',
    postcode: '3500',
    gemeente: 'Hasselt',
    soort: 'stage',
    studierichtingen: 'Logistiek',
    'aantal plaatsen': '2',
    startdatum: '01/02/2027',
    einddatum: '26/03/2027',
    beginuur: '8:00',
    einduur: '16:30',
    contactpersoon: 'An Janssens',
    'e-mail contact': 'stage@example.be',
    telefoon: '011 22 33 44',
    ...o,
  }
  return HEADER.map((h) => base[h] ?? '')
}
const upload = (rows: string[][]) => parsePlaceRegistration(utf8(csv([HEADER, ...rows])), 'plaatsen.csv')
const abroad = { land: 'NL', postcode: '5611 AB', gemeente: 'Eindhoven', straat: 'Stationsplein 1' }

describe('where a place lies, and the company seat', () => {
  it('reads a place abroad without a Belgian postcode, and the contact person and seat', async () => {
    const result = await upload([
      row({ ...abroad, land: 'Nederland' }),
      row({
        'zetel straat': 'Markt',
        'zetel huisnummer': '1',
        'zetel postcode': '3500',
        'zetel gemeente': 'Hasselt',
      }),
      row({ land: 'België', postcode: '3000', gemeente: 'Leuven' }),
    ])
    expect(result.ok ? [] : result.errors).toEqual([])
    if (!result.ok) return
    expect(result.rows[0]).toMatchObject({
      establishment: null,
      country: 'NL',
      foreignPostcode: '5611 AB',
      municipality: 'Eindhoven',
      street: 'Stationsplein 1',
      contactName: 'An Janssens',
      contactPhone: '011 22 33 44',
      seat: null,
    })
    expect(result.rows[1]).toMatchObject({
      country: null,
      establishment: { postcode: '3500' },
      seat: { street: 'Markt', houseNumber: '1', postcode: '3500', municipality: 'Hasselt' },
    })
    expect(result.rows[2]).toMatchObject({ country: null, establishment: { postcode: '3000' } })
  })

  it('names each bad cell once: no country, unknown country, no postcode, no city abroad, bad seat', async () => {
    const result = await upload([
      row({ postcode: '5611 AB', gemeente: 'Eindhoven' }),
      row({ ...abroad, land: 'Atlantis' }),
      row({ postcode: '' }),
      row({ ...abroad, gemeente: '' }),
      row({ ...abroad, straat: '' }),
      row({ 'zetel postcode': '3500', 'zetel gemeente': 'Gent' }),
      row({ 'e-mail contact': 'an@' }),
    ])
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => [e.row, e.column, e.value, e.message.split(' / ')[0]])).toEqual([
      [
        2,
        'postcode',
        '5611 AB',
        "Postcode '5611 AB' is geen Belgische postcode; vul voor een plaats in het buitenland het land in (kolom Land)",
      ],
      [
        3,
        'land',
        'Atlantis',
        "Land 'Atlantis' is onbekend (verwacht België of een land van Erasmus+, bv. Nederland of NL)",
      ],
      [4, 'postcode', '', 'Postcode is verplicht'],
      [5, 'gemeente', '', 'Gemeente (stad) is verplicht voor een plaats in het buitenland'],
      [6, 'straat', '', 'Straat is verplicht voor een plaats in het buitenland'],
      [
        7,
        'zetel straat',
        '',
        'Straat van de maatschappelijke zetel ontbreekt (straat, postcode en gemeente zijn verplicht als de zetel gegeven is)',
      ],
      [7, 'zetel gemeente', 'Gent', expect.stringMatching(/^Postcode 3500 hoort niet bij 'Gent'/)],
      [8, 'e-mail contact', 'an@', 'E-mail contactpersoon is geen geldig e-mailadres'],
    ])
  })
})

describe('the pupil’s opt-in for a place abroad and ondersteuningsnood', () => {
  it('reads buitenland and ondersteuningsnood as ja/nee, blank as nee', async () => {
    const header = [
      'instellingsnummer',
      'stamboeknummer',
      'naam',
      'voornaam',
      'geboortedatum',
      'klas',
      'studierichting',
      'graad',
      'postcode',
      'startdatum',
      'einddatum',
      'buitenland',
      'ondersteuningsnood',
    ]
    const pupil = (id: string, abroad: string, support: string) => [
      '123456',
      id,
      'Peeters',
      'Zoë',
      '05/03/2008',
      '6LOG',
      'Logistiek',
      '3',
      '9100',
      '01/02/2027',
      '26/03/2027',
      abroad,
      support,
    ]
    const result = await parseStudentList(
      utf8(csv([header, pupil('1', 'ja', ''), pupil('2', '', 'ja'), pupil('3', 'misschien', 'nee')])),
      'lijst.csv',
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => [e.row, e.column, e.value])).toEqual([[4, 'buitenland', 'misschien']])
    const good = await parseStudentList(
      utf8(csv([header, pupil('1', 'ja', ''), pupil('2', '', 'ja')])),
      'lijst.csv',
    )
    expect(good.ok && good.rows.map((r) => [r.abroad, r.needsInclusive])).toEqual([
      [true, false],
      [false, true],
    ])
  })
})
