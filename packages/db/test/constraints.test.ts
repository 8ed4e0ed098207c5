import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb } from '../../../test/support/databases.js'
import { insertPlaces, json, upsertCompany, upsertSchool } from '../src/index.js'
import { companyInput, GEEL, kbo, placeInput, studentInput } from './support/fixtures.js'

/** The Postgres error code and constraint a failed statement reports (pg and PGlite both set them). */
async function violation(promise: Promise<unknown>): Promise<{ code: string; constraint?: string }> {
  const error = await promise.then(
    () => expect.unreachable('statement should have failed'),
    (e: unknown) => e as { code: string; constraint?: string },
  )
  return { code: error.code, ...(error.constraint ? { constraint: error.constraint } : {}) }
}

describe.each(ENGINES)('constraints on %s', (engine) => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  let schoolId: string
  let companyId: string
  beforeAll(async () => {
    handle = await openSeededDb(engine)
    schoolId = await upsertSchool(handle.db, { name: 'Sint-Jan', instellingsnummer: '12345', postcode: GEEL })
    companyId = await upsertCompany(handle.db, companyInput(1))
  })
  afterAll(() => handle?.close())

  it('accepts a valid KBO number and rejects a wrong check number or a non-number', async () => {
    // KBC Group's real enterprise number: 97 - (04032275 mod 97) = 15
    expect(kbo(4_032_275)).toBe('0403227515')
    await expect(upsertCompany(handle.db, companyInput(2, { kboNumber: '0403227515' }))).resolves.toMatch(
      /^[0-9a-f-]{36}$/,
    )
    expect(await violation(upsertCompany(handle.db, companyInput(3, { kboNumber: '0403227516' })))).toEqual({
      code: '23514',
      constraint: 'company_kbo_number_check',
    })
    expect(await violation(upsertCompany(handle.db, companyInput(3, { kboNumber: '04030001AB' })))).toEqual({
      code: '23514',
      constraint: 'company_kbo_number_check',
    })
  })

  it('rejects a negative capacity and a period that ends before it starts', async () => {
    expect(await violation(insertPlaces(handle.db, [placeInput(companyId, { capacity: -1 })]))).toEqual({
      code: '23514',
      constraint: 'place_capacity_check',
    })
    const backwards = placeInput(companyId, { period: { start: '2027-03-01', end: '2027-02-01' } })
    expect(await violation(insertPlaces(handle.db, [backwards]))).toEqual({
      code: '23514',
      constraint: 'place_period_order',
    })
  })

  it('rejects availability that ends before it starts, and an unknown status', async () => {
    const s = studentInput('s-1')
    const row = {
      school_id: schoolId,
      external_id: s.externalId,
      first_name: s.firstName,
      last_name: s.lastName,
      birth_date: s.birthDate,
      programme_id: s.programmeId,
      grade: s.grade,
      home_postcode: s.homePostcode,
      competences: [],
      interests: [],
      wishes: json([]),
      available_from: '2027-03-01',
      available_to: '2027-02-01',
      max_travel_km: 10,
      seeks: 'internship' as const,
      work_readiness: 'ready' as const,
      needs_inclusive: false,
      priority: false,
      driving_licence: false,
      first_two_years_done: true,
    }
    expect(await violation(handle.db.insertInto('student').values(row).execute())).toEqual({
      code: '23514',
      constraint: 'student_availability_order',
    })
    const unknownStatus = { ...row, available_to: '2027-04-01', status: 'graduated' as never }
    expect(await violation(handle.db.insertInto('student').values(unknownStatus).execute())).toEqual({
      code: '23514',
      constraint: 'student_status_check',
    })
    expect(
      await violation(
        handle.db
          .insertInto('student')
          .values({ ...row, available_to: '2027-04-01', seeks: 'x' as never })
          .execute(),
      ),
    ).toEqual({
      code: '23514',
      constraint: 'student_seeks_check',
    })
  })

  it('keeps external ids unique per school, not across schools', async () => {
    const other = await upsertSchool(handle.db, {
      name: 'Sint-Victor',
      instellingsnummer: '67890',
      postcode: GEEL,
    })
    const s = studentInput('dup')
    const row = (school_id: string) => ({
      school_id,
      external_id: s.externalId,
      first_name: s.firstName,
      last_name: s.lastName,
      birth_date: s.birthDate,
      programme_id: s.programmeId,
      grade: s.grade,
      home_postcode: s.homePostcode,
      competences: [],
      interests: [],
      wishes: json([]),
      available_from: '2027-02-01',
      available_to: '2027-03-01',
      max_travel_km: 10,
      seeks: 'internship' as const,
      work_readiness: 'ready' as const,
      needs_inclusive: false,
      priority: false,
      driving_licence: false,
      first_two_years_done: true,
    })
    await handle.db.insertInto('student').values(row(schoolId)).execute()
    await handle.db.insertInto('student').values(row(other)).execute()
    expect(await violation(handle.db.insertInto('student').values(row(schoolId)).execute())).toEqual({
      code: '23505',
      constraint: 'student_school_external_id_key',
    })
  })

  it('rejects an unknown proposal status and a duplicate (run, student, place)', async () => {
    const student = await handle.db.selectFrom('student').select('id').executeTakeFirstOrThrow()
    const [placeId] = await insertPlaces(handle.db, [placeInput(companyId)])
    const run = await handle.db
      .insertInto('match_run')
      .values({ seed: 1, params: json({}), timings: json({}), counts: json({}) })
      .returning('id')
      .executeTakeFirstOrThrow()
    const proposal = {
      run_id: run.id,
      student_id: student.id,
      place_id: placeId!,
      rank: 1,
      score: 50,
      breakdown: json({}) as never,
      kind: 'allocated' as const,
    }
    expect(
      await violation(
        handle.db
          .insertInto('proposal')
          .values({ ...proposal, status: 'maybe' as never })
          .execute(),
      ),
    ).toEqual({ code: '23514', constraint: 'proposal_status_check' })
    await handle.db.insertInto('proposal').values(proposal).execute()
    expect(await violation(handle.db.insertInto('proposal').values(proposal).execute())).toEqual({
      code: '23505',
      constraint: 'proposal_run_student_place_key',
    })
  })
})
