import type {
  CompanyId,
  CompetenceId,
  IsoDate,
  Location,
  Place,
  PlaceCompetence,
  PlaceId,
  PlaceKind,
  ProgrammeId,
} from '@stagebrug/matching-core'
import type { Catalogue, ResolvedProgramme } from './catalogue.js'
import { type Area, areaTable, ESTABLISHMENT_EXPONENT, FOREIGN_POINTS, type School } from './geo.js'
import { establishmentName } from './names.js'
import { hoursFor, mentorFor, minimumAgeFor, periodFor, recognitionsFor } from './place-details.js'
import type { Field } from './programme-mix.js'
import { type Rng, WeightedTable } from './random.js'
import type { StudentDraft } from './students.js'
import { seekerKey, supplyFor, unitFor } from './supply.js'

export interface PlaceDraft {
  readonly place: Place
  /** e.g. 'Woonzorgcentrum De Linde, Geel' */
  readonly label: string
}

export interface PlaceContext {
  readonly rng: Rng
  readonly catalogue: Catalogue
  readonly areas: readonly Area[]
  readonly schools: readonly School[]
  readonly year: number
  readonly today: IsoDate
  /** Erasmus+ places abroad; off when the instance is restricted to a region. */
  readonly foreign: boolean
}

interface Company {
  readonly id: CompanyId
  readonly location: Location
  readonly name: string
  readonly sector: string
  readonly field: Field
  readonly abroad: boolean
}

const KIND_TABLE = WeightedTable.of<PlaceKind>([
  ['internship', 0.71],
  ['dual', 0.22],
  ['aanloopfase', 0.02],
  ['job', 0.05],
])
// Mean ≈ 3 seats, so 0.4 places per student give ≈ 1.2 seats per student before the final adjustment.
const CAPACITY = WeightedTable.of([
  [1, 0.26],
  [2, 0.25],
  [3, 0.18],
  [4, 0.11],
  [5, 0.07],
  [6, 0.05],
  [7, 0.04],
  [8, 0.04],
])
const PROGRAMME_COUNT = WeightedTable.of([
  [1, 0.55],
  [2, 0.3],
  [3, 0.15],
])
const COMPETENCE_WEIGHT = WeightedTable.of([
  [1, 0.4],
  [2, 0.4],
  [3, 0.2],
])

/** Generates `count` places with exactly `seats` seats in total (each capacity stays within 1–8). */
export function generatePlaces(
  ctx: PlaceContext,
  students: readonly StudentDraft[],
  count: number,
  seats: number,
): PlaceDraft[] {
  const { rng, catalogue, year, today } = ctx
  const { tables, seekers } = supplyFor(rng, catalogue, students)
  const schoolById = new Map(ctx.schools.map((s) => [s.id, s]))
  const anywhere = areaTable(ctx.areas, ESTABLISHMENT_EXPONENT)
  // 90% of new workplaces lie in the network of the school of a student who wants that kind of place
  // in that programme, so supply follows demand in space too; the rest anywhere.
  const establishment = (kind: PlaceKind, primary: ResolvedProgramme) => {
    const pool = seekers.get(seekerKey(kind, primary)) ?? []
    const school =
      pool.length > 0 && rng.chance(0.9) ? schoolById.get(rng.pick(pool).student.schoolId) : undefined
    return (school?.workplaces ?? anywhere).draw(rng)
  }
  const companies: Company[] = []
  const byField = new Map<Field, Company[]>()
  const newCompany = (kind: PlaceKind, primary: ResolvedProgramme): Company => {
    const { field, sectors } = primary.entry
    const sector = rng.pick(sectors)
    const abroad = ctx.foreign && kind === 'internship' && rng.chance(0.007)
    const where = abroad ? rng.pick(FOREIGN_POINTS) : establishment(kind, primary)
    const name = establishmentName(rng, sector)
    const company: Company = {
      id: `co-${String(companies.length + 1).padStart(5, '0')}` as CompanyId,
      location: where.location,
      name: `${name}, ${where.placeName}`,
      sector,
      field,
      abroad,
    }
    companies.push(company)
    const known = byField.get(field)
    if (known) known.push(company)
    else byField.set(field, [company])
    return company
  }

  const pools = new Map<string, readonly CompetenceId[]>()
  const capacities = Array.from({ length: count }, () => CAPACITY.draw(rng))
  adjustTotal(rng, capacities, seats)

  return capacities.map((capacity, i): PlaceDraft => {
    const kind = KIND_TABLE.draw(rng)
    const primary = (tables.get(kind) as WeightedTable<ResolvedProgramme>).draw(rng)
    const field = primary.entry.field
    const sameField = (catalogue.byField.get(field) ?? []).filter((p) => p !== primary && unitFor(kind, p))
    const accepted = [primary, ...rng.sample(sameField, PROGRAMME_COUNT.draw(rng) - 1)]
    const programmes = accepted.map((p) => unitFor(kind, p)?.id as ProgrammeId)
    // a quarter of the places are a second place of a company already in the same field
    const known = byField.get(field) ?? []
    const company = known.length > 0 && rng.chance(0.25) ? rng.pick(known) : newCompany(kind, primary)
    const { hours, night } = hoursFor(rng, company.sector)
    const place: Place = {
      id: `pl-${String(i + 1).padStart(6, '0')}` as PlaceId,
      companyId: company.id,
      establishment: company.location,
      kind,
      foreign: company.abroad,
      programmes,
      competences: competencesFor(rng, pools, accepted),
      capacity,
      period: periodFor(rng, kind, year),
      hours,
      recognitions: kind === 'dual' ? recognitionsFor(rng, programmes, today) : [],
      mentors: kind === 'dual' ? [mentorFor(rng, today)] : [],
      minimumAge: minimumAgeFor(rng, night),
      needsDrivingLicence: rng.chance(0.03),
      inclusive: rng.chance(0.1),
      sector: company.sector,
      preferredStudents: [],
    }
    return { place, label: company.name }
  })
}

/** 4–10 competences from the accepted programmes' vocabularies, weights 1–3. */
function competencesFor(
  rng: Rng,
  pools: Map<string, readonly CompetenceId[]>,
  accepted: readonly ResolvedProgramme[],
): PlaceCompetence[] {
  const key = accepted.map((p) => p.base.id).join(',')
  let pool = pools.get(key)
  if (!pool) {
    pool = [...new Set(accepted.flatMap((p) => p.vocabulary))]
    pools.set(key, pool)
  }
  return rng
    .sample(pool, rng.between(4, 10))
    .map((id: CompetenceId) => ({ id, weight: COMPETENCE_WEIGHT.draw(rng) }))
}

/** Nudges random capacities up or down by one until they sum to `total`. */
function adjustTotal(rng: Rng, capacities: number[], total: number): void {
  const min = capacities.length
  const max = capacities.length * 8
  const target = Math.min(max, Math.max(min, total))
  let sum = capacities.reduce((a, b) => a + b, 0)
  while (sum !== target) {
    const i = rng.int(capacities.length)
    const c = capacities[i] as number
    if (sum < target && c < 8) {
      capacities[i] = c + 1
      sum++
    } else if (sum > target && c > 1) {
      capacities[i] = c - 1
      sum--
    }
  }
}
