import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb } from '../../../test/support/databases.js'
import { insertPlaces, upsertCompanies, upsertCompany, upsertPlaces } from '../src/index.js'
import { companyInput, MOL, placeInput } from './support/fixtures.js'

describe.each(ENGINES)('place upsert by (company, external id) on %s', (engine) => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  let companyId: string
  let otherCompanyId: string
  beforeAll(async () => {
    handle = await openSeededDb(engine)
    companyId = await upsertCompany(handle.db, companyInput(11))
    otherCompanyId = await upsertCompany(handle.db, companyInput(12))
  })
  afterAll(() => handle?.close())

  const upsert = (places: Parameters<typeof upsertPlaces>[1]) =>
    handle.db.transaction().execute((trx) => upsertPlaces(trx, places))
  const placesOf = (id: string) =>
    handle.db
      .selectFrom('place')
      .select(['id', 'external_id', 'capacity', 'status', 'updated_at'])
      .where('company_id', '=', id)
      .orderBy('external_id')
      .orderBy('id')
      .execute()

  it('creates, then leaves an identical registration alone, then updates only what changed', async () => {
    const first = await upsert([
      placeInput(companyId, { externalId: 'A' }),
      placeInput(companyId, { externalId: 'B', competences: [{ id: 2 as never, weight: 1 }] }),
    ])
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0 })
    const before = await placesOf(companyId)

    const again = await upsert([
      placeInput(companyId, { externalId: 'A' }),
      placeInput(companyId, { externalId: 'B', competences: [{ id: 2 as never, weight: 1 }] }),
    ])
    expect(again).toEqual({ created: 0, updated: 0, unchanged: 2, ids: first.ids })
    expect(await placesOf(companyId)).toEqual(before)

    const changed = await upsert([
      placeInput(companyId, { externalId: 'A', capacity: 3 }),
      placeInput(companyId, { externalId: 'B', competences: [{ id: 2 as never, weight: 1 }] }),
      placeInput(companyId, { externalId: 'C', establishmentPostcode: MOL }),
    ])
    expect(changed).toMatchObject({ created: 1, updated: 1, unchanged: 1 })
    expect(changed.ids.slice(0, 2)).toEqual(first.ids)
    const after = await placesOf(companyId)
    expect(after.map((p) => [p.external_id, p.capacity])).toEqual([
      ['A', 3],
      ['B', 1],
      ['C', 1],
    ])
    expect(after[1]!.updated_at).toEqual(before[1]!.updated_at)
  })

  it('keeps what the upload does not own (status) and never closes places missing from the list', async () => {
    const [a] = (await placesOf(companyId)).filter((p) => p.external_id === 'A')
    await handle.db.updateTable('place').set({ status: 'closed' }).where('id', '=', a!.id).execute()
    const result = await upsert([placeInput(companyId, { externalId: 'A', capacity: 4 })])
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 0 })
    const after = await placesOf(companyId)
    expect(after.map((p) => [p.external_id, p.capacity, p.status])).toEqual([
      ['A', 4, 'closed'],
      ['B', 1, 'open'],
      ['C', 1, 'open'],
    ])
  })

  it('always creates places without an external id; codes are per company', async () => {
    const count = async () => (await placesOf(otherCompanyId)).length
    await upsert([placeInput(otherCompanyId), placeInput(otherCompanyId)])
    await upsert([placeInput(otherCompanyId)])
    expect(await count()).toBe(3)
    expect(await upsert([placeInput(otherCompanyId, { externalId: 'A' })])).toMatchObject({ created: 1 })
    expect(await count()).toBe(4)
  })

  it('refuses a duplicate code in one call, and the database refuses one per company and a blank one', async () => {
    await expect(
      upsert([placeInput(companyId, { externalId: 'X' }), placeInput(companyId, { externalId: 'X' })]),
    ).rejects.toThrow('upsertPlaces: duplicate external id X')
    const code = (e: unknown) => ({
      code: (e as { code: string }).code,
      constraint: (e as { constraint?: string }).constraint,
    })
    expect(
      await insertPlaces(handle.db, [placeInput(companyId, { externalId: 'A' })]).then(
        () => expect.unreachable(),
        code,
      ),
    ).toEqual({ code: '23505', constraint: 'place_company_external_id_key' })
    expect(
      await insertPlaces(handle.db, [placeInput(companyId, { externalId: '  ' })]).then(
        () => expect.unreachable(),
        code,
      ),
    ).toEqual({ code: '23514', constraint: 'place_external_id_check' })
  })

  it('writes nothing when a row of a later batch fails: the transaction rolls it all back', async () => {
    const before = await placesOf(companyId)
    const many = Array.from({ length: 700 }, (_, i) => placeInput(companyId, { externalId: `M${i}` }))
    many.push(
      placeInput(companyId, { externalId: 'A', capacity: 9 }),
      placeInput(companyId, { capacity: -1 }),
    )
    await expect(upsert(many)).rejects.toMatchObject({ code: '23514', constraint: 'place_capacity_check' })
    expect(await placesOf(companyId)).toEqual(before)
  })

  it('upserts companies in bulk and does not touch an unchanged one', async () => {
    const stamp = () =>
      handle.db
        .selectFrom('company')
        .select(['kbo_number', 'name', 'updated_at'])
        .orderBy('kbo_number')
        .execute()
    const ids = await upsertCompanies(handle.db, [companyInput(11), companyInput(13), companyInput(13)])
    expect(ids.get(companyInput(11).kboNumber)).toBe(companyId)
    expect(ids.size).toBe(2)
    const before = await stamp()
    expect(await upsertCompanies(handle.db, [companyInput(11), companyInput(13)])).toEqual(ids)
    expect(await stamp()).toEqual(before)
    await upsertCompanies(handle.db, [companyInput(13, { name: 'Nieuwe naam' }), companyInput(13)])
    const after = await stamp()
    expect(after.find((c) => c.name === 'Nieuwe naam')).toBeDefined()
    expect(after.filter((c) => c.kbo_number === companyInput(11).kboNumber)).toEqual(
      before.filter((c) => c.kbo_number === companyInput(11).kboNumber),
    )
  })
})
