import type { BlockedPair, PinnedPair, Place, Student, StudentId, Wish } from '@stagebrug/matching-core'
import { haversineKm } from './geo.js'
import { PlaceIndex } from './place-index.js'
import { type Rng, WeightedTable } from './random.js'
import type { StudentDraft } from './students.js'
import { kindFor } from './supply.js'

const WISH_COUNT = WeightedTable.of([
  [0, 0.45],
  [1, 0.35],
  [2, 0.2],
])
const PIN_REASONS = [
  'Afspraak na snuffelstage',
  'Vervolg op de stage van vorig schooljaar',
  'Werkplek vroeg deze leerling na het intakegesprek',
  'Afspraak met de zorgcoördinator',
]
// Random probes per wish instead of a scan over every place: keeps 100k students fast. The rare
// blocked and pinned pairs look wider, to find the place the student would most likely get.
const PROBES = 64
const WIDE_PROBES = 512

export interface Links {
  readonly students: Student[]
  readonly places: Place[]
  readonly blockedPairs: BlockedPair[]
  readonly pinned: PinnedPair[]
}

/**
 * Adds what links students to places: wishes (sectors and nearby companies), a few blocked pairs on
 * the place a student would likely get, a few coordinator pins, and rare company preferences.
 */
export function linkStudentsAndPlaces(
  rng: Rng,
  drafts: readonly StudentDraft[],
  places: readonly Place[],
): Links {
  const index = new PlaceIndex(places)
  const candidates = (s: Student, probes = PROBES) => index.near(rng, s, probes)

  const blockedPairs: BlockedPair[] = []
  const pinned: PinnedPair[] = []
  const pins = new Map<Place, number>()
  const students = drafts.map(({ student, programme }): Student => {
    const wishes: Wish[] = []
    const sectors = rng.sample(programme.entry.sectors, programme.entry.sectors.length)
    for (let k = WISH_COUNT.draw(rng); k > 0; k--) {
      // a company wish names one of the nearest fitting companies
      const near = rng.chance(0.35) ? candidates(student) : []
      const company = near.length > 0 ? near[rng.int(Math.min(3, near.length))] : undefined
      if (company && !wishes.some((w) => w.kind === 'company' && w.id === company.companyId)) {
        wishes.push({ kind: 'company', id: company.companyId })
        continue
      }
      const sector = sectors.shift()
      if (sector !== undefined) wishes.push({ kind: 'sector', id: sector })
    }

    const r = rng.next()
    if (r < 0.005) {
      const [nearest] = candidates(student, WIDE_PROBES)
      if (nearest) blockedPairs.push({ student: student.id, place: nearest.id })
    } else if (r < 0.006) {
      const free = candidates(student, WIDE_PROBES).find((p) => (pins.get(p) ?? 0) < p.capacity)
      if (free) {
        pins.set(free, (pins.get(free) ?? 0) + 1)
        pinned.push({ student: student.id, place: free.id, reason: rng.pick(PIN_REASONS) })
      }
    }
    return wishes.length > 0 ? { ...student, wishes } : student
  })

  return { students, places: withPreferences(rng, drafts, places), blockedPairs, pinned }
}

/** About 0.3% of places name one or two preferred students (e.g. after an intake interview). */
function withPreferences(rng: Rng, drafts: readonly StudentDraft[], places: readonly Place[]): Place[] {
  const byProgramme = new Map<number, Student[]>()
  for (const { student } of drafts) {
    const list = byProgramme.get(student.programme)
    if (list) list.push(student)
    else byProgramme.set(student.programme, [student])
  }
  return places.map((place) => {
    if (!rng.chance(0.003)) return place
    const pool = byProgramme.get(place.programmes[0] ?? -1) ?? []
    const near = rng
      .sample(pool, PROBES)
      .filter((s) => kindFor(s) === place.kind && haversineKm(s.home, place.establishment) <= s.maxTravelKm)
    const preferredStudents: StudentId[] = near.slice(0, rng.between(1, 2)).map((s) => s.id)
    return preferredStudents.length > 0 ? { ...place, preferredStudents } : place
  })
}
