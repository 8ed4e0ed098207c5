// Migration 0018 moves what places held of their mentor (the `mentor` jsonb with the rule data and
// the place file's mentor_name/function/email) into the mentor and place_mentor tables: one mentor
// per company and e-mail (else name), linked to every place that named it; a place with rule data
// but no name gets a mentor of its own; nothing is lost. On PostgreSQL and PGlite.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb } from '../../../test/support/databases.js'
import { insertPlaces, migrateDown, migrations, runMigrations, upsertCompany } from '../src/index.js'
import { companyInput, placeInput } from './support/fixtures.js'

const M0018 = '2026_11_23_0018_create_mentors'

describe.each(ENGINES)('migration 0018 on %s', (engine) => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  beforeAll(async () => {
    handle = await openSeededDb(engine)
  })
  afterAll(() => handle?.close())

  it('moves place mentors into the mentor table, one per company and e-mail, and drops the old columns', async () => {
    const a = await upsertCompany(handle.db, companyInput(31))
    const b = await upsertCompany(handle.db, companyInput(32))
    const [p1, p2, p3, p4, p5] = await insertPlaces(handle.db, [
      placeInput(a),
      placeInput(a),
      placeInput(a),
      placeInput(b),
      placeInput(b),
    ])
    const names = Object.keys(migrations)
    for (let n = names.length - 1; names[n] !== undefined && names[n]! >= M0018; n--) {
      const { error } = await migrateDown(handle.db)
      expect(error).toBeUndefined()
    }
    const rule = (birthDate: string, trainingDeadline: string | null) =>
      JSON.stringify({
        birthDate,
        ageWaiver: false,
        trainingCompleted: trainingDeadline === null,
        trainingDeadline,
      })
    const set = (id: string, mentor: string | null, name: string | null, email: string | null) =>
      sql`update place set mentor = ${mentor}::jsonb, mentor_name = ${name}, mentor_function = ${name && 'Chef'},
        mentor_email = ${email} where id = ${id}`.execute(handle.db)
    // Company a: one mentor named on two places (the e-mail written differently), one on a third.
    await set(p1!, rule('1980-01-01', '2027-06-30'), 'An Peeters', 'An.Peeters@a.test')
    await set(p2!, null, 'An Peeters', 'an.peeters@a.test')
    await set(p3!, null, 'Bart Claes', null)
    // Company b: rule data without a name; and the same e-mail as in company a (another person).
    await set(p4!, rule('1990-02-03', null), null, null)
    await set(p5!, null, 'Anneke Peeters', 'an.peeters@a.test')

    const { error } = await runMigrations(handle.db)
    expect(error).toBeUndefined()

    const rows = await handle.db
      .selectFrom('place_mentor as pm')
      .innerJoin('mentor as m', 'm.id', 'pm.mentor_id')
      .select([
        'pm.place_id',
        'pm.mentor_id',
        'm.company_id',
        'm.name',
        'm.function',
        'm.email',
        'm.birth_date',
        'm.training_completed',
        'm.training_deadline',
      ])
      .execute()
    const of = (placeId: string) => rows.find((r) => r.place_id === placeId)!
    expect(rows).toHaveLength(5)
    expect(of(p1!).mentor_id).toBe(of(p2!).mentor_id)
    expect(of(p1!)).toMatchObject({
      company_id: a,
      name: 'An Peeters',
      function: 'Chef',
      email: 'an.peeters@a.test',
      birth_date: '1980-01-01',
      training_completed: false,
      training_deadline: '2027-06-30',
    })
    expect(of(p3!)).toMatchObject({ name: 'Bart Claes', email: null, birth_date: null })
    expect(of(p4!)).toMatchObject({
      company_id: b,
      name: null,
      birth_date: '1990-02-03',
      training_completed: true,
    })
    expect(of(p5!)).toMatchObject({ company_id: b, name: 'Anneke Peeters' })
    expect(of(p5!).mentor_id).not.toBe(of(p1!).mentor_id)
    expect(await handle.db.selectFrom('mentor').select('id').execute()).toHaveLength(4)

    const columns = await sql<{ column_name: string }>`select column_name from information_schema.columns
      where table_name = 'place' and column_name like 'mentor%'`.execute(handle.db)
    expect(columns.rows).toEqual([])
  })

  it('refuses a link between a place and a mentor of another company', async () => {
    const [place] = await handle.db.selectFrom('place').select(['id', 'company_id']).limit(1).execute()
    const other = await handle.db
      .selectFrom('mentor')
      .select('id')
      .where('company_id', '<>', place!.company_id)
      .executeTakeFirstOrThrow()
    await expect(
      handle.db
        .insertInto('place_mentor')
        .values({ place_id: place!.id, mentor_id: other.id, company_id: place!.company_id })
        .execute(),
    ).rejects.toThrow(/place_mentor_mentor_fk/)
  })
})
