// Migration 0013 on data that the race of issue 13 left behind: a pupil with three accepted
// proposals. The migration keeps the earliest acceptance, declines the others (marked as its own
// and written to the audit log) and only then creates the partial unique index, which from then on
// refuses a second accepted proposal of one pupil. On PostgreSQL and PGlite.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb } from '../../../test/support/databases.js'
import {
  insertPlaces,
  json,
  migrateDown,
  migrations,
  runMigrations,
  upsertCompany,
  upsertSchool,
  upsertStudents,
} from '../src/index.js'
import { companyInput, GEEL, placeInput, studentInput } from './support/fixtures.js'

const M0013 = '2026_11_23_0013_one_accepted_proposal'
const ACTOR = 'migration:2026_11_23_0013'

describe.each(ENGINES)('migration 0013 on %s', (engine) => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  beforeAll(async () => {
    handle = await openSeededDb(engine)
  })
  afterAll(() => handle?.close())

  it('keeps the earliest of several accepted proposals of one pupil, declines the rest, then indexes', async () => {
    const schoolId = await upsertSchool(handle.db, {
      name: 'Sint-Jan',
      instellingsnummer: '12345',
      postcode: GEEL,
    })
    const companyId = await upsertCompany(handle.db, companyInput(1))
    await handle.db
      .transaction()
      .execute((trx) => upsertStudents(trx, schoolId, [studentInput('s1'), studentInput('s2')]))
    const students = await handle.db
      .selectFrom('student')
      .select(['id', 'external_id'])
      .orderBy('external_id')
      .execute()
    const places = await insertPlaces(handle.db, [
      placeInput(companyId),
      placeInput(companyId),
      placeInput(companyId),
    ])
    const run = await handle.db
      .insertInto('match_run')
      .values({ seed: 1, params: json({}), timings: json({}), counts: json({}) })
      .returning('id')
      .executeTakeFirstOrThrow()
    const ids: string[] = []
    for (const [i, placeId] of places.entries())
      for (const s of students) {
        const row = await handle.db
          .insertInto('proposal')
          .values({
            run_id: run.id,
            student_id: s.id,
            place_id: placeId,
            rank: i + 1,
            score: 50,
            breakdown: json({}) as never,
            kind: 'allocated',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        if (s.external_id === 's1') ids.push(row.id)
      }

    // Back to before 0013 (every later migration first), where nothing stopped the doubles.
    const names = Object.keys(migrations)
    for (let n = names.length - 1; names[n] !== undefined && names[n]! >= M0013; n--) {
      const { error } = await migrateDown(handle.db)
      expect(error).toBeUndefined()
    }
    // Three acceptances of pupil s1, the middle one the earliest; one of s2.
    const at = ['2026-12-02T10:00:00Z', '2026-12-01T09:00:00Z', '2026-12-03T08:00:00Z']
    for (const [i, id] of ids.entries())
      await sql`update proposal set status = 'accepted', status_at = ${at[i]}::timestamptz, status_by = 'apikey:x' where id = ${id}`.execute(
        handle.db,
      )
    await sql`update proposal set status = 'accepted' where student_id = ${students[1]!.id} and rank = 1`.execute(
      handle.db,
    )

    const { error } = await runMigrations(handle.db)
    expect(error).toBeUndefined()

    const after = await handle.db
      .selectFrom('proposal')
      .select(['id', 'status', 'status_by'])
      .where('id', 'in', ids)
      .execute()
    const byId = new Map(after.map((r) => [r.id, r]))
    expect(ids.map((id) => [byId.get(id)!.status, byId.get(id)!.status_by])).toEqual([
      ['declined', ACTOR],
      ['accepted', 'apikey:x'],
      ['declined', ACTOR],
    ])
    const s2 = await handle.db
      .selectFrom('proposal')
      .select('status')
      .where('student_id', '=', students[1]!.id)
      .where('status', '=', 'accepted')
      .execute()
    expect(s2).toHaveLength(1)
    const audit = await handle.db
      .selectFrom('audit_log')
      .select(['subject', 'actor'])
      .where('actor', '=', ACTOR)
      .orderBy('subject')
      .execute()
    expect(audit.map((a) => a.subject)).toEqual([`proposal:${ids[0]}`, `proposal:${ids[2]}`].sort())

    // From now on the database itself refuses a second accepted proposal of the pupil.
    await expect(
      handle.db.updateTable('proposal').set({ status: 'accepted' }).where('id', '=', ids[0]!).execute(),
    ).rejects.toMatchObject({ code: '23505', constraint: 'proposal_one_accepted_per_student' })
  })
})
