import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb } from '../../../test/support/databases.js'
import { upsertSchool, upsertStudents } from '../src/index.js'
import { GEEL, MOL, studentInput } from './support/fixtures.js'

describe.each(ENGINES)('upsertStudents on %s', (engine) => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  beforeAll(async () => {
    handle = await openSeededDb(engine)
  })
  afterAll(() => handle?.close())

  const statuses = async (schoolId: string) =>
    (
      await handle.db
        .selectFrom('student')
        .select(['external_id', 'status'])
        .where('school_id', '=', schoolId)
        .orderBy('external_id')
        .execute()
    ).map((r) => `${r.external_id}:${r.status}`)

  it('counts created, updated, unchanged and withdrawn across uploads', async () => {
    const schoolId = await upsertSchool(handle.db, {
      name: 'Sint-Jan',
      instellingsnummer: '1001',
      postcode: GEEL,
    })
    const first = [studentInput('a'), studentInput('b'), studentInput('c'), studentInput('d')]
    expect(await handle.db.transaction().execute((trx) => upsertStudents(trx, schoolId, first))).toEqual({
      created: 4,
      updated: 0,
      unchanged: 0,
      withdrawn: 0,
    })

    // a unchanged (wishes in another key order), b moved, c gone, d unchanged, e new
    const second = [
      studentInput('a', { wishes: [{ id: 'zorg', kind: 'sector' } as never] }),
      studentInput('b', { homePostcode: MOL }),
      studentInput('d'),
      studentInput('e'),
    ]
    expect(await handle.db.transaction().execute((trx) => upsertStudents(trx, schoolId, second))).toEqual({
      created: 1,
      updated: 1,
      unchanged: 2,
      withdrawn: 1,
    })
    expect(await statuses(schoolId)).toEqual(['a:open', 'b:open', 'c:withdrawn', 'd:open', 'e:open'])

    // the same list again changes nothing; c listed again reopens
    expect(await handle.db.transaction().execute((trx) => upsertStudents(trx, schoolId, second))).toEqual({
      created: 0,
      updated: 0,
      unchanged: 4,
      withdrawn: 0,
    })
    expect(
      await handle.db
        .transaction()
        .execute((trx) => upsertStudents(trx, schoolId, [...second, studentInput('c')])),
    ).toEqual({ created: 0, updated: 1, unchanged: 4, withdrawn: 0 })
    expect(await statuses(schoolId)).toEqual(['a:open', 'b:open', 'c:open', 'd:open', 'e:open'])
    const b = await handle.db
      .selectFrom('student')
      .select(['home_postcode', 'birth_date', 'wishes', 'competences'])
      .where('school_id', '=', schoolId)
      .where('external_id', '=', 'b')
      .executeTakeFirstOrThrow()
    expect(b).toEqual({
      home_postcode: MOL,
      birth_date: '2008-05-01',
      wishes: [{ kind: 'sector', id: 'zorg' }],
      competences: [1, 2],
    })
  })

  it('writes nothing when one row fails: the whole upload is one transaction', async () => {
    const schoolId = await upsertSchool(handle.db, {
      name: 'Sint-Victor',
      instellingsnummer: '1002',
      postcode: GEEL,
    })
    await handle.db.transaction().execute((trx) => upsertStudents(trx, schoolId, [studentInput('x')]))

    const bad = [
      studentInput('x', { homePostcode: MOL }),
      studentInput('y'),
      studentInput('z', { programmeId: 999_999_999 }), // unknown programme: foreign key violation
    ]
    await expect(
      handle.db.transaction().execute((trx) => upsertStudents(trx, schoolId, bad)),
    ).rejects.toMatchObject({ code: '23503' })

    const rows = await handle.db
      .selectFrom('student')
      .select(['external_id', 'home_postcode', 'status'])
      .where('school_id', '=', schoolId)
      .execute()
    expect(rows).toEqual([{ external_id: 'x', home_postcode: GEEL, status: 'open' }])
  })

  it('rejects a list with a duplicate external id', async () => {
    const schoolId = await upsertSchool(handle.db, {
      name: 'Sint-Rita',
      instellingsnummer: '1003',
      postcode: GEEL,
    })
    await expect(
      handle.db
        .transaction()
        .execute((trx) => upsertStudents(trx, schoolId, [studentInput('q'), studentInput('q')])),
    ).rejects.toThrow('upsertStudents: duplicate external id q')
  })

  it('upserts a school by instellingsnummer and its group by name', async () => {
    const id1 = await upsertSchool(handle.db, {
      name: 'Old',
      instellingsnummer: '2001',
      postcode: GEEL,
      group: 'GO!',
    })
    const id2 = await upsertSchool(handle.db, {
      name: 'New',
      instellingsnummer: '2001',
      postcode: MOL,
      group: 'GO!',
    })
    expect(id2).toBe(id1)
    const row = await handle.db
      .selectFrom('school')
      .innerJoin('school_group', 'school_group.id', 'school.school_group_id')
      .select(['school.name', 'school.postcode', 'school_group.name as group'])
      .where('school.id', '=', id1)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ name: 'New', postcode: MOL, group: 'GO!' })
  })
})
