import { describe, expect, it } from 'vitest'
import { csv, template, utf8 } from '../test-support/fixtures.js'
import { parseMentors } from './parse-mentors.js'

const TODAY = '2026-11-23'
const HEADER = [
  'ondernemingsnummer',
  'naam',
  'e-mail',
  'geboortedatum',
  'minstens 25 jaar',
  'uittreksel 596.2 gecontroleerd op',
  'plaatscodes',
]
const file = (rows: string[][]) => utf8(csv([HEADER, ...rows]))
const row = (over: Partial<Record<(typeof HEADER)[number], string>> = {}) => {
  const base: Record<string, string> = {
    ondernemingsnummer: '0403.019.261',
    naam: 'An Peeters',
    'e-mail': 'An.Peeters@Example.be',
    geboortedatum: '01/02/1985',
    'minstens 25 jaar': '',
    'uittreksel 596.2 gecontroleerd op': '',
    plaatscodes: 'A, B ,A',
    ...over,
  }
  return HEADER.map((h) => base[h]!)
}

describe('parseMentors', () => {
  it('reads the template: a birth date or a declared age, the training, the 596.2 date, the plaatscodes', async () => {
    const result = await parseMentors(template('mentors.csv'), 'mentors.csv', { today: TODAY })
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    expect(result.rows).toEqual([
      {
        row: 2,
        companyNumber: '0403019261',
        name: 'Noël Vermeulen',
        function: 'Magazijnverantwoordelijke',
        email: 'noel.vermeulen@example.be',
        phone: '011 22 33 45',
        birthDate: '1980-03-12',
        declaredAtLeast25: false,
        ageWaiver23: false,
        yearsExperience: 12,
        trainingCompleted: true,
        trainingDeadline: null,
        extract5962CheckedOn: '2025-09-02',
        placeCodes: ['LOG-01'],
      },
      {
        row: 3,
        companyNumber: '0403019261',
        name: 'Sara Peeters',
        function: 'Ploegleider',
        email: 'sara.peeters@example.be',
        phone: null,
        birthDate: null,
        declaredAtLeast25: true,
        ageWaiver23: false,
        yearsExperience: 6,
        trainingCompleted: false,
        trainingDeadline: '2027-06-30',
        extract5962CheckedOn: '2025-08-15',
        placeCodes: ['LOG-01', 'LOG-02'],
      },
    ])
  })

  it('lower-cases the e-mail and splits plaatscodes on , and ; without doubles', async () => {
    const result = await parseMentors(file([row()]), 'm.csv', { today: TODAY })
    expect(result.ok && result.rows[0]).toMatchObject({
      email: 'an.peeters@example.be',
      placeCodes: ['A', 'B'],
    })
  })

  it('refuses a future birth date, a mentor under 18, both a birth date and a declaration, a future 596.2 check', async () => {
    const result = await parseMentors(
      file([
        row({ geboortedatum: '24/11/2026' }),
        // 18 tomorrow: still 17 today.
        row({ 'e-mail': 'b@x.be', geboortedatum: '24/11/2008' }),
        row({ 'e-mail': 'c@x.be', 'minstens 25 jaar': 'ja' }),
        row({ 'e-mail': 'd@x.be', 'uittreksel 596.2 gecontroleerd op': '01/12/2026' }),
        row({ 'e-mail': 'e@x.be', geboortedatum: '23/11/2008' }),
      ]),
      'm.csv',
      { today: TODAY },
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => [e.row, e.column, e.value, e.message.split(' / ')[0]])).toEqual([
      [2, 'geboortedatum', '24/11/2026', 'Geboortedatum 2026-11-24 ligt in de toekomst'],
      [3, 'geboortedatum', '24/11/2008', 'Een mentor moet minstens 18 jaar zijn (geboren 2008-11-24)'],
      [4, 'minstens 25 jaar', 'ja', 'Geef een geboortedatum of "minstens 25 jaar: ja", niet allebei'],
      [
        5,
        'uittreksel 596.2 gecontroleerd op',
        '01/12/2026',
        'Uittreksel 596.2 gecontroleerd op 2026-12-01 ligt in de toekomst',
      ],
    ])
  })

  it('refuses the same mentor twice: by e-mail, or by name when there is no e-mail', async () => {
    const result = await parseMentors(
      file([
        row(),
        row({ 'e-mail': 'an.peeters@example.be' }),
        row({ 'e-mail': '' }),
        row({ 'e-mail': '', naam: 'an peeters' }),
      ]),
      'm.csv',
      { today: TODAY },
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'e-mail'],
      [5, 'naam'],
    ])
  })
})
