import { describe, expect, it } from 'vitest'
import { compileInstance } from '../compile/compile.js'
import { DEFAULT_MATCH_CONFIG, resolveConfig } from '../config.js'
import type { CompanyId, Place, Student, StudentId } from '../model.js'
import { emptyContext } from '../rules/rule.js'
import { comp, GEEL, instance, OPTIONS, place, student } from '../test-support/fixtures.js'
import { scoreBreakdown, scorePair } from './combine.js'
import { competenceShare, NEUTRAL_SHARE } from './competences.js'
import { distanceShare } from './distance.js'
import { programmeShare } from './programme.js'
import { companyPreferenceShare, studentWishShare, wishShare } from './wishes.js'

function compiled(students: Student[], places: Place[]) {
  return compileInstance(instance({ students, places }), OPTIONS)
}

describe('distance curve h / (h + km)', () => {
  it('is 1 at the door, 1/2 at the half distance, 1/3 at twice it, and decreasing', () => {
    expect(distanceShare(0, 10)).toBe(1)
    expect(distanceShare(10, 10)).toBe(0.5)
    expect(distanceShare(20, 10)).toBeCloseTo(1 / 3)
    for (let km = 0; km < 100; km += 5) expect(distanceShare(km + 1, 10)).toBeLessThan(distanceShare(km, 10))
  })
})

describe('programme share', () => {
  it('is 1 exact, the related share for a related programme, 0 otherwise', () => {
    expect(programmeShare(2, DEFAULT_MATCH_CONFIG)).toBe(1)
    expect(programmeShare(1, DEFAULT_MATCH_CONFIG)).toBe(0.6)
    expect(programmeShare(0, DEFAULT_MATCH_CONFIG)).toBe(0)
  })
})

describe('competence share', () => {
  it('is the weighted share of the place competences the student has or wants', () => {
    const s = student('s', { competences: [comp(1)], interests: [comp(3)] })
    const p = place('p', {
      competences: [
        { id: comp(1), weight: 3 },
        { id: comp(2), weight: 1 },
        { id: comp(3), weight: 1 },
      ],
    })
    expect(competenceShare(compiled([s], [p]), 0, 0)).toBeCloseTo(4 / 5)
  })

  it('is neutral when the place lists no competences', () => {
    expect(competenceShare(compiled([student('s')], [place('p')]), 0, 0)).toBe(NEUTRAL_SHARE)
  })

  it('works across bitset words (more than 32 competences)', () => {
    const many = Array.from({ length: 70 }, (_, i) => comp(i))
    const s = student('s', { competences: [comp(65)] })
    const p = place('p', { competences: many.map((id) => ({ id, weight: 1 })) })
    expect(competenceShare(compiled([s], [p]), 0, 0)).toBeCloseTo(1 / 70)
  })
})

describe('wishes', () => {
  const co = 'co-x' as CompanyId
  it('rank r of n wishes is worth 1 - r / n', () => {
    const s = student('s', {
      wishes: [
        { kind: 'sector', id: 'bouw' },
        { kind: 'company', id: co },
        { kind: 'sector', id: 'zorg' },
      ],
    })
    const c = compiled([s], [place('p', { companyId: co }), place('q')])
    expect(studentWishShare(c, 0, 0)).toBeCloseTo(2 / 3)
    expect(studentWishShare(c, 0, 1)).toBeCloseTo(1 / 3)
  })

  it('averages with the company preference only when the company states one', () => {
    const s = student('s', { wishes: [{ kind: 'sector', id: 'zorg' }] })
    const t = student('t')
    const c = compiled([s, t], [place('p', { preferredStudents: ['t' as StudentId] }), place('q')])
    expect(companyPreferenceShare(c, 1, 0)).toBe(1)
    expect(wishShare(c, 0, 0)).toBe(0.5) // student wish 1, company prefers someone else
    expect(wishShare(c, 1, 0)).toBe(0.5) // no wish, preferred by the company
    expect(wishShare(c, 0, 1)).toBe(1) // no company preference: the wish counts alone
  })
})

describe('combined score', () => {
  it('sums the weighted shares and its breakdown adds up to the total', () => {
    const s = student('s', { competences: [comp(1)], wishes: [{ kind: 'sector', id: 'zorg' }] })
    const p = place('p', { establishment: GEEL, competences: [{ id: comp(1), weight: 1 }] })
    const c = compiled([s], [p])
    const x = { ...emptyContext(), distanceKm: 0, programmeMatch: 2 }
    expect(scorePair(c, 0, 0, x)).toBe(100)
    const b = scoreBreakdown(c, 0, 0, x)
    expect(b.programme + b.distance + b.competences + b.wishes).toBeCloseTo(b.total, 5)
  })

  it('follows configured weights', () => {
    const c = compileInstance(instance({ students: [student('s')], places: [place('p')] }), {
      ...OPTIONS,
      config: { weights: { programme: 100, distance: 0, competences: 0, wishes: 0 } },
    })
    expect(scorePair(c, 0, 0, { ...emptyContext(), distanceKm: 50, programmeMatch: 2 })).toBe(100)
    expect(resolveConfig({ weights: { wishes: 0 } }).weights.distance).toBe(
      DEFAULT_MATCH_CONFIG.weights.distance,
    )
  })
})
