import type { BlockedPair, MatchInput, PlaceId, ProgrammeId, StudentId } from '@stagebrug/matching-core'
import { type Kysely, sql, type Transaction } from 'kysely'
import { placeRowToPlace } from '../mappers/place.mapper.js'
import { studentRowToStudent } from '../mappers/student.mapper.js'
import type { Database } from '../schema/database.js'
import { mentorsOfPlace } from './mentor.repository.js'
import { activePins } from './override.repository.js'
import { recognitionsOfPlace } from './recognition.repository.js'

/**
 * Loads the input of a night's match in five set-based queries: open students without an accepted proposal, open places with
 * free seats (capacity minus accepted proposals), declined pairs, related programmes and the coordinators' pins in force (a pin
 * to a student or place that is not in the match, e.g. a closed or full place, is left out).
 */
export async function loadSnapshot(db: Kysely<Database> | Transaction<Database>): Promise<MatchInput> {
  const studentRows = await db
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
    .where('student.status', '=', 'open')
    // A student who accepted a place is done, whatever the status column says.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('proposal')
            .select('proposal.id')
            .whereRef('proposal.student_id', '=', 'student.id')
            .where('proposal.status', '=', 'accepted'),
        ),
      ),
    )
    .execute()

  const accepted = db
    .selectFrom('proposal')
    .select(['place_id', (eb) => eb.fn.countAll<number>().as('taken')])
    .where('status', '=', 'accepted')
    .groupBy('place_id')
    .as('accepted')
  const placeRows = await db
    .selectFrom('place')
    // A place abroad has no Belgian postcode; the core places it by its `foreign` flag, not by coordinates.
    .leftJoin('postcode', 'postcode.postcode', 'place.establishment_postcode')
    .leftJoin(accepted, 'accepted.place_id', 'place.id')
    .selectAll('place')
    .select([
      sql<number>`coalesce(postcode.lat, 0)`.as('lat'),
      sql<number>`coalesce(postcode.lon, 0)`.as('lon'),
      sql<number>`place.capacity - coalesce(accepted.taken, 0)`.as('free_seats'),
      recognitionsOfPlace('place').as('recognitions'),
      mentorsOfPlace('place').as('mentors'),
    ])
    .where('place.status', '=', 'open')
    .where(sql<boolean>`place.capacity - coalesce(accepted.taken, 0) > 0`)
    .execute()

  const blockedRows = await db
    .selectFrom('proposal')
    .innerJoin('student', 'student.id', 'proposal.student_id')
    .select(['proposal.student_id', 'proposal.place_id'])
    .distinct()
    .where('proposal.status', '=', 'declined')
    .where('student.status', '=', 'open')
    .execute()

  const related = await db
    .selectFrom('programme')
    .select(['id', 'base_programme_id'])
    .where('base_programme_id', 'is not', null)
    .execute()

  const pins = await activePins(db)

  const places = placeRows.map(placeRowToPlace)
  const placeIds = new Set<string>(places.map((p) => p.id))
  const students = studentRows.map(studentRowToStudent)
  const studentIds = new Set<string>(students.map((s) => s.id))
  return {
    students,
    places,
    relatedProgrammes: related.map((r) => [r.id as ProgrammeId, r.base_programme_id as ProgrammeId] as const),
    blockedPairs: blockedRows
      .filter((b) => placeIds.has(b.place_id))
      .map((b): BlockedPair => ({ student: b.student_id as StudentId, place: b.place_id as PlaceId })),
    pinned: pins.filter((p) => studentIds.has(p.student) && placeIds.has(p.place)),
  }
}
