import { describe, expect, it } from 'vitest'
import { loadProgrammes, programmeById, relatedProgrammePairs } from './programmes.js'

describe('loadProgrammes', () => {
  const programmes = loadProgrammes()

  it('has the 961 structuuronderdelen with unique ids', () => {
    expect(programmes).toHaveLength(961)
    expect(programmeById().size).toBe(961)
  })

  it('parses finality, flags and years as the provenance counts them', () => {
    const count = (pred: (p: (typeof programmes)[number]) => boolean) => programmes.filter(pred).length
    expect(count((p) => p.finality === 'arbeidsmarkt')).toBe(438)
    expect(count((p) => p.finality === 'dubbele finaliteit')).toBe(105)
    expect(count((p) => p.finality === 'doorstroom')).toBe(59)
    expect(count((p) => p.finality === null)).toBe(359)
    expect(count((p) => p.duaal)).toBe(475)
    expect(count((p) => p.aanloop)).toBe(89)
    expect(count((p) => p.domain === null)).toBe(142)
    expect(count((p) => p.onderwijsvorm === null)).toBe(453)
    for (const p of programmes) expect(p.years.length, String(p.id)).toBeGreaterThan(0)
  })

  it('maps the first row faithfully', () => {
    expect(programmeById().get(1)).toMatchInlineSnapshot(`
      {
        "aanloop": false,
        "baseProgrammeId": 505,
        "buso": null,
        "domain": "STEM",
        "duaal": true,
        "endDate": null,
        "finality": "arbeidsmarkt",
        "grade": 3,
        "groupId": "G-0001",
        "groupTitle": "Afwerking bouw",
        "id": 1,
        "onderwijsvorm": "BSO",
        "startDate": "2017-09-01",
        "title": "Afwerking bouw duaal",
        "years": [
          1,
          2,
        ],
      }
    `)
  })
})

describe('base programmes of duaal variants', () => {
  const programmes = loadProgrammes()

  it('links every " duaal" unit that has a same-group base, and only those', () => {
    let linked = 0
    for (const p of programmes) {
      const baseTitle = p.title.endsWith(' duaal') ? p.title.slice(0, -' duaal'.length) : null
      const hasBase = programmes.some((b) => b.groupId === p.groupId && b.title === baseTitle)
      expect(p.baseProgrammeId !== null, `${p.id} ${p.title}`).toBe(hasBase)
      if (p.baseProgrammeId === null) continue
      linked++
      const base = programmeById().get(p.baseProgrammeId)
      expect(base?.groupId).toBe(p.groupId)
      expect(base?.title).toBe(baseTitle)
    }
    expect(linked).toBe(251)
  })

  it('picks the sibling that matches phase, domain and years when a group has two bases', () => {
    expect(programmeById().get(11)?.baseProgrammeId).toBe(9) // BuSO phase I, year 1
    expect(programmeById().get(12)?.baseProgrammeId).toBe(10) // BuSO phase K, years 1-2
    expect(programmeById().get(972)?.baseProgrammeId).toBe(649) // STEM
    expect(programmeById().get(973)?.baseProgrammeId).toBe(650) // Economie en organisatie
  })

  it('returns pairs of existing ids, dual variant first', () => {
    const pairs = relatedProgrammePairs()
    expect(pairs).toHaveLength(251)
    for (const [dual, base] of pairs) {
      expect(programmeById().get(dual)?.duaal).toBe(true)
      expect(programmeById().get(base)?.duaal).toBe(false)
    }
    expect(pairs).toContainEqual([1, 505])
  })
})
