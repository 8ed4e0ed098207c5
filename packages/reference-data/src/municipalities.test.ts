import { describe, expect, it } from 'vitest'
import { loadMunicipalities } from './municipalities.js'
import { postcodeIndex } from './postcodes.js'

describe('loadMunicipalities', () => {
  const municipalities = loadMunicipalities()

  it('has the 300 Flemish municipalities of 2019-2024, by province', () => {
    expect(municipalities).toHaveLength(300)
    expect(new Set(municipalities.map((m) => m.nis)).size).toBe(300)
    const perProvince: Record<string, number> = {}
    for (const m of municipalities) perProvince[m.province] = (perProvince[m.province] ?? 0) + 1
    expect(perProvince).toEqual({
      Antwerpen: 69,
      'Vlaams-Brabant': 65,
      'West-Vlaanderen': 64,
      'Oost-Vlaanderen': 60,
      Limburg: 42,
    })
  })

  it('has 1,132 deelgemeenten and an arrondissement matching the NIS prefix', () => {
    expect(municipalities.reduce((n, m) => n + m.deelgemeenten.length, 0)).toBe(1132)
    for (const m of municipalities) expect(m.nis.slice(0, 2)).toBe(m.arrondissementCode)
  })

  it('takes 2020 inhabitants from Statbel for every municipality', () => {
    for (const m of municipalities) expect(m.inhabitants, m.name).toBeGreaterThan(0)
    expect(municipalities.find((m) => m.name === 'Antwerpen')?.inhabitants).toBe(529247)
  })

  it('lists postcodes that point back at places in the municipality', () => {
    for (const m of municipalities) {
      expect(m.postcodes.length, m.name).toBeGreaterThan(0)
      for (const pc of m.postcodes) expect(postcodeIndex().get(pc)?.region).toBe('VLG')
    }
    expect(municipalities.find((m) => m.name === 'Sint-Niklaas')?.postcodes).toEqual(['9100', '9111', '9112'])
  })
})
