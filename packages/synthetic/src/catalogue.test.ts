import { loadQualifications, programmeById } from '@stagebrug/reference-data'
import { describe, expect, it } from 'vitest'
import { loadCatalogue } from './catalogue.js'
import { PROGRAMME_MIX } from './programme-mix.js'

describe('programme mix', () => {
  const catalogue = loadCatalogue()

  it('resolves every row to one real labour-market programme of the 2nd or 3rd grade', () => {
    expect(PROGRAMME_MIX.length).toBeGreaterThanOrEqual(25)
    expect(PROGRAMME_MIX.length).toBeLessThanOrEqual(35)
    for (const p of catalogue.programmes) {
      expect(p.base.title).toBe(p.entry.title)
      expect(p.base.grade).toBe(p.entry.grade)
      expect(['arbeidsmarkt', 'dubbele finaliteit']).toContain(p.base.finality)
      expect(p.base.duaal).toBe(false)
    }
    expect(new Set(catalogue.programmes.map((p) => p.base.id)).size).toBe(PROGRAMME_MIX.length)
  })

  it('links dual and aanloop variants that are real duaal units', () => {
    const byId = programmeById()
    const duals = catalogue.programmes.flatMap((p) => (p.dual ? [p.dual] : []))
    expect(duals.length).toBeGreaterThan(15)
    for (const d of duals) expect(byId.get(d.id)).toMatchObject({ duaal: true, aanloop: false })
    for (const p of catalogue.programmes)
      if (p.aanloop) expect(p.aanloop).toMatchObject({ duaal: true, aanloop: true })
  })

  it('uses only known beroepskwalificaties, each giving a non-empty vocabulary', () => {
    const known = new Set(loadQualifications().map((q) => q.id))
    for (const p of catalogue.programmes) {
      for (const bk of p.entry.qualifications) expect(known).toContain(bk)
      expect(p.vocabulary.length).toBeGreaterThanOrEqual(5)
    }
    expect(
      loadCatalogue().programmes.find((p) => p.entry.title === 'Basiszorg en ondersteuning')?.entry
        .qualifications,
    ).toEqual(['BK-0489-1', 'BK-0243-2'])
  })

  it('gives Handel and Personenzorg about 60% of the weight', () => {
    const total = PROGRAMME_MIX.reduce((sum, e) => sum + e.weight, 0)
    const core = PROGRAMME_MIX.filter((e) => e.field === 'handel' || e.field === 'personenzorg')
    const share = core.reduce((sum, e) => sum + e.weight, 0) / total
    expect(share).toBeGreaterThan(0.57)
    expect(share).toBeLessThan(0.63)
  })
})
