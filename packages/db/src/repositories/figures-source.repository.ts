import type { Mentor, Recognition } from '@stagebrug/matching-core'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../schema/database.js'
import type { OutcomeStatus } from '../schema/match-outcome.table.js'
import { mentorsOfPlace } from './mentor.repository.js'
import { recognitionsOfPlace } from './recognition.repository.js'

type Db = Kysely<Database> | Transaction<Database>

/** Where a student lives or a place is established, as the postcode table says. */
export interface SourceArea {
  readonly postcode: string
  readonly municipality: string | null
  readonly province: string
  readonly arrondissement: string
}

/** What the regional figures of one run are computed from (see `loadFiguresSource`). */
export interface FiguresSource {
  readonly run: { readonly id: string; readonly today: string }
  /** Every student of the run with their outcome. */
  readonly outcomes: readonly {
    readonly studentId: string
    readonly schoolId: string
    readonly programmeId: number
    readonly home: SourceArea
    readonly status: OutcomeStatus
    readonly placeId: string | null
    readonly unmatchedCode: string | null
  }[]
  /** Accepted proposals of this run or an earlier one, of students not withdrawn. */
  readonly accepted: readonly {
    readonly studentId: string
    readonly schoolId: string
    readonly programmeId: number
    readonly home: SourceArea
    readonly placeId: string
  }[]
  /** Open places; `acceptedSeats` counts accepted proposals of this run or an earlier one. */
  readonly places: readonly {
    readonly id: string
    readonly companyId: string
    readonly companyName: string
    readonly kind: string
    readonly sector: string
    /** Null for a place abroad (no Belgian postcode). */
    readonly area: SourceArea | null
    /** Abroad (Erasmus+), with its country (ISO 3166-1 alpha-2) when registered. */
    readonly foreign: boolean
    readonly country: string | null
    readonly programmes: readonly number[]
    readonly capacity: number
    readonly acceptedSeats: number
    readonly recognitions: readonly Recognition[]
    readonly mentors: readonly Mentor[]
  }[]
  /** The run's proposals that were not declined, counted per place and school of the student. */
  readonly proposals: readonly {
    readonly placeId: string
    readonly schoolId: string
    readonly count: number
  }[]
  readonly programmes: readonly { readonly id: number; readonly title: string }[]
  readonly schools: readonly { readonly id: string; readonly name: string }[]
}

const area = (r: {
  postcode: string
  municipality: string | null
  province: string
  arrondissement: string
}): SourceArea => ({
  postcode: r.postcode,
  municipality: r.municipality,
  province: r.province,
  arrondissement: r.arrondissement,
})

/**
 * Loads what the figures of a run need in seven set-based queries (proposals and acceptances counted in SQL); undefined when the run does not
 * exist. "Earlier" is by the runs' creation time, so figures of an old run ignore later acceptances.
 */
export async function loadFiguresSource(db: Db, runId: string): Promise<FiguresSource | undefined> {
  const run = await db
    .selectFrom('match_run')
    .select(['id', 'today'])
    .where('id', '=', runId)
    .executeTakeFirst()
  if (!run) return undefined
  // Compared in SQL: a JavaScript Date would drop the microseconds of the run's own timestamp.
  const runCreated = db.selectFrom('match_run').select('created_at').where('id', '=', runId)

  const { outcomes, accepted } = await loadFiguresPupils(db, runId)

  const taken = db
    .selectFrom('proposal as p')
    .innerJoin('match_run as r', 'r.id', 'p.run_id')
    .select(['p.place_id', (eb) => eb.fn.countAll<number>().as('taken')])
    .where('p.status', '=', 'accepted')
    .where('r.created_at', '<=', runCreated)
    .groupBy('p.place_id')
    .as('taken')
  const placeRows = await db
    .selectFrom('place as pl')
    .innerJoin('company as c', 'c.id', 'pl.company_id')
    // Left: a place abroad has no Belgian postcode (migration 0019).
    .leftJoin('postcode as pc', 'pc.postcode', 'pl.establishment_postcode')
    .leftJoin(taken, 'taken.place_id', 'pl.id')
    .select([
      'pl.id',
      'pl.company_id',
      'c.name as company_name',
      'pl.kind',
      'pl.foreign',
      'pl.country',
      'pl.sector',
      'pc.postcode',
      'pc.municipality',
      'pc.province',
      'pc.arrondissement',
      'pl.programmes',
      'pl.capacity',
      'taken.taken',
      recognitionsOfPlace('pl').as('recognitions'),
      mentorsOfPlace('pl').as('mentors'),
    ])
    .where('pl.status', '=', 'open')
    .orderBy('pl.id')
    .execute()

  // Counted in SQL: a big night has about five proposals per student.
  const proposalRows = await db
    .selectFrom('proposal as p')
    .innerJoin('student as s', 's.id', 'p.student_id')
    .select(['p.place_id', 's.school_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('p.run_id', '=', runId)
    .where('p.status', '<>', 'declined')
    .groupBy(['p.place_id', 's.school_id'])
    .orderBy('p.place_id')
    .orderBy('s.school_id')
    .execute()

  const programmeIds = [
    ...new Set([
      ...outcomes.map((o) => o.programmeId),
      ...accepted.map((a) => a.programmeId),
      ...placeRows.flatMap((p) => p.programmes),
    ]),
  ]
  const programmes = programmeIds.length
    ? await db.selectFrom('programme').select(['id', 'title']).where('id', 'in', programmeIds).execute()
    : []
  const schoolIds = [
    ...new Set(
      [...outcomes, ...accepted].map((r) => r.schoolId).concat(proposalRows.map((r) => r.school_id)),
    ),
  ]
  const schools = schoolIds.length
    ? await db.selectFrom('school').select(['id', 'name']).where('id', 'in', schoolIds).execute()
    : []

  return {
    run: { id: run.id, today: run.today ?? '' },
    outcomes,
    accepted,
    places: placeRows.map((p) => ({
      id: p.id,
      companyId: p.company_id,
      companyName: p.company_name,
      kind: p.kind,
      sector: p.sector,
      area:
        p.postcode === null || p.province === null || p.arrondissement === null
          ? null
          : area({ ...p, postcode: p.postcode, province: p.province, arrondissement: p.arrondissement }),
      foreign: p.foreign,
      country: p.country,
      programmes: p.programmes,
      capacity: p.capacity,
      acceptedSeats: Number(p.taken ?? 0),
      recognitions: p.recognitions,
      mentors: p.mentors,
    })),
    proposals: proposalRows.map((p) => ({ placeId: p.place_id, schoolId: p.school_id, count: Number(p.n) })),
    programmes: programmes.map((p) => ({ id: p.id, title: p.title })),
    schools: schools.map((s) => ({ id: s.id, name: s.name })),
  }
}

/**
 * The students of a run with their outcome, and the accepted proposals (this run or an earlier one)
 * of students not withdrawn: what `loadFiguresSource` counts pupils from; only of `schoolIds` when
 * given (a school's own pupils in the figures).
 */
export async function loadFiguresPupils(
  db: Db,
  runId: string,
  schoolIds?: readonly string[],
): Promise<Pick<FiguresSource, 'outcomes' | 'accepted'>> {
  if (schoolIds?.length === 0) return { outcomes: [], accepted: [] }
  // Compared in SQL: a JavaScript Date would drop the microseconds of the run's own timestamp.
  const runCreated = db.selectFrom('match_run').select('created_at').where('id', '=', runId)
  const outcomeRows = await db
    .selectFrom('match_outcome as o')
    .innerJoin('student as s', 's.id', 'o.student_id')
    .innerJoin('postcode as h', 'h.postcode', 's.home_postcode')
    .select([
      'o.student_id',
      's.school_id',
      's.programme_id',
      'h.postcode',
      'h.municipality',
      'h.province',
      'h.arrondissement',
      'o.status',
      'o.place_id',
      'o.unmatched_code',
    ])
    .where('o.run_id', '=', runId)
    .$if(schoolIds !== undefined, (q) => q.where('s.school_id', 'in', schoolIds ?? []))
    .orderBy('o.student_id')
    .execute()

  const acceptedRows = await db
    .selectFrom('proposal as p')
    .innerJoin('match_run as r', 'r.id', 'p.run_id')
    .innerJoin('student as s', 's.id', 'p.student_id')
    .innerJoin('postcode as h', 'h.postcode', 's.home_postcode')
    .select([
      'p.student_id',
      's.school_id',
      's.programme_id',
      'h.postcode',
      'h.municipality',
      'h.province',
      'h.arrondissement',
      'p.place_id',
    ])
    .where('p.status', '=', 'accepted')
    .where('r.created_at', '<=', runCreated)
    .where('s.status', '<>', 'withdrawn')
    .$if(schoolIds !== undefined, (q) => q.where('s.school_id', 'in', schoolIds ?? []))
    .orderBy('p.student_id')
    .orderBy('p.place_id')
    .execute()
  return {
    outcomes: outcomeRows.map((o) => ({
      studentId: o.student_id,
      schoolId: o.school_id,
      programmeId: o.programme_id,
      home: area(o),
      status: o.status,
      placeId: o.place_id,
      unmatchedCode: o.unmatched_code,
    })),
    accepted: acceptedRows.map((a) => ({
      studentId: a.student_id,
      schoolId: a.school_id,
      programmeId: a.programme_id,
      home: area(a),
      placeId: a.place_id,
    })),
  }
}
