import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb } from '../../../test/support/databases.js'
import { upsertCompany, upsertPlaces } from '../src/index.js'
import { companyInput, placeInput } from './support/fixtures.js'

describe.each(ENGINES)('place document fields (migration 0011) on %s', (engine) => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  let companyId: string
  beforeAll(async () => {
    handle = await openSeededDb(engine)
    companyId = await upsertCompany(handle.db, companyInput(21))
  })
  afterAll(() => handle?.close())

  const upsert = (places: Parameters<typeof upsertPlaces>[1]) =>
    handle.db.transaction().execute((trx) => upsertPlaces(trx, places))
  const stored = (id: string) =>
    handle.db
      .selectFrom('place')
      .select([
        'establishment_street',
        'establishment_house_number',
        'establishment_municipality',
        'workstation',
        'activities',
        'risks',
        'increased_risk',
        'protective_measures',
        'health_surveillance',
        'health_surveillance_type',
      ])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()

  it('stores NULL for what was not registered, and an empty risk list as an explicit none', async () => {
    const { ids } = await upsert([
      placeInput(companyId, { externalId: 'N' }),
      placeInput(companyId, { externalId: 'E', risks: [] }),
    ])
    expect(await stored(ids[0]!)).toEqual({
      establishment_street: null,
      establishment_house_number: null,
      establishment_municipality: null,
      workstation: null,
      activities: null,
      risks: null,
      increased_risk: null,
      protective_measures: null,
      health_surveillance: null,
      health_surveillance_type: null,
    })
    expect((await stored(ids[1]!)).risks).toEqual([])
  })

  it('stores every field, and a re-upload that changes one of them is an update', async () => {
    const full = placeInput(companyId, {
      externalId: 'F',
      establishmentStreet: 'Kleinhoefstraat',
      establishmentHouseNumber: '4 bus 2',
      establishmentMunicipality: 'Geel',
      workstation: 'Magazijnmedewerker',
      activities: 'Orders verzamelen; goederen ontvangen',
      risks: ['lawaai', 'knellen'],
      increasedRisk: false,
      protectiveMeasures: 'Veiligheidsschoenen, handschoenen',
      healthSurveillance: true,
      healthSurveillanceType: 'Veiligheidsfunctie (heftruck)',
    })
    const first = await upsert([full])
    expect(first).toMatchObject({ created: 1 })
    expect(await stored(first.ids[0]!)).toMatchObject({
      establishment_house_number: '4 bus 2',
      risks: ['lawaai', 'knellen'],
      health_surveillance: true,
    })
    expect(await upsert([full])).toMatchObject({ unchanged: 1 })
    expect(await upsert([{ ...full, risks: ['lawaai'] }])).toMatchObject({ updated: 1 })
    expect((await stored(first.ids[0]!)).risks).toEqual(['lawaai'])
  })

  it('refuses a health-surveillance type without health surveillance, and blank text', async () => {
    await expect(
      upsert([placeInput(companyId, { healthSurveillance: false, healthSurveillanceType: 'x' })]),
    ).rejects.toThrow(/place_health_surveillance_type_needs_surveillance/)
    await expect(upsert([placeInput(companyId, { workstation: '  ' })])).rejects.toThrow(/check/)
  })
})
