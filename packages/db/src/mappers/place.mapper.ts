import type {
  CompanyId,
  Mentor,
  Place,
  PlaceId,
  ProgrammeId,
  Recognition,
  StudentId,
} from '@stagebrug/matching-core'
import type { PlaceRow } from '../schema/place.table.js'

/** A place row joined with its establishment's coordinates and its free seats. */
export type PlaceSnapshotRow = PlaceRow & {
  readonly lat: number
  readonly lon: number
  /** Capacity minus accepted proposals. */
  readonly free_seats: number
  /** The `erkend` recognitions of the place's establishment (`recognitionsOfPlace`). */
  readonly recognitions: readonly Recognition[]
  /** The place's mentors (`mentorsOfPlace`). */
  readonly mentors: readonly Mentor[]
}

/** Maps a place row to the core's Place; `capacity` becomes the seats still free. */
export function placeRowToPlace(row: PlaceSnapshotRow): Place {
  return {
    id: row.id as PlaceId,
    companyId: row.company_id as CompanyId,
    establishment: { postcode: row.establishment_postcode ?? '', lat: row.lat, lon: row.lon },
    kind: row.kind,
    foreign: row.foreign,
    programmes: row.programmes as ProgrammeId[],
    competences: row.competences,
    capacity: row.free_seats,
    period: { start: row.period_start, end: row.period_end },
    hours: { start: row.hours_start, end: row.hours_end, shiftWork: row.shift_work },
    recognitions: row.recognitions,
    mentors: row.mentors,
    minimumAge: row.minimum_age,
    needsDrivingLicence: row.needs_driving_licence,
    inclusive: row.inclusive,
    sector: row.sector,
    preferredStudents: row.preferred_students as StudentId[],
  }
}
