import { describe, expect, it } from 'vitest'
import { municipalityRecords } from './geo-rows.js'
import { normaliseName, PLACE_ALIASES } from './names.js'

describe('normaliseName', () => {
  it('drops case, accents and apostrophes and unifies hyphens and spaces', () => {
    expect(normaliseName('Strombeek - Bever')).toBe('strombeek bever')
    expect(normaliseName('Rhode-Saint-Genèse')).toBe('rhode saint genese')
    expect(normaliseName("'s Gravenvoeren")).toBe('s gravenvoeren')
    expect(normaliseName('Beveren-Aan-De-Ijzer')).toBe(normaliseName('Beveren-aan-de-IJzer'))
  })
})

describe('PLACE_ALIASES', () => {
  it('points only at names that exist in flemish_municipalities.csv', () => {
    const known = new Set(
      municipalityRecords().flatMap((m) => [m.name, ...m.deelgemeenten].map(normaliseName)),
    )
    for (const [from, to] of Object.entries(PLACE_ALIASES))
      expect(known.has(normaliseName(to)), from).toBe(true)
  })
})
