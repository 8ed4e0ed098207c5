import { describe, expect, it } from 'vitest'
import { csv, template, utf8 } from '../test-support/fixtures.js'
import { parseRecognitions } from './parse-recognitions.js'
import { recognitionValidUntil } from './recognition-row.js'

const HEADER = [
  'ondernemingsnummer',
  'vestigingseenheidsnummer',
  'studierichting',
  'erkenningsnummer',
  'geldig van',
  'geldig tot',
  'status',
]
const row = (o: Partial<Record<string, string>> = {}): string[] => {
  const base: Record<string, string> = {
    ondernemingsnummer: '0403.019.261',
    vestigingseenheidsnummer: '2.147.812.701',
    studierichting: 'Logistiek duaal',
    erkenningsnummer: 'ERK-1',
    'geldig van': '01/09/2025',
    'geldig tot': '',
    status: 'erkend',
    ...o,
  }
  return HEADER.map((h) => base[h] ?? '')
}
const upload = (rows: string[][], header = HEADER) =>
  parseRecognitions(utf8(csv([header, ...rows])), 'erkenningen.csv')

describe('parseRecognitions', () => {
  it('parses the CSV template', async () => {
    const result = await parseRecognitions(template('recognitions.csv'), 'recognitions.csv')
    expect(result).toMatchObject({
      ok: true,
      rows: [
        {
          row: 2,
          companyNumber: '0403019261',
          establishmentNumber: '2147812701',
          programme: 152,
          reference: 'ERK-2025-0412',
          validFrom: '2025-09-01',
          validUntil: '2030-08-31',
          status: 'erkend',
        },
      ],
    })
  })

  it('fills an empty "geldig tot" with five years minus a day', async () => {
    const result = await upload([
      row(),
      row({ studierichting: '540', 'geldig van': '29/02/2024', status: 'Aangevraagd' }),
    ])
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    expect(result.rows.map((r) => [r.programme, r.validFrom, r.validUntil, r.status])).toEqual([
      [152, '2025-09-01', '2030-08-31', 'erkend'],
      [540, '2024-02-29', '2029-02-28', 'aangevraagd'],
    ])
    expect(recognitionValidUntil('2026-01-01')).toBe('2030-12-31')
  })

  it('names row, column and value of every bad cell, Dutch first, and keeps no row', async () => {
    const result = await upload([
      row({ studierichting: 'Ruimtevaart duaal' }),
      row({ 'geldig van': '01/09/2026', 'geldig tot': '31/08/2026' }),
      row({ vestigingseenheidsnummer: '2.147.812.702' }),
      row({ status: 'goedgekeurd' }),
      row({ ondernemingsnummer: '0403.019.262' }),
      row(),
    ])
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [2, 'studierichting', 'Ruimtevaart duaal'],
      [3, 'geldig tot', '31/08/2026'],
      [4, 'vestigingseenheidsnummer', '2.147.812.702'],
      [5, 'status', 'goedgekeurd'],
      [6, 'ondernemingsnummer', '0403.019.262'],
    ])
    expect(result.errors.map((e) => e.message.split(' / ')[0])).toEqual([
      expect.stringMatching(/^Studierichting 'Ruimtevaart duaal' niet gevonden/),
      'Geldig tot (2026-08-31) ligt voor geldig van (2026-09-01)',
      'Vestigingseenheidsnummer is geen geldig vestigingseenheidsnummer (10 cijfers, begint met 2–8, controlegetal mod 97)',
      "Status 'goedgekeurd' is onbekend (verwacht erkend, aangevraagd of ingetrokken)",
      'Ondernemingsnummer is geen geldig ondernemingsnummer (10 cijfers, begint met 0 of 1, controlegetal mod 97)',
    ])
  })

  it('refuses the same recognition twice and a file without the required columns', async () => {
    const twice = await upload([row(), row({ erkenningsnummer: 'ERK-2' })])
    expect(twice).toMatchObject({ ok: false, errors: [{ row: 3, column: 'studierichting' }] })
    const missing = await upload([['0403.019.261']], ['ondernemingsnummer'])
    expect(missing.ok).toBe(false)
    if (missing.ok) return
    expect(missing.errors.map((e) => e.column)).toEqual([
      'vestigingseenheidsnummer',
      'studierichting',
      'geldig van',
      'status',
    ])
  })
})

describe('a dual place in the place registration', () => {
  it('warns when it has no vestigingseenheidsnummer, since no recognition can be linked to it', async () => {
    const { parsePlaceRegistration } = await import('./parse-places.js')
    const header = [
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
      'vestigingseenheidsnummer',
    ]
    const place = (kind: string, establishment: string) => [
      '0403.019.261',
      'Voorbeeld NV',
      '3500',
      kind,
      'Logistiek duaal',
      '1',
      '01/09/2026',
      '30/06/2027',
      '08:00',
      '16:30',
      'stage@example.be',
      establishment,
    ]
    const result = await parsePlaceRegistration(
      utf8(csv([header, place('duaal', ''), place('duaal', '2.147.812.701'), place('stage', '')])),
      'plaatsen.csv',
    )
    expect(result.ok).toBe(true)
    expect(result.warnings.filter((w) => w.row !== 1)).toEqual([
      {
        row: 2,
        column: 'vestigingseenheidsnummer',
        message:
          'Duale werkplek zonder vestigingseenheidsnummer: erkenningen kunnen niet gekoppeld worden / Dual workplace without an establishment unit number: recognitions cannot be linked',
      },
    ])
  })
})
