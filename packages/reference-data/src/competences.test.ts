import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { competencesOfQualification, loadCompetences, loadCompetencesFrom } from './competences.js'
import { loadQualifications } from './qualifications.js'

describe('loadCompetences (bundled data)', () => {
  const competences = loadCompetences()

  it('turns the 565 rows into 565 distinct competences (no code is shared between BKs yet)', () => {
    expect(competences).toHaveLength(565)
    expect(competences.filter((c) => c.qualifications.length > 1)).toHaveLength(0)
  })

  it('numbers competences densely in code order', () => {
    competences.forEach((c, i) => {
      expect(c.id).toBe(i)
      if (i > 0) expect(c.code > (competences[i - 1]?.code ?? '')).toBe(true)
      expect(c.code).toMatch(/^bkc\d{7}$/)
      expect(c.text.length).toBeGreaterThan(0)
    })
  })

  it('gives every qualification its full published list, in its own order', () => {
    const qualifications = loadQualifications()
    expect(qualifications).toHaveLength(38)
    for (const q of qualifications) {
      const list = competencesOfQualification(q.id)
      expect(list, q.id).toHaveLength(q.competenceCount)
      for (const c of list) expect(c.qualifications).toContain(q.id)
    }
    expect(competencesOfQualification('BK-0002-3')[0]?.text).toMatch(/^Ontvangt goederen en producten/)
    expect(competencesOfQualification('BK-9999-1')).toEqual([])
  })
})

describe('loadCompetencesFrom', () => {
  const header = 'bk_id,volgnummer,competentie_id,type,tekst\n'
  const dir = mkdtempSync(join(tmpdir(), 'stagebrug-competences-'))
  mkdirSync(join(dir, 'programmes', 'competences.d'), { recursive: true })
  writeFileSync(
    join(dir, 'programmes', 'qualification_competences.csv'),
    `${header}BK-0001-1,1,bkc0000002,Vakspecifieke competentie,Werkt veilig\nBK-0001-1,2,bkc0000001,Vakspecifieke competentie,"Plant, meet en rapporteert"\n`,
  )
  writeFileSync(
    join(dir, 'programmes', 'competences.d', 'BK-0002-1.csv'),
    `${header}BK-0002-1,1,bkc0000003,Generieke competentie,Communiceert\nBK-0002-1,2,bkc0000002,Vakspecifieke competentie,Werkt veilig\n`,
  )
  writeFileSync(join(dir, 'programmes', 'competences.d', 'README.md'), 'not a csv, ignored')
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('merges extra files from competences.d and shares codes across BKs', () => {
    const { competences, byQualification } = loadCompetencesFrom(dir)
    expect(competences.map((c) => [c.id, c.code, c.qualifications])).toEqual([
      [0, 'bkc0000001', ['BK-0001-1']],
      [1, 'bkc0000002', ['BK-0001-1', 'BK-0002-1']],
      [2, 'bkc0000003', ['BK-0002-1']],
    ])
    expect(competences[0]?.text).toBe('Plant, meet en rapporteert')
    expect(byQualification.get('BK-0001-1')?.map((c) => c.code)).toEqual(['bkc0000002', 'bkc0000001'])
    expect(byQualification.get('BK-0002-1')?.map((c) => c.code)).toEqual(['bkc0000003', 'bkc0000002'])
  })
})
