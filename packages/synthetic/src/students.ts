import type {
  CompetenceId,
  Period,
  ProgrammeId,
  SchoolId,
  Seeks,
  Student,
  StudentId,
} from '@stagebrug/matching-core'
import type { Catalogue, ResolvedProgramme } from './catalogue.js'
import { addDays, addYears, isoDate, nextMonday } from './dates.js'
import type { School } from './geo.js'
import { type Rng, WeightedTable } from './random.js'

/** A generated student with the mix row it was drawn from (places and labels need it). */
export interface StudentDraft {
  readonly student: Student
  readonly programme: ResolvedProgramme
  readonly programmeTitle: string
}

const TRAVEL_KM = WeightedTable.of([
  [10, 0.1],
  [15, 0.3],
  [20, 0.3],
  [25, 0.2],
  [30, 0.1],
])

// Age at the start of the student's availability. BSO pupils are often a year or two behind, and a
// few 14-year-olds in the 2nd grade exercise the age rules.
const AGE_BY_GRADE = {
  2: WeightedTable.of([
    [14, 0.12],
    [15, 0.5],
    [16, 0.3],
    [17, 0.08],
  ]),
  3: WeightedTable.of([
    [15, 0.02],
    [16, 0.33],
    [17, 0.35],
    [18, 0.2],
    [19, 0.1],
  ]),
} as const
// Job seekers have finished (or are finishing) the 3rd grade.
const JOB_AGE = WeightedTable.of([
  [18, 0.65],
  [19, 0.35],
])

type Track = 'internship' | 'dual' | 'aanloop' | 'job'

export function schoolYear(year: number): Period {
  return { start: isoDate(year, 9, 1), end: isoDate(year + 1, 6, 30) }
}

export interface StudentContext {
  readonly rng: Rng
  readonly catalogue: Catalogue
  readonly schools: readonly School[]
  readonly year: number
}

/** Generates `count` students; schools get consecutive, equally sized blocks of them. */
export function generateStudents(ctx: StudentContext, count: number): StudentDraft[] {
  const { rng, catalogue, schools, year } = ctx
  const tableOf = (keep: (p: ResolvedProgramme) => boolean) => {
    const kept = catalogue.programmes.filter(keep)
    return new WeightedTable(
      kept,
      kept.map((p) => p.entry.weight),
    )
  }
  const tables: Record<Track, WeightedTable<ResolvedProgramme>> = {
    internship: tableOf(() => true),
    dual: tableOf((p) => p.dual !== null),
    aanloop: tableOf((p) => p.aanloop !== null),
    job: tableOf((p) => p.entry.grade === 3),
  }
  const fieldPools = new Map(
    [...catalogue.byField].map(([field, ps]) => [field, [...new Set(ps.flatMap((p) => p.vocabulary))]]),
  )
  // All pupils of one programme at one school do their internship in the same block.
  const blocks = new Map<number, Period>()
  const internshipBlock = (schoolIndex: number, p: ResolvedProgramme): Period => {
    const key = schoolIndex * 100_000 + p.base.id
    let block = blocks.get(key)
    if (!block) {
      const start = nextMonday(addDays(isoDate(year + 1, 1, 4), 7 * rng.int(16)))
      block = { start, end: addDays(start, 7 * rng.between(4, 8) - 3) }
      blocks.set(key, block)
    }
    return block
  }

  const drafts: StudentDraft[] = []
  for (let i = 0; i < count; i++) {
    const schoolIndex = Math.floor((i * schools.length) / count)
    const school = schools[schoolIndex] as School
    // 5% job, 5% aanloopfase (willing, not ready: the aanloop unit of a dual programme), 20% dual.
    const r = rng.next()
    const track: Track = r < 0.05 ? 'job' : r < 0.1 ? 'aanloop' : r < 0.3 ? 'dual' : 'internship'
    const seeks: Seeks = track === 'aanloop' ? 'dual' : track
    const notReady = track === 'aanloop'
    const programme = tables[track].draw(rng)
    const unit = notReady ? programme.aanloop : seeks === 'dual' ? programme.dual : programme.base
    if (unit === null) throw new Error('unreachable: tables only hold programmes with that variant')

    const availability =
      seeks === 'dual'
        ? schoolYear(year)
        : seeks === 'job'
          ? { start: isoDate(year + 1, 7, 1), end: isoDate(year + 1, 12, 31) }
          : internshipBlock(schoolIndex, programme)
    const age = (seeks === 'job' ? JOB_AGE : AGE_BY_GRADE[programme.entry.grade]).draw(rng)
    const birthDate = addDays(addYears(availability.start, -age), -rng.int(365))
    const competences = rng.sample(programme.vocabulary, rng.between(2, 6))
    const inclusive = rng.chance(0.03)

    drafts.push({
      programme,
      programmeTitle: unit.title,
      student: {
        id: `st-${String(i + 1).padStart(6, '0')}` as StudentId,
        schoolId: school.id as SchoolId,
        programme: unit.id as ProgrammeId,
        grade: programme.entry.grade,
        firstTwoYearsDone: rng.chance(0.98),
        home: school.homes.draw(rng).location,
        school: school.area.location,
        maxTravelKm: TRAVEL_KM.draw(rng),
        competences,
        interests: interestsFor(rng, fieldPools.get(programme.entry.field) ?? [], competences),
        wishes: [],
        availability,
        birthDate,
        drivingLicence: age >= 18 && rng.chance(0.3),
        seeks,
        workReadiness: notReady ? 'willing-not-ready' : 'ready',
        needsInclusiveWorkplace: inclusive,
        // vulnerable pupils: not work-ready, needing an inclusive workplace, or (1%) e.g. newcomers
        priority: notReady || inclusive || rng.chance(0.01),
      },
    })
  }
  return drafts
}

/** 1–3 competences from the field's vocabulary that the student does not have yet. */
function interestsFor(
  rng: Rng,
  fieldPool: readonly CompetenceId[],
  owned: readonly CompetenceId[],
): CompetenceId[] {
  const wanted = rng.between(1, 3)
  const picked: CompetenceId[] = []
  // rejection sampling: field pools hold dozens of competences, a student owns at most six
  for (let attempt = 0; attempt < 50 && picked.length < wanted; attempt++) {
    const c = rng.pick(fieldPool)
    if (!owned.includes(c) && !picked.includes(c)) picked.push(c)
  }
  return picked
}
