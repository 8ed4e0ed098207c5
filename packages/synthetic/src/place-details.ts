import type {
  IsoDate,
  Mentor,
  Period,
  PlaceKind,
  ProgrammeId,
  Recognition,
  WorkingHours,
} from '@stagebrug/matching-core'
import { addDays, addYears, isoDate } from './dates.js'
import { type Rng, WeightedTable } from './random.js'
import { schoolYear } from './students.js'

const day = (start: string, end: string, shiftWork = false): WorkingHours => ({ start, end, shiftWork })

const OFFICE_HOURS = WeightedTable.of([
  [day('08:00', '16:30'), 0.7],
  [day('07:30', '16:00'), 0.15],
  [day('08:30', '17:00'), 0.1],
  [day('09:00', '17:30'), 0.05],
])

/** Hours by sector: mostly daytime, horeca evenings, early and (rarely) night shifts in care and logistics. */
export function hoursFor(rng: Rng, sector: string): { hours: WorkingHours; night: boolean } {
  const r = rng.next()
  switch (sector) {
    case 'Horeca':
    case 'Hotel':
      if (r < 0.6) return { hours: day('16:00', '23:00', true), night: false }
      if (r < 0.75) return { hours: day('10:00', '18:30'), night: false }
      break
    case 'Catering':
      if (r < 0.2) return { hours: day('06:30', '14:30', true), night: false }
      break
    case 'Ouderenzorg':
    case 'Ziekenhuis':
      if (r < 0.04) return { hours: day('21:00', '07:00', true), night: true }
      if (r < 0.2) return { hours: day('07:00', '15:00', true), night: false }
      break
    case 'Logistiek en distributie':
      if (r < 0.05) return { hours: day('22:00', '06:00', true), night: true }
      if (r < 0.15) return { hours: day('06:00', '14:00', true), night: false }
      break
    case 'Bakkerij':
      if (r < 0.4) return { hours: day('05:00', '13:00'), night: false }
      break
    case 'Detailhandel':
    case 'Kapsalon':
    case 'Schoonheidssalon':
      if (r < 0.5) return { hours: day('09:00', '17:30'), night: false }
      break
  }
  return { hours: OFFICE_HOURS.draw(rng), night: false }
}

const MINIMUM_AGE = WeightedTable.of([
  [0, 0.85],
  [16, 0.1],
  [18, 0.05],
])

export function minimumAgeFor(rng: Rng, night: boolean): number {
  return night ? 18 : MINIMUM_AGE.draw(rng)
}

/** When a place takes pupils; a few internship places only in the first term (no overlap with blocks). */
export function periodFor(rng: Rng, kind: PlaceKind, year: number): Period {
  const r = rng.next()
  if (kind === 'job') return { start: isoDate(year + 1, 7, 1), end: isoDate(year + 2, 6, 30) }
  if (kind === 'dual' || kind === 'aanloopfase') {
    return r < 0.95 ? schoolYear(year) : { start: isoDate(year + 1, 1, 4), end: isoDate(year + 1, 6, 30) }
  }
  if (r < 0.55) return schoolYear(year)
  if (r < 0.85) return { start: isoDate(year + 1, 1, 4), end: isoDate(year + 1, 6, 30) }
  if (r < 0.95) return { start: isoDate(year + 1, 2, 1), end: isoDate(year + 1, 5, 31) }
  return { start: isoDate(year, 9, 1), end: isoDate(year, 12, 20) }
}

/**
 * Erkenning per accepted programme, valid five years. About 5% are broken on purpose: half expired
 * before today, half not yet valid (a pending request that only starts after the school year began).
 */
export function recognitionsFor(rng: Rng, programmes: readonly ProgrammeId[], today: IsoDate): Recognition[] {
  return programmes.map((programme) => {
    const r = rng.next()
    const validFrom =
      r < 0.025
        ? addDays(addYears(today, -5), -rng.between(10, 300))
        : r < 0.05
          ? addDays(today, rng.between(20, 120))
          : addDays(today, -rng.between(30, 4 * 365))
    return { programme, validFrom, validTo: addDays(addYears(validFrom, 5), -1) }
  })
}

/**
 * A duaal mentor. About 3% fail the rules on purpose: too young without a waiver, or the training
 * deadline has passed. About 2% are 23–24 with the sector partnership's waiver (valid). Every
 * mentor has a birth date (the random stream stays as it was; `declaredAtLeast25` is exercised by
 * the rule tests and the mentor file tests).
 */
export function mentorFor(rng: Rng, today: IsoDate): Mentor {
  const r = rng.next()
  const born = (age: number) => addDays(addYears(today, -age), -rng.int(365))
  if (r < 0.015)
    return {
      birthDate: born(rng.between(21, 24)),
      declaredAtLeast25: false,
      ageWaiver: false,
      trainingCompleted: true,
      trainingDeadline: null,
    }
  if (r < 0.03) {
    const deadline = addDays(today, -rng.between(10, 200))
    return {
      birthDate: born(rng.between(28, 60)),
      declaredAtLeast25: false,
      ageWaiver: false,
      trainingCompleted: false,
      trainingDeadline: deadline,
    }
  }
  const waiver = r < 0.05
  const completed = rng.chance(0.85)
  return {
    birthDate: born(waiver ? rng.between(23, 24) : rng.between(26, 62)),
    declaredAtLeast25: false,
    ageWaiver: waiver,
    trainingCompleted: completed,
    trainingDeadline: completed ? null : addDays(today, rng.between(30, 330)),
  }
}
