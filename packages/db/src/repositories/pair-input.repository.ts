import type { MatchInput, PlaceId, ProgrammeId, StudentId } from '@stagebrug/matching-core'
import { type Kysely, sql, type Transaction } from 'kysely'
import { placeRowToPlace } from '../mappers/place.mapper.js'
import { studentRowToStudent } from '../mappers/student.mapper.js'
import type { Database } from '../schema/database.js'
import { mentorsOfPlace } from './mentor.repository.js'
import { recognitionsOfPlace } from './recognition.repository.js'

/**
 * The match input of one student and one place, pinned together with `reason`: what a coordinator's
 * move is scored and explained from, by the same core as a night. The place keeps at least one seat
 * (the move takes it whatever the count says; the core warns). Undefined when either is missing.
 */
export async function loadPairInput(
  db: Kysely<Database> | Transaction<Database>,
  pair: { readonly studentId: string; readonly placeId: string; readonly reason: string },
): Promise<MatchInput | undefined> {
  const student = await db
    .selectFrom('student')
    .innerJoin('postcode as home', 'home.postcode', 'student.home_postcode')
    .innerJoin('school', 'school.id', 'student.school_id')
    .innerJoin('postcode as sp', 'sp.postcode', 'school.postcode')
    .selectAll('student')
    .select([
      'home.lat as home_lat',
      'home.lon as home_lon',
      'school.postcode as school_postcode',
      'sp.lat as school_lat',
      'sp.lon as school_lon',
    ])
    .where('student.id', '=', pair.studentId)
    .executeTakeFirst()
  const place = await db
    .selectFrom('place')
    .leftJoin('postcode', 'postcode.postcode', 'place.establishment_postcode') // none abroad
    .selectAll('place')
    .select([
      sql<number>`coalesce(postcode.lat, 0)`.as('lat'),
      sql<number>`coalesce(postcode.lon, 0)`.as('lon'),
      sql<number>`greatest(place.capacity, 1)`.as('free_seats'),
      recognitionsOfPlace('place').as('recognitions'),
      mentorsOfPlace('place').as('mentors'),
    ])
    .where('place.id', '=', pair.placeId)
    .executeTakeFirst()
  if (!student || !place) return undefined
  const related = await db
    .selectFrom('programme')
    .select(['id', 'base_programme_id'])
    .where('base_programme_id', 'is not', null)
    .execute()
  return {
    students: [studentRowToStudent(student)],
    places: [placeRowToPlace(place)],
    relatedProgrammes: related.map((r) => [r.id as ProgrammeId, r.base_programme_id as ProgrammeId] as const),
    blockedPairs: [],
    pinned: [{ student: student.id as StudentId, place: place.id as PlaceId, reason: pair.reason }],
  }
}
