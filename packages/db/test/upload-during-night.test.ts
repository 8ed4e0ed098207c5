// A re-upload while a night stores its results: the night's foreign-key checks hold KEY SHARE locks
// on the students; the upload's row locks must not wait for them (FOR UPDATE did, and deadlocked
// with a part storing its proposals). PostgreSQL only: PGlite has one connection.
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSeededDb } from '../../../test/support/databases.js'
import { json, upsertSchool, upsertStudents } from '../src/index.js'
import { GEEL, MOL, studentInput } from './support/fixtures.js'

describe('upsertStudents while a night holds key locks on the students', () => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  let night: pg.Client
  beforeAll(async () => {
    handle = await openSeededDb('postgres')
    night = new pg.Client({ connectionString: handle.url })
    await night.connect()
  })
  afterAll(async () => {
    await night?.end()
    await handle?.close()
  })

  it('updates and withdraws students without waiting for the night’s open transaction', async () => {
    const schoolId = await upsertSchool(handle.db, {
      name: 'Sint-Jan',
      instellingsnummer: '1001',
      postcode: GEEL,
    })
    await handle.db
      .transaction()
      .execute((trx) => upsertStudents(trx, schoolId, [studentInput('a'), studentInput('b')]))
    const runId = (
      await handle.db
        .insertInto('match_run')
        .values({ params: json({}), seed: 1, timings: json({}), counts: json({}) })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    const students = await handle.db
      .selectFrom('student')
      .select('id')
      .where('school_id', '=', schoolId)
      .execute()

    // The night, mid-part: outcomes inserted, transaction still open (KEY SHARE on both students).
    await night.query('BEGIN')
    for (const s of students) {
      await night.query(
        `INSERT INTO match_outcome (run_id, student_id, status) VALUES ($1, $2, 'unmatched')`,
        [runId, s.id],
      )
    }
    try {
      const counts = await handle.db.transaction().execute(async (trx) => {
        // Waiting on a lock fails this statement after 2 s instead of hanging: a wait is the bug.
        await sql`SET LOCAL lock_timeout = '2s'`.execute(trx)
        return upsertStudents(trx, schoolId, [studentInput('a', { homePostcode: MOL })])
      })
      expect(counts).toEqual({ created: 0, updated: 1, unchanged: 0, withdrawn: 1 })
    } finally {
      await night.query('COMMIT')
    }
    const outcomes = await handle.db
      .selectFrom('match_outcome')
      .select('student_id')
      .where('run_id', '=', runId)
      .execute()
    expect(outcomes).toHaveLength(2)
  })
})
