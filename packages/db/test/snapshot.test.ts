import { match } from '@stagebrug/matching-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb } from '../../../test/support/databases.js'
import {
  createMatchRun,
  insertPlaces,
  insertProposals,
  loadSnapshot,
  upsertCompany,
  upsertSchool,
  upsertStudents,
} from '../src/index.js'
import { companyInput, GEEL, MOL, PROGRAMME_ID, placeInput, studentInput, TODAY } from './support/fixtures.js'

describe.each(ENGINES)('snapshot → match → proposals on %s', (engine) => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  let placeIds: string[]
  beforeAll(async () => {
    handle = await openSeededDb(engine)
    const schoolId = await upsertSchool(handle.db, {
      name: 'Sint-Jan',
      instellingsnummer: '3001',
      postcode: GEEL,
    })
    await handle.db
      .transaction()
      .execute((trx) =>
        upsertStudents(trx, schoolId, [
          studentInput('s1'),
          studentInput('s2', { homePostcode: MOL, priority: true }),
          studentInput('s3', { maxTravelKm: 40 }),
        ]),
      )
    const companyId = await upsertCompany(handle.db, companyInput(7))
    placeIds = await insertPlaces(handle.db, [
      placeInput(companyId, { capacity: 2 }),
      placeInput(companyId, {
        establishmentPostcode: MOL,
        capacity: 1,
        hours: { start: '07:00', end: '15:00', shiftWork: true },
      }),
    ])
  })
  afterAll(() => handle?.close())

  it('maps rows to the domain objects the core expects', async () => {
    const input = await loadSnapshot(handle.db)
    expect(input.students).toHaveLength(3)
    expect(input.places).toHaveLength(2)
    const s2 = input.students.find((s) => s.priority)!
    expect(s2).toEqual({
      id: expect.any(String),
      schoolId: expect.any(String),
      programme: PROGRAMME_ID,
      grade: 3,
      firstTwoYearsDone: true,
      home: { postcode: MOL, lat: expect.any(Number), lon: expect.any(Number) },
      school: { postcode: GEEL, lat: expect.any(Number), lon: expect.any(Number) },
      maxTravelKm: 20,
      competences: [1, 2],
      interests: [],
      wishes: [{ kind: 'sector', id: 'zorg' }],
      availability: { start: '2027-02-01', end: '2027-03-31' },
      birthDate: '2008-05-01',
      drivingLicence: false,
      seeks: 'internship',
      workReadiness: 'ready',
      needsInclusiveWorkplace: false,
      abroad: false,
      priority: true,
      travelFrom: 'home',
    })
    expect(s2.home.lat).toBeCloseTo(51.19, 1)
    const mol = input.places.find((p) => p.establishment.postcode === MOL)!
    expect(mol).toMatchObject({
      id: placeIds[1],
      kind: 'internship',
      capacity: 1,
      programmes: [PROGRAMME_ID],
      competences: [{ id: 1, weight: 1 }],
      period: { start: '2027-01-15', end: '2027-06-30' },
      hours: { start: '07:00', end: '15:00', shiftWork: true },
      mentors: [],
      recognitions: [],
      preferredStudents: [],
    })
    expect(input.relatedProgrammes.length).toBeGreaterThan(0)
  })

  it('feeds match() and stores its proposals idempotently', async () => {
    const result = match(await loadSnapshot(handle.db), { seed: 42, today: TODAY })
    expect(result.summary).toMatchObject({ students: 3, places: 2, seats: 3, matched: 3, unmatched: 0 })
    const proposals = result.students.flatMap((s) => s.proposals)
    expect(proposals.length).toBeGreaterThanOrEqual(3)

    const runId = await createMatchRun(handle.db, { seed: 42, params: { today: TODAY } })
    const count = async () =>
      (
        await handle.db
          .selectFrom('proposal')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('run_id', '=', runId)
          .executeTakeFirstOrThrow()
      ).n
    expect(await handle.db.transaction().execute((trx) => insertProposals(trx, runId, proposals))).toBe(
      proposals.length,
    )
    expect(await count()).toBe(proposals.length)
    expect(await handle.db.transaction().execute((trx) => insertProposals(trx, runId, proposals))).toBe(0)
    expect(await count()).toBe(proposals.length)

    const stored = await handle.db
      .selectFrom('proposal')
      .select(['score', 'breakdown'])
      .where('run_id', '=', runId)
      .where('student_id', '=', proposals[0]!.student)
      .where('place_id', '=', proposals[0]!.place)
      .executeTakeFirstOrThrow()
    expect(stored.score).toBeCloseTo(proposals[0]!.score, 2)
    expect(stored.breakdown).toEqual(proposals[0]!.breakdown)
  })

  it('counts accepted proposals against capacity and blocks declined pairs', async () => {
    const [geel, mol] = placeIds as [string, string]
    const rows = await handle.db.selectFrom('proposal').select(['id', 'student_id', 'place_id']).execute()
    const onGeel = rows.filter((r) => r.place_id === geel)
    const accepted = onGeel[0]!
    await handle.db
      .updateTable('proposal')
      .set({ status: 'accepted', status_by: 'test', status_at: new Date() })
      .where('id', '=', accepted.id)
      .execute()
    await handle.db
      .updateTable('student')
      .set({ status: 'placed' })
      .where('id', '=', accepted.student_id)
      .execute()
    const declined = rows.find((r) => r.student_id !== accepted.student_id)!
    await handle.db
      .updateTable('proposal')
      .set({ status: 'declined' })
      .where('id', '=', declined.id)
      .execute()

    const input = await loadSnapshot(handle.db)
    expect(input.students.map((s) => s.id)).not.toContain(accepted.student_id)
    expect(input.students).toHaveLength(2)
    expect(Object.fromEntries(input.places.map((p) => [p.id, p.capacity]))).toEqual({ [geel]: 1, [mol]: 1 })
    expect(input.blockedPairs).toEqual([{ student: declined.student_id, place: declined.place_id }])

    await handle.db.updateTable('place').set({ status: 'closed' }).where('id', '=', mol).execute()
    expect((await loadSnapshot(handle.db)).places.map((p) => p.id)).toEqual([geel])
  })
})
