import { describe, expect, it } from 'vitest'
import { mapHeaders } from './map-headers.js'

const compact = (headers: string[], kind: 'students' | 'places' = 'students') => {
  const { mapping, unmapped, missing } = mapHeaders(headers, kind)
  return {
    mapping: mapping.map((m) => `${m.column} → ${m.field} (${m.via}${m.distance ? ` ${m.distance}` : ''})`),
    unmapped: unmapped.map((u) => `${u.column}: ${u.reason}`),
    missing,
  }
}

describe('mapHeaders', () => {
  it('recognises a Smartschool export', () => {
    expect(
      compact([
        'Voornaam',
        'Naam',
        'Internnummer',
        'Geboortedatum',
        'Klasnaam',
        'Postcode',
        'Woonplaats',
        'Emailadres',
        'Rijksregisternummer',
        'Gebruikersnaam',
      ]),
    ).toMatchInlineSnapshot(`
      {
        "mapping": [
          "Voornaam → firstName (preset:smartschool)",
          "Naam → lastName (preset:smartschool)",
          "Internnummer → externalId (preset:smartschool)",
          "Geboortedatum → birthDate (preset:smartschool)",
          "Klasnaam → className (preset:smartschool)",
          "Postcode → postcode (preset:smartschool)",
          "Woonplaats → municipality (preset:smartschool)",
          "Emailadres → email (preset:smartschool)",
        ],
        "missing": [
          "programme",
          "periodStart",
          "periodEnd",
        ],
        "unmapped": [
          "Rijksregisternummer: national-number",
          "Gebruikersnaam: unknown",
        ],
      }
    `)
  })

  it('recognises a Wisa export and keeps the first of two columns for one field', () => {
    expect(
      compact(['stamboeknummer', 'leerlingnummer', 'postnummer', 'klascode', 'administratievecode']).mapping,
    ).toMatchInlineSnapshot(`
        [
          "stamboeknummer → externalId (preset:wisa)",
          "postnummer → postcode (preset:wisa)",
          "klascode → className (preset:wisa)",
          "administratievecode → adminGroup (preset:wisa)",
        ]
      `)
  })

  it('matches our template headers exactly and typos fuzzily', () => {
    expect(
      compact(['Stamboeknumer', 'Geboortedatm', 'E-mail', 'Start datum', 'blabla']).mapping,
    ).toMatchInlineSnapshot(`
      [
        "Stamboeknumer → externalId (fuzzy 1)",
        "Geboortedatm → birthDate (fuzzy 1)",
        "E-mail → email (exact)",
        "Start datum → periodStart (exact)",
      ]
    `)
  })

  it('maps the place template', () => {
    expect(
      compact(['Ondernemingsnummer', 'KBO', 'Aantal plaatsen', 'Beginuur', 'e-mail contact'], 'places'),
    ).toMatchInlineSnapshot(`
        {
          "mapping": [
            "Ondernemingsnummer → companyNumber (exact)",
            "Aantal plaatsen → capacity (exact)",
            "Beginuur → startTime (exact)",
            "e-mail contact → contactEmail (exact)",
          ],
          "missing": [
            "companyName",
            "postcode",
            "kind",
            "programmes",
            "periodStart",
            "periodEnd",
            "endTime",
          ],
          "unmapped": [
            "KBO: duplicate",
          ],
        }
      `)
  })
})
