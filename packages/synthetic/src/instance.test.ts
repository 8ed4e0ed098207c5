import type { Place, Student } from '@stagebrug/matching-core'
import { postcodeIndex, programmeById } from '@stagebrug/reference-data'
import { describe, expect, it } from 'vitest'
import { loadCatalogue } from './catalogue.js'
import { generateInstance } from './instance.js'

const instance = generateInstance({ students: 10_000, seed: 2026 })
const { students, places } = instance.input
const share = <T>(xs: readonly T[], f: (x: T) => boolean) => xs.filter(f).length / xs.length

/** Whole years between two ISO dates. */
function age(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number]
  const [y, m, d] = on.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

describe('generateInstance', () => {
  it('is deterministic: same options deep-equal, another seed differs', () => {
    const a = generateInstance({ students: 1_500, seed: 9 })
    expect(generateInstance({ students: 1_500, seed: 9 })).toEqual(a)
    expect(generateInstance({ students: 1_500, seed: 10 }).input.students).not.toEqual(a.input.students)
  })

  it('places the school year and the availability blocks in schoolYearStart', () => {
    const later = generateInstance({ students: 600, seed: 3, schoolYearStart: 2027 })
    expect(later.today).toBe('2027-09-01')
    for (const s of later.input.students) {
      if (s.seeks === 'dual') expect(s.availability).toEqual({ start: '2027-09-01', end: '2028-06-30' })
      if (s.seeks !== 'internship') continue
      expect(s.availability.start >= '2028-01-04' && s.availability.start <= '2028-04-30').toBe(true)
      expect(s.availability.end > s.availability.start).toBe(true)
    }
  })

  it('sizes places, seats and schools to the student count', () => {
    expect(instance.stats).toMatchObject({ students: 10_000, places: places.length, schools: 17 })
    expect(places.length / students.length).toBeGreaterThanOrEqual(0.38)
    expect(places.length / students.length).toBeLessThanOrEqual(0.42)
    expect(instance.stats.seats / students.length).toBeGreaterThanOrEqual(1.15)
    expect(instance.stats.seats / students.length).toBeLessThanOrEqual(1.25)
    for (const p of places) {
      expect(p.capacity).toBeGreaterThanOrEqual(1)
      expect(p.capacity).toBeLessThanOrEqual(8)
    }
  })

  it('gives Handel and Personenzorg 55–65% of the students', () => {
    const field = new Map<number, string>()
    for (const p of loadCatalogue().programmes) {
      for (const unit of [p.base, p.dual, p.aanloop]) if (unit) field.set(unit.id, p.entry.field)
    }
    const core = share(students, (s) => ['handel', 'personenzorg'].includes(field.get(s.programme) ?? ''))
    expect(core).toBeGreaterThanOrEqual(0.55)
    expect(core).toBeLessThanOrEqual(0.65)
  })

  it('puts every location on a real Flemish postcode, except places abroad', () => {
    const index = postcodeIndex()
    const inFlanders = (postcode: string) => index.get(postcode)?.region === 'VLG'
    for (const s of students) expect(inFlanders(s.home.postcode) && inFlanders(s.school.postcode)).toBe(true)
    for (const p of places) expect(inFlanders(p.establishment.postcode)).toBe(!p.foreign)
    expect(share(places, (p) => p.foreign)).toBeGreaterThan(0)
    expect(share(places, (p) => p.foreign)).toBeLessThan(0.015)
  })

  it('uses only real programme ids, and duaal units for dual students and dual places', () => {
    const byId = programmeById()
    for (const s of students) expect(byId.has(s.programme)).toBe(true)
    for (const id of places.flatMap((p) => p.programmes)) expect(byId.has(id)).toBe(true)
    for (const s of students) expect(byId.get(s.programme)?.duaal).toBe(s.seeks === 'dual')
    for (const p of places.filter((x) => x.kind === 'dual' || x.kind === 'aanloopfase')) {
      for (const id of p.programmes) expect(byId.get(id)?.duaal).toBe(true)
    }
    for (const [a, b] of instance.input.relatedProgrammes) expect(byId.get(a)?.baseProgrammeId).toBe(b)
  })

  it('gives recognitions and a mentor to dual places only, one recognition per programme', () => {
    for (const p of places) {
      if (p.kind === 'dual') {
        expect(p.mentors).toHaveLength(1)
        expect(p.recognitions.map((r) => r.programme)).toEqual(p.programmes)
      } else {
        expect(p.mentors).toEqual([])
        expect(p.recognitions).toEqual([])
      }
    }
    const recognitions = places.flatMap((p) => p.recognitions)
    const broken = share(recognitions, (r) => r.validTo < instance.today || r.validFrom > instance.today)
    expect(broken).toBeGreaterThan(0.02)
    expect(broken).toBeLessThan(0.09)
  })

  it('draws the student profile shares from the brief', () => {
    expect(share(students, (s) => s.seeks === 'internship')).toBeCloseTo(0.7, 1)
    expect(share(students, (s) => s.seeks === 'dual')).toBeCloseTo(0.25, 1)
    expect(share(students, (s) => s.workReadiness === 'willing-not-ready')).toBeCloseTo(0.05, 1)
    expect(share(students, (s) => s.priority)).toBeCloseTo(0.08, 1)
    const mustBePriority = (s: Student) => s.workReadiness !== 'ready' || s.needsInclusiveWorkplace
    expect(students.filter(mustBePriority).every((s) => s.priority)).toBe(true)
    const ages = students.map((s) => age(s.birthDate, s.availability.start))
    expect(Math.min(...ages)).toBe(14)
    expect(Math.max(...ages)).toBe(19)
    for (const s of students.filter((x) => x.drivingLicence)) {
      expect(age(s.birthDate, s.availability.start)).toBeGreaterThanOrEqual(18)
    }
  })

  it('links only existing students and places, with zero-padded ids in order', () => {
    const studentIds = new Set(students.map((s) => s.id))
    const placeIds = new Set(places.map((p) => p.id))
    expect(students.map((s) => s.id)).toEqual(students.map((s) => s.id).sort())
    expect(places[0]?.id).toBe('pl-000001')
    expect(students[0]?.schoolId).toBe('sc-001')
    const pairs = [...instance.input.blockedPairs, ...instance.input.pinned]
    for (const { student, place } of pairs) expect(studentIds.has(student) && placeIds.has(place)).toBe(true)
    expect(instance.input.blockedPairs.length).toBeGreaterThan(10)
    expect(instance.input.pinned.every((p) => p.reason.length > 0)).toBe(true)
    const pinnedPerPlace = new Map<string, number>()
    for (const p of instance.input.pinned) pinnedPerPlace.set(p.place, (pinnedPerPlace.get(p.place) ?? 0) + 1)
    const byId = new Map<string, Place>(places.map((p) => [p.id, p]))
    for (const [id, n] of pinnedPerPlace) expect(n).toBeLessThanOrEqual(byId.get(id)?.capacity ?? 0)
  })

  it('labels every student, place, programme and competence it uses', () => {
    expect(instance.labels.students.get(students[16]!.id)).toMatch(/^LL-00017 · /)
    expect(instance.labels.places.get(places[0]!.id)).toMatch(/^.+ .+, .+$/)
    for (const id of new Set(places.flatMap((p) => p.programmes)))
      expect(instance.labels.programmes.has(id)).toBe(true)
    for (const c of places.flatMap((p) => p.competences))
      expect(instance.labels.competences.has(c.id)).toBe(true)
  })
})
