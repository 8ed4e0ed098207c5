import { describe, expect, it } from 'vitest'
import { loadMunicipalities } from './municipalities.js'
import { loadNamedRegions } from './regions.js'

describe('loadNamedRegions', () => {
  const regions = loadNamedRegions()

  // PROVENANCE.md says 22, but the file has 23 keys with Flemish members (reg-voerstreek is Voeren alone).
  it('has the 23 Flemish named regions and no Brussels or Walloon ones', () => {
    expect(regions).toHaveLength(23)
    const keys = regions.map((r) => r.key)
    for (const key of [
      'reg-brussel',
      'reg-luik',
      'reg-henegouwen',
      'reg-namen',
      'reg-luxemburg',
      'reg-waals-brabant',
    ]) {
      expect(keys).not.toContain(key)
    }
  })

  it('fixes the source label of reg-waasland', () => {
    const waasland = regions.find((r) => r.key === 'reg-waasland')
    expect(waasland?.label).toBe('Regio Waasland')
    expect(waasland?.municipalities).toContain('46021') // Sint-Niklaas
    expect(regions.find((r) => r.key === 'reg-voerstreek')?.municipalities).toEqual(['73109'])
  })

  it('puts every Flemish municipality in exactly one region', () => {
    const count = new Map<string, number>()
    for (const r of regions) for (const nis of r.municipalities) count.set(nis, (count.get(nis) ?? 0) + 1)
    const municipalities = loadMunicipalities()
    expect(count.size).toBe(300)
    for (const m of municipalities) expect(count.get(m.nis), m.name).toBe(1)
  })

  it('lists Lievegem once, although the source has it twice', () => {
    const meetjesland = regions.find((r) => r.key === 'reg-meetjesland')
    expect(meetjesland?.municipalities.filter((nis) => nis === '44085')).toHaveLength(1)
  })
})
