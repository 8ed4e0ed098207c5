import type { CompetenceId, ProgrammeId, SchoolId, Student, StudentId } from '@stagebrug/matching-core'
import type { StudentRow } from '../schema/student.table.js'

/** A student row joined with the coordinates of its home and its school (from the postcode table). */
export type StudentSnapshotRow = StudentRow & {
  readonly home_lat: number
  readonly home_lon: number
  readonly school_postcode: string
  readonly school_lat: number
  readonly school_lon: number
}

export function studentRowToStudent(row: StudentSnapshotRow): Student {
  return {
    id: row.id as StudentId,
    schoolId: row.school_id as SchoolId,
    programme: row.programme_id as ProgrammeId,
    grade: row.grade,
    firstTwoYearsDone: row.first_two_years_done,
    home: { postcode: row.home_postcode, lat: row.home_lat, lon: row.home_lon },
    school: { postcode: row.school_postcode, lat: row.school_lat, lon: row.school_lon },
    maxTravelKm: row.max_travel_km,
    competences: row.competences as CompetenceId[],
    interests: row.interests as CompetenceId[],
    wishes: row.wishes,
    availability: { start: row.available_from, end: row.available_to },
    birthDate: row.birth_date,
    drivingLicence: row.driving_licence,
    seeks: row.seeks,
    workReadiness: row.work_readiness,
    needsInclusiveWorkplace: row.needs_inclusive,
    abroad: row.abroad,
    priority: row.priority,
    travelFrom: row.travel_from,
  }
}
