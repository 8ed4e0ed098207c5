import {
  type Database,
  finishMatchRun,
  loadSnapshot,
  markRunPlanned,
  openMatchRun,
  savePart,
} from '@stagebrug/db'
import { seedSynthetic } from '@stagebrug/demo'
import { match } from '@stagebrug/matching-core'
import { postcodeIndex } from '@stagebrug/reference-data'
import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb } from '../../../test/support/databases.js'
import { reimportMentors } from '../../../test/support/mentor-files.js'
import {
  COUNT_FIELDS,
  computeRunFigures,
  loadFigureTrend,
  loadOwnFigureRows,
  loadRunFigures,
  type RunFigures,
} from '../src/index.js'

/** A night in its simplest form: one part, stored and closed. */
async function closedRun(db: Kysely<Database>, jobKey: string, today: string): Promise<string> {
  const run = await openMatchRun(db, { jobKey, seed: 7, today, trigger: 'manual' })
  const result = match(await loadSnapshot(db), { seed: 7, today })
  await markRunPlanned(db, run.id, { parts: 1, timings: {} })
  await savePart(db, run.id, 0, {
    proposals: result.students.flatMap((o) => o.proposals.map((p) => ({ ...p, reasons: [] }))),
    outcomes: result.students.map((o) => ({
      student: o.student,
      status: o.status,
      place: o.placement,
      unmatchedCode: o.unmatched?.code ?? null,
      unmatchedReason: null,
    })),
  })
  await finishMatchRun(db, run.id, { timings: {}, counts: {}, publish: true })
  return run.id
}

async function storedTables(db: Kysely<Database>, runId: string) {
  const dump = async (table: string) =>
    (
      await sql<{
        j: unknown
      }>`select to_jsonb(t) as j from ${sql.table(table)} t where run_id = ${runId} order by 1::text`.execute(
        db,
      )
    ).rows
      .map((r) => JSON.stringify(r.j))
      .sort()
  return {
    header: await dump('run_figures'),
    rows: await dump('run_figure'),
    idle: await dump('run_figure_idle_place'),
    watch: await dump('run_figure_watch'),
  }
}

const row = (f: RunFigures, level: string, key: string, programmeId: number | null = null) =>
  f.rows.find((r) => r.level === level && r.regionKey === key && r.programmeId === programmeId)

describe.each(ENGINES)('computeRunFigures on %s', (engine) => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  let today: string
  let runId: string
  let figures: RunFigures
  let acceptedPlace: string
  let watchedSchool: string

  beforeAll(async () => {
    handle = await openSeededDb(engine)
    today = (
      await seedSynthetic(handle.db, {
        students: 300,
        seed: 11,
        region: ['reg-kempen', 'reg-limburgse-kempen'],
      })
    ).today
    runId = await closedRun(handle.db, 'figures-1', today)
    // A coordinator accepted one placement, and one place's mentor must finish the training in 10 days.
    const p = await handle.db
      .selectFrom('proposal')
      .innerJoin('student', 'student.id', 'proposal.student_id')
      .select(['proposal.id', 'proposal.place_id', 'student.school_id'])
      .where('proposal.run_id', '=', runId)
      .where('proposal.kind', '=', 'allocated')
      // A place with a mentor (a dual one): the mentor file changes that mentor's training.
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('place_mentor as pm')
            .select('pm.mentor_id')
            .whereRef('pm.place_id', '=', 'proposal.place_id'),
        ),
      )
      .orderBy('proposal.id')
      .executeTakeFirstOrThrow()
    acceptedPlace = p.place_id
    watchedSchool = p.school_id
    await handle.db.updateTable('proposal').set({ status: 'accepted' }).where('id', '=', p.id).execute()
    const due = new Date(Date.parse(`${today}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10)
    await reimportMentors(handle.db, { completed: false, deadline: due }, { placeId: p.place_id, today })
    const outcome = await computeRunFigures(handle.db, runId)
    if (outcome.status !== 'stored') throw new Error(`expected stored, got ${outcome.status}`)
    figures = outcome.figures
  })
  afterAll(() => handle?.close())

  it('counts every student of the run once in Flanders and once in their province', async () => {
    const counts = await handle.db
      .selectFrom('match_outcome')
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('run_id', '=', runId)
      .groupBy('status')
      .execute()
    const n = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0)
    const flanders = row(figures, 'flanders', 'vlaanderen')!
    expect(flanders.seekers).toBe(n('matched') + n('pinned') + n('unmatched'))
    expect(flanders.proposed).toBe(n('matched') + n('pinned'))
    expect(flanders.unmatched).toBe(n('unmatched'))
    expect(flanders.accepted).toBe(1)
    const provinces = figures.rows.filter((r) => r.level === 'province' && r.programmeId === null)
    expect(provinces.reduce((sum, r) => sum + r.seekers, 0)).toBe(flanders.seekers)
    const byProgramme = figures.rows.filter((r) => r.level === 'flanders' && r.programmeId !== null)
    expect(byProgramme.reduce((sum, r) => sum + r.seekers, 0)).toBe(flanders.seekers)
  })

  it('counts a student in every named region of their home postcode', async () => {
    const homes = await handle.db
      .selectFrom('match_outcome as o')
      .innerJoin('student as s', 's.id', 'o.student_id')
      .select('s.home_postcode')
      .where('o.run_id', '=', runId)
      .execute()
    const inRegion = (key: string) =>
      homes.filter((h) => postcodeIndex().get(h.home_postcode)?.regionKeys.includes(key)).length
    for (const key of ['reg-kempen', 'reg-limburgse-kempen']) {
      expect(row(figures, 'region', key)?.seekers).toBe(inRegion(key))
    }
  })

  it('counts open places, their seats and the seats the accepted proposal took', async () => {
    const places = await handle.db
      .selectFrom('place')
      .select([(eb) => eb.fn.countAll<string>().as('n'), (eb) => eb.fn.sum<string>('capacity').as('seats')])
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow()
    const flanders = row(figures, 'flanders', 'vlaanderen')!
    expect(flanders.places).toBe(Number(places.n))
    expect(flanders.seats).toBe(Number(places.seats))
    expect(flanders.freeSeats).toBe(Number(places.seats) - 1)
    expect(flanders.idleSeats).toBeLessThanOrEqual(flanders.freeSeats)
  })

  it('puts the mentor due in 10 days on the watch list with the school of the accepted student', () => {
    const item = figures.watch.find((w) => w.placeId === acceptedPlace && w.kind === 'mentor_training_due')
    expect(item).toMatchObject({ daysLeft: 10, programmeId: null })
    expect(item?.schools.map((s) => s.id)).toContain(watchedSchool)
  })

  it('lists only recognised places where nobody was placed as idle', async () => {
    const placed = new Set(
      (
        await handle.db
          .selectFrom('match_outcome')
          .select('place_id')
          .where('run_id', '=', runId)
          .where('place_id', 'is not', null)
          .execute()
      ).map((r) => r.place_id),
    )
    for (const p of figures.idle) {
      expect(placed.has(p.placeId)).toBe(false)
      expect(p.freeSeats).toBeGreaterThan(0)
    }
    const flanders = row(figures, 'flanders', 'vlaanderen')!
    expect(flanders.idleRecognisedPlaces).toBe(figures.idle.length)
  })

  it("counts a school's own pupils per cell, and the schools' own counts add up to the run's", async () => {
    const schools = (await handle.db.selectFrom('school').select('id').execute()).map((s) => s.id)
    expect(schools.length).toBeGreaterThan(1)
    const run = { id: runId, today }
    const own = await Promise.all(schools.map((id) => loadOwnFigureRows(handle.db, run, [id])))
    const key = (r: { level: string; regionKey: string; programmeId: number | null }) =>
      `${r.level}/${r.regionKey}/${r.programmeId}`
    for (const r of figures.rows) {
      const mine = own.map((rows) => rows.find((o) => key(o) === key(r)))
      for (const field of ['seekers', 'proposed', 'unmatched', 'accepted'] as const)
        expect([key(r), field, mine.reduce((sum, o) => sum + (o?.[field] ?? 0), 0)]).toEqual([
          key(r),
          field,
          r[field],
        ])
      // Places are not loaded for a school's own counts.
      for (const o of mine)
        if (o) expect(COUNT_FIELDS.slice(4).map((f) => o[f])).toEqual(COUNT_FIELDS.slice(4).map(() => 0))
    }
    // A school that is not there, or none at all, has no pupils.
    expect(await loadOwnFigureRows(handle.db, run, [])).toEqual([])
  })

  it('reads back exactly what it computed, and a second call changes nothing', async () => {
    expect(await loadRunFigures(handle.db, runId)).toEqual(figures)
    const before = await storedTables(handle.db, runId)
    expect(before.rows.length).toBe(figures.rows.length)
    const again = await computeRunFigures(handle.db, runId)
    expect(again.status).toBe('existing')
    expect(again.status === 'existing' && again.figures).toEqual(figures)
    expect(await storedTables(handle.db, runId)).toEqual(before)
  })

  it('filters stored rows and gives a trend over the nights', async () => {
    const kempen = await loadRunFigures(handle.db, runId, {
      level: 'region',
      regionKey: 'reg-kempen',
      programmeId: null,
    })
    expect(kempen?.rows).toEqual([row(figures, 'region', 'reg-kempen')])
    const second = await closedRun(handle.db, 'figures-2', today)
    await computeRunFigures(handle.db, second)
    const trend = await loadFigureTrend(handle.db, {
      level: 'flanders',
      regionKey: 'vlaanderen',
      programmeId: null,
    })
    expect(trend.map((t) => t.runId).sort()).toEqual([runId, second].sort())
  })

  it('refuses a run that is not closed and one that does not exist', async () => {
    const open = await openMatchRun(handle.db, { jobKey: 'figures-open', seed: 1, today, trigger: 'manual' })
    expect(await computeRunFigures(handle.db, open.id)).toEqual({ status: 'not_closed', runStatus: 'queued' })
    expect(await computeRunFigures(handle.db, '00000000-0000-4000-8000-000000000000')).toEqual({
      status: 'not_found',
    })
  })
})
