import { readFileSync } from 'node:fs'
import { importPlaceRegistration } from '@stagebrug/imports'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb } from '../support/databases.js'

// The template's document fields (werkpostfiche, agreement) reach the place row; a re-upload that
// changes only one of them is an update, the same file again changes nothing.
const template = readFileSync(new URL('../../docs/templates/place-registration.csv', import.meta.url))
const meta = (bytes: Uint8Array) => ({ bytes, filename: 'plaatsen.csv', uploadedBy: 'hr@example.be' })

describe.each(ENGINES)('place document fields through the import on %s', (engine) => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  beforeAll(async () => {
    handle = await openSeededDb(engine)
  })
  afterAll(() => handle.close())

  const stored = () =>
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
      .executeTakeFirstOrThrow()

  const mentors = () =>
    handle.db
      .selectFrom('mentor as m')
      .select(['m.name', 'm.function', 'm.email'])
      .select((eb) =>
        eb
          .selectFrom('place_mentor as pm')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('pm.mentor_id', '=', 'm.id')
          .as('links'),
      )
      .execute()
      .then((rows) => rows.map(({ links, ...m }) => ({ ...m, places: Number(links) })))

  it('stores what the template registers for the documents', async () => {
    expect(await importPlaceRegistration(handle.db, meta(template))).toMatchObject({
      outcome: 'accepted',
      counts: { created: 1 },
    })
    expect(await stored()).toEqual({
      establishment_street: 'Industrieweg',
      establishment_house_number: '5',
      establishment_municipality: 'Hasselt',
      workstation: 'Magazijnmedewerker orderpicking',
      activities: 'Goederen ontvangen en controleren, orders verzamelen, rekken aanvullen',
      risks: ['val-gelijkvloers', 'vallende-voorwerpen', 'knellen', 'lawaai'],
      increased_risk: false,
      protective_measures: 'Veiligheidsschoenen, werkhandschoenen en fluohesje (PBM), geen heftruck',
      health_surveillance: false,
      health_surveillance_type: null,
    })
    // The mentor columns fill the mentor table (migration 0018), linked to the place.
    expect(await mentors()).toEqual([
      {
        name: 'Noël Vermeulen',
        function: 'Magazijnverantwoordelijke',
        email: 'noel.vermeulen@example.be',
        places: 1,
      },
    ])
  })

  it('updates a place when only a document field changed, and leaves it alone otherwise', async () => {
    expect(await importPlaceRegistration(handle.db, meta(template))).toMatchObject({
      counts: { created: 0, updated: 0, unchanged: 1 },
    })
    const text = new TextDecoder().decode(template).replace('Magazijnmedewerker orderpicking', 'Orderpicker')
    expect(await importPlaceRegistration(handle.db, meta(new TextEncoder().encode(text)))).toMatchObject({
      counts: { created: 0, updated: 1, unchanged: 0 },
    })
    expect((await stored()).workstation).toBe('Orderpicker')
  })

  it('keeps one mentor per e-mail: a new name for the same e-mail renames that mentor', async () => {
    const text = new TextDecoder().decode(template).replace('Noël Vermeulen', 'Zoë Vermeulen')
    expect(await importPlaceRegistration(handle.db, meta(new TextEncoder().encode(text)))).toMatchObject({
      outcome: 'accepted',
    })
    expect(await mentors()).toEqual([
      {
        name: 'Zoë Vermeulen',
        function: 'Magazijnverantwoordelijke',
        email: 'noel.vermeulen@example.be',
        places: 1,
      },
    ])
  })
})
