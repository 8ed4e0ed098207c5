import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  competencesOfProgramme,
  competencesOfQualification,
  loadCompetences,
  loadCompetencesFrom,
  programmeLink,
} from './competences.js'
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
  writeFileSync(
    join(dir, 'programmes', 'programme_qualifications.csv'),
    'structuuronderdeel_nummer,bk_id\n1,BK-0001-1\n1,BK-0002-1\n1,BK-0001-1\n8,BK-0002-1\n',
  )
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

describe('competences of a programme (the programme → BK link)', () => {
  it('lists the linked BKs and their competences in BK order, a shared competence once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stagebrug-link-'))
    mkdirSync(join(dir, 'programmes'), { recursive: true })
    const header = 'bk_id,volgnummer,competentie_id,type,tekst\n'
    writeFileSync(
      join(dir, 'programmes', 'qualification_competences.csv'),
      `${header}BK-0001-1,1,bkc0000002,V,Werkt veilig\nBK-0001-1,2,bkc0000001,V,Plant\nBK-0002-1,1,bkc0000003,G,Communiceert\nBK-0002-1,2,bkc0000002,V,Werkt veilig\n`,
    )
    writeFileSync(
      join(dir, 'programmes', 'programme_qualifications.csv'),
      'structuuronderdeel_nummer,bk_id\n1,BK-0001-1\n1,BK-0002-1\n1,BK-0001-1\n8,BK-0002-1\n',
    )
    try {
      const { byQualification, qualificationsByProgramme } = loadCompetencesFrom(dir)
      const one = programmeLink(byQualification, qualificationsByProgramme.get(1) ?? [])
      expect(one.qualifications).toEqual(['BK-0001-1', 'BK-0002-1'])
      expect(one.competences.map((c) => c.code)).toEqual(['bkc0000002', 'bkc0000001', 'bkc0000003'])
      expect(programmeLink(byQualification, qualificationsByProgramme.get(8) ?? []).competences).toHaveLength(
        2,
      )
      expect(qualificationsByProgramme.get(2)).toBeUndefined()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('is empty for every programme while the bundled data has no link file (PROVENANCE.md, known gap 2)', () => {
    expect(competencesOfProgramme(1)).toEqual({ qualifications: [], competences: [] })
  })
})
