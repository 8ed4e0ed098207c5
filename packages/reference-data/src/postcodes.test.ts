import { describe, expect, it } from 'vitest'
import { loadPostcodes, postcodeIndex } from './postcodes.js'

// Belgium's bounding box, with a little margin.
const BBOX = { minLat: 49.49, maxLat: 51.51, minLon: 2.54, maxLon: 6.41 }

describe('loadPostcodes', () => {
  it('has all 1,146 Belgian postcodes, unique', () => {
    const postcodes = loadPostcodes()
    expect(postcodes).toHaveLength(1146)
    expect(postcodeIndex().size).toBe(1146)
  })

  it('splits them over the regions as upstream counts', () => {
    const count = (region: string) => loadPostcodes().filter((p) => p.region === region).length
    expect([count('VLG'), count('WAL'), count('BRU')]).toEqual([519, 605, 22])
  })

  it('has finite coordinates inside Belgium for every postcode', () => {
    for (const p of loadPostcodes()) {
      expect(Number.isFinite(p.lat) && Number.isFinite(p.lon), p.postcode).toBe(true)
      expect(p.lat, p.postcode).toBeGreaterThanOrEqual(BBOX.minLat)
      expect(p.lat, p.postcode).toBeLessThanOrEqual(BBOX.maxLat)
      expect(p.lon, p.postcode).toBeGreaterThanOrEqual(BBOX.minLon)
      expect(p.lon, p.postcode).toBeLessThanOrEqual(BBOX.maxLon)
    }
  })

  it('joins 9100 to Sint-Niklaas in the Waasland', () => {
    expect(postcodeIndex().get('9100')).toMatchInlineSnapshot(`
      {
        "arrondissement": "Sint-Niklaas",
        "arrondissementCode": "46",
        "lat": 51.1793,
        "lon": 4.1608,
        "municipality": "Sint-Niklaas",
        "municipalityNis": "46021",
        "places": [
          "Nieuwkerken-Waas",
          "Sint-Niklaas",
        ],
        "postcode": "9100",
        "province": "Oost-Vlaanderen",
        "region": "VLG",
        "regionKeys": [
          "reg-waasland",
        ],
      }
    `)
  })

  it('puts 3500 Hasselt in the province Limburg', () => {
    const hasselt = postcodeIndex().get('3500')
    expect(hasselt?.province).toBe('Limburg')
    expect(hasselt?.municipality).toBe('Hasselt')
    expect(hasselt?.arrondissementCode).toBe('71')
  })

  it('keeps accents and leaves Walloon postcodes unjoined', () => {
    const liege = postcodeIndex().get('4000')
    expect(liege?.places).toContain('Liège')
    expect(liege?.region).toBe('WAL')
    expect(liege?.province).toBe('Luik')
    expect(liege?.municipalityNis).toBeNull()
    expect(liege?.regionKeys).toEqual([])
    expect(postcodeIndex().get('1547')?.places).toEqual(['Biévène'])
  })
})

describe('postcode → municipality join', () => {
  const flemish = loadPostcodes().filter((p) => p.region === 'VLG')
  const unjoined = flemish.filter((p) => p.municipalityNis === null)

  it('joins at least 98% of the Flemish postcodes (all of them today)', () => {
    expect(unjoined.map((p) => `${p.postcode} ${p.places.join('/')}`)).toEqual([])
    expect(1 - unjoined.length / flemish.length).toBeGreaterThanOrEqual(0.98)
  })

  it('never joins across an arrondissement', () => {
    for (const p of flemish) {
      if (p.municipalityNis) expect(p.municipalityNis.slice(0, 2), p.postcode).toBe(p.arrondissementCode)
    }
  })

  it('settles shared deelgemeente names by arrondissement', () => {
    expect(postcodeIndex().get('2100')?.municipality).toBe('Antwerpen') // Deurne, not Diest's Deurne
    expect(postcodeIndex().get('2980')?.municipality).toBe('Zoersel') // Halle, not Halle (Vlaams-Brabant)
    expect(postcodeIndex().get('9120')?.municipality).toBe('Beveren') // Beveren-Waas
  })

  it('maps French names of facility municipalities through the alias table', () => {
    expect(postcodeIndex().get('3790')?.municipality).toBe('Voeren')
    expect(postcodeIndex().get('1640')?.municipality).toBe('Sint-Genesius-Rode')
    expect(postcodeIndex().get('9600')?.municipality).toBe('Ronse')
  })

  it('gives every joined postcode exactly one named region', () => {
    for (const p of flemish) expect(p.regionKeys, p.postcode).toHaveLength(1)
  })
})
