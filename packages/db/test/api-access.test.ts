import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb } from '../../../test/support/databases.js'
import {
  ApiKeyError,
  createApiKey,
  createMatchRun,
  findActiveApiKey,
  hashApiKey,
  insertPlaces,
  loadPairInput,
  loadSnapshot,
  revokeApiKey,
  upsertCompany,
  upsertSchool,
  upsertSchoolGroup,
  upsertStudents,
} from '../src/index.js'
import { companyInput, GEEL, MOL, placeInput, studentInput } from './support/fixtures.js'

describe.each(ENGINES)('API keys, pins and releases on %s', (engine) => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  let schoolId: string
  let companyId: string
  let placeIds: string[]
  let studentIds: string[]
  beforeAll(async () => {
    handle = await openSeededDb(engine)
    schoolId = await upsertSchool(handle.db, { name: 'Sint-Jan', instellingsnummer: '3001', postcode: GEEL })
    await handle.db
      .transaction()
      .execute((trx) => upsertStudents(trx, schoolId, [studentInput('s1'), studentInput('s2')]))
    studentIds = (await handle.db.selectFrom('student').select('id').orderBy('external_id').execute()).map(
      (r) => r.id,
    )
    companyId = await upsertCompany(handle.db, companyInput(7))
    placeIds = await insertPlaces(handle.db, [
      placeInput(companyId, { capacity: 2 }),
      placeInput(companyId, { establishmentPostcode: MOL, capacity: 1 }),
    ])
  })
  afterAll(() => handle?.close())

  it('stores only the sha-256 of a key, with an audit entry, and revokes it', async () => {
    const created = await createApiKey(handle.db, { name: 'eerste beheerder', role: 'admin' })
    expect(created.key).toMatch(/^sb_[A-Za-z0-9_-]{43}$/)
    const row = await findActiveApiKey(handle.db, hashApiKey(created.key))
    expect(row).toMatchObject({ id: created.id, role: 'admin', hash: hashApiKey(created.key) })
    const stored = await handle.db.selectFrom('api_key').selectAll().where('id', '=', created.id).execute()
    expect(JSON.stringify(stored)).not.toContain(created.key)
    const audit = await handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('subject', '=', `api_key:${created.id}`)
      .execute()
    expect(audit).toMatchObject([{ actor: 'cli', action: 'api_key.create' }])
    expect(await revokeApiKey(handle.db, created.id)).toBe(true)
    expect(await revokeApiKey(handle.db, created.id)).toBe(false)
    expect(await findActiveApiKey(handle.db, hashApiKey(created.key))).toBeUndefined()
  })

  it('fits the scope to the role, in code and in the database', async () => {
    const groupId = await upsertSchoolGroup(handle.db, 'Scholengroep Kempen')
    await expect(
      createApiKey(handle.db, { name: 'x', role: 'school', scope: { schoolGroupId: groupId } }),
    ).resolves.toMatchObject({ role: 'school' })
    await expect(
      createApiKey(handle.db, { name: 'x', role: 'company', scope: { companyId } }),
    ).resolves.toMatchObject({ role: 'company' })
    await expect(createApiKey(handle.db, { name: 'x', role: 'school' })).rejects.toThrow(ApiKeyError)
    await expect(createApiKey(handle.db, { name: 'x', role: 'admin', scope: { schoolId } })).rejects.toThrow(
      ApiKeyError,
    )
    await expect(
      createApiKey(handle.db, { name: 'x', role: 'company', scope: { schoolId } }),
    ).rejects.toThrow(ApiKeyError)
    await expect(
      createApiKey(handle.db, {
        name: 'x',
        role: 'company',
        scope: { companyId: '00000000-0000-4000-8000-000000000000' },
      }),
    ).rejects.toThrow('No company with id')
    await expect(
      handle.db
        .insertInto('api_key')
        .values({
          hash: 'a'.repeat(64),
          name: 'x',
          role: 'company',
          scope_school_id: schoolId,
          scope_school_group_id: null,
          scope_company_id: null,
        })
        .execute(),
    ).rejects.toThrow(/api_key_role_scope_check/)
  })

  it('gives loadSnapshot the pins in force, and drops removed, declined and out-of-match pins', async () => {
    const [s1, s2] = studentIds as [string, string]
    const [p1, p2] = placeIds as [string, string]
    await handle.db
      .insertInto('placement_override')
      .values([
        { kind: 'pin', student_id: s1, place_id: p2, reason: 'dicht bij huis', created_by: 'test' },
        {
          kind: 'pin',
          student_id: s2,
          place_id: p1,
          reason: 'oud',
          created_by: 'test',
          removed_at: new Date(),
          removed_by: 'test',
        },
      ])
      .execute()
    expect((await loadSnapshot(handle.db)).pinned).toEqual([
      { student: s1, place: p2, reason: 'dicht bij huis' },
    ])

    // one pin in force per student
    await expect(
      handle.db
        .insertInto('placement_override')
        .values({ kind: 'pin', student_id: s1, place_id: p1, reason: 'x', created_by: 'test' })
        .execute(),
    ).rejects.toThrow(/placement_override_active_pin_key/)
    // a reason is required
    await expect(
      handle.db
        .insertInto('placement_override')
        .values({ kind: 'pin', student_id: s2, place_id: p1, reason: '  ', created_by: 'test' })
        .execute(),
    ).rejects.toThrow()

    await sql`update place set status = 'closed' where id = ${p2}`.execute(handle.db)
    expect((await loadSnapshot(handle.db)).pinned).toEqual([])
    await sql`update place set status = 'open' where id = ${p2}`.execute(handle.db)

    const runId = await createMatchRun(handle.db, { seed: 1 })
    await handle.db
      .insertInto('proposal')
      .values({
        run_id: runId,
        student_id: s1,
        place_id: p2,
        rank: 1,
        score: 1,
        breakdown: sql`'{}'::jsonb` as never,
        kind: 'allocated',
        status: 'declined',
      })
      .execute()
    expect((await loadSnapshot(handle.db)).pinned).toEqual([])
  })

  it('loads one student and one place pinned together for a move', async () => {
    const input = await loadPairInput(handle.db, {
      studentId: studentIds[0]!,
      placeId: placeIds[1]!,
      reason: 'verhuisd',
    })
    expect(input?.students.map((s) => s.id)).toEqual([studentIds[0]])
    expect(input?.places.map((p) => [p.id, p.capacity])).toEqual([[placeIds[1], 1]])
    expect(input?.pinned).toEqual([{ student: studentIds[0], place: placeIds[1], reason: 'verhuisd' }])
    expect(
      await loadPairInput(handle.db, { studentId: placeIds[0]!, placeId: placeIds[1]!, reason: 'x' }),
    ).toBeUndefined()
  })
})
