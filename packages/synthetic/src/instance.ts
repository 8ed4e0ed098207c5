import type { IsoDate, MatchInput, PlaceId, StudentId } from '@stagebrug/matching-core'
import { programmeById } from '@stagebrug/reference-data'
import { loadCatalogue, relatedAmong } from './catalogue.js'
import { isoDate } from './dates.js'
import { loadAreas, placeSchools } from './geo.js'
import { linkStudentsAndPlaces } from './pairs.js'
import { generatePlaces } from './places.js'
import { Rng } from './random.js'
import { generateStudents } from './students.js'

export interface GenerateOptions {
  readonly students: number
  readonly seed: number
  /** Named region key (e.g. 'reg-kempen'): homes, schools and places all stay inside it. */
  readonly region?: string
  /** Calendar year in which the school year starts; default 2026. */
  readonly schoolYearStart?: number
}

export interface SyntheticInstance {
  readonly input: MatchInput
  /** The first school day: the date the nightly match is assumed to run on. */
  readonly today: IsoDate
  readonly labels: {
    /** Pseudonymous code and programme, e.g. 'LL-00017 · Logistiek duaal'. */
    readonly students: ReadonlyMap<StudentId, string>
    /** e.g. 'Woonzorgcentrum De Linde, Geel'. */
    readonly places: ReadonlyMap<PlaceId, string>
    readonly programmes: ReadonlyMap<number, string>
    readonly competences: ReadonlyMap<number, string>
  }
  readonly stats: {
    readonly students: number
    readonly places: number
    readonly seats: number
    readonly programmes: number
    readonly schools: number
  }
}

export const STUDENTS_PER_SCHOOL = 600
export const PLACES_PER_STUDENT = 0.4
export const SEATS_PER_STUDENT = 1.2

/**
 * A seeded, realistic Flemish instance on real postcodes: same options, deep-equal result.
 * Each phase draws from its own stream, so changing one phase leaves the others as they were.
 */
export function generateInstance(options: GenerateOptions): SyntheticInstance {
  const { students: count, seed, region } = options
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`students must be a positive integer, got ${count}`)
  const year = options.schoolYearStart ?? 2026
  const today = isoDate(year, 9, 1)
  const catalogue = loadCatalogue()
  const areas = loadAreas(region)

  const schoolCount = Math.max(1, Math.round(count / STUDENTS_PER_SCHOOL))
  const schools = placeSchools(Rng.stream(seed, 'schools'), areas, schoolCount)
  const drafts = generateStudents({ rng: Rng.stream(seed, 'students'), catalogue, schools, year }, count)
  const placeDrafts = generatePlaces(
    {
      rng: Rng.stream(seed, 'places'),
      catalogue,
      areas,
      schools,
      year,
      today,
      foreign: region === undefined,
    },
    drafts,
    Math.max(1, Math.round(count * PLACES_PER_STUDENT)),
    Math.round(count * SEATS_PER_STUDENT),
  )
  const links = linkStudentsAndPlaces(
    Rng.stream(seed, 'links'),
    drafts,
    placeDrafts.map((d) => d.place),
  )

  const used = new Set<number>()
  for (const s of links.students) used.add(s.programme)
  for (const p of links.places) for (const id of p.programmes) used.add(id)
  const programmes = programmeById()
  const programmeLabels = new Map(
    [...used]
      .sort((a, b) => a - b)
      .map((id) => {
        const p = programmes.get(id)
        return [id, p ? `${p.title} (${p.grade}e graad)` : String(id)] as const
      }),
  )

  return {
    input: {
      students: links.students,
      places: links.places,
      relatedProgrammes: relatedAmong(used),
      blockedPairs: links.blockedPairs,
      pinned: links.pinned,
    },
    today,
    labels: {
      students: new Map(
        drafts.map((d, i) => [d.student.id, `LL-${String(i + 1).padStart(5, '0')} · ${d.programmeTitle}`]),
      ),
      places: new Map(placeDrafts.map((d) => [d.place.id, d.label])),
      programmes: programmeLabels,
      competences: new Map([...catalogue.competenceText].sort(([a], [b]) => a - b)),
    },
    stats: {
      students: links.students.length,
      places: links.places.length,
      seats: links.places.reduce((sum, p) => sum + p.capacity, 0),
      programmes: used.size,
      schools: schools.length,
    },
  }
}
