// Builders for db tests: plausible rows in Geel (2440) and Mol (2400), overridable field by field.
import type { CompetenceId } from '@stagebrug/matching-core'
import { loadProgrammes } from '@stagebrug/reference-data'
import type { CompanyInput, PlaceInput, StudentInput } from '../../src/index.js'

/** A real grade-3 programme from the shipped matrix, so the foreign key holds. */
export const PROGRAMME_ID = loadProgrammes().find((p) => p.grade === 3 && !p.duaal)!.id
export const GEEL = '2440'
export const MOL = '2400'
export const TODAY = '2026-11-23'

/** A valid KBO number: 8 digits and their mod-97 check digits. */
export function kbo(first8: number): string {
  const check = 97 - (first8 % 97)
  return `${String(first8).padStart(8, '0')}${String(check).padStart(2, '0')}`
}

export function studentInput(externalId: string, over: Partial<StudentInput> = {}): StudentInput {
  return {
    externalId,
    firstName: 'Lotte',
    lastName: `Peeters ${externalId}`,
    email: `${externalId}@school.test`,
    birthDate: '2008-05-01',
    programmeId: PROGRAMME_ID,
    grade: 3,
    homePostcode: GEEL,
    competences: [1, 2],
    wishes: [{ kind: 'sector', id: 'zorg' }],
    availability: { start: '2027-02-01', end: '2027-03-31' },
    maxTravelKm: 20,
    seeks: 'internship',
    firstTwoYearsDone: true,
    ...over,
  }
}

export function companyInput(n: number, over: Partial<CompanyInput> = {}): CompanyInput {
  return {
    kboNumber: kbo(4_030_000 + n),
    name: `Bedrijf ${n}`,
    contactEmail: `stage@bedrijf${n}.test`,
    ...over,
  }
}

export function placeInput(companyId: string, over: Partial<PlaceInput> = {}): PlaceInput {
  return {
    companyId,
    establishmentPostcode: GEEL,
    kind: 'internship',
    programmes: [PROGRAMME_ID],
    competences: [{ id: 1 as CompetenceId, weight: 1 }],
    capacity: 1,
    period: { start: '2027-01-15', end: '2027-06-30' },
    hours: { start: '08:00', end: '16:30' },
    sector: 'zorg',
    ...over,
  }
}
