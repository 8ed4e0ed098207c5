// A seeded random instance around Kempen for pipeline tests (the bench uses @stagebrug/synthetic).
import type { CompetenceId, MatchInput, Place, Student } from '../model.js'
import { comp, instance, KANTOOR, place, student, VERZORGING, VERZORGING_DUAAL } from './fixtures.js'

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function randomInstance(seed: number, nStudents: number, nPlaces: number): MatchInput {
  const rnd = mulberry32(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const point = () => ({ postcode: '2440', lat: 51.0 + rnd() * 0.4, lon: 4.7 + rnd() * 0.6 })
  const comps = (n: number): CompetenceId[] => [
    ...new Set(Array.from({ length: n }, () => comp(Math.floor(rnd() * 12)))),
  ]
  const students: Student[] = Array.from({ length: nStudents }, (_, i) => {
    const dual = rnd() < 0.25
    return student(`st-${String(i).padStart(4, '0')}`, {
      programme: dual ? VERZORGING_DUAAL : pick([VERZORGING, KANTOOR]),
      seeks: dual ? 'dual' : 'internship',
      home: point(),
      maxTravelKm: pick([10, 15, 20, 25]),
      competences: comps(3),
      interests: comps(1),
      priority: rnd() < 0.1,
      birthDate: `${pick([2008, 2009, 2010, 2011])}-0${1 + Math.floor(rnd() * 9)}-15`,
    })
  })
  const places: Place[] = Array.from({ length: nPlaces }, (_, i) => {
    const dual = rnd() < 0.25
    return place(`pl-${String(i).padStart(4, '0')}`, {
      kind: dual ? 'dual' : 'internship',
      programmes: dual ? [VERZORGING_DUAAL] : [pick([VERZORGING, KANTOOR])],
      establishment: point(),
      capacity: 1 + Math.floor(rnd() * 3),
      competences: comps(4).map((id) => ({ id, weight: 1 + Math.floor(rnd() * 3) })),
      recognitions: dual
        ? [{ programme: VERZORGING_DUAAL, validFrom: '2024-01-01', validTo: '2029-01-01' }]
        : [],
      mentors: dual
        ? [
            {
              birthDate: '1980-01-01',
              declaredAtLeast25: false,
              ageWaiver: false,
              trainingCompleted: true,
              trainingDeadline: null,
            },
          ]
        : [],
    })
  })
  return instance({ students, places })
}

/** Fisher–Yates with the seeded generator, returning a new array. */
export function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const rnd = mulberry32(seed)
  const out = [...xs]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}
