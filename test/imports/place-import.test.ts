// A company's place registration through uploads → imports → db, on PostgreSQL and PGlite.
import { readFileSync } from 'node:fs'
import { importPlaceRegistration } from '@stagebrug/imports'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb } from '../support/databases.js'

const template = readFileSync(new URL('../../docs/templates/place-registration.csv', import.meta.url))
const meta = (bytes: Uint8Array) => ({ bytes, filename: 'plaatsen.csv', uploadedBy: 'hr@example.be' })

describe.each(ENGINES)('place import on %s', (engine) => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  beforeAll(async () => {
    handle = await openSeededDb(engine)
  })
  afterAll(() => handle.close())

  it('imports the uniform template: the company by KBO number and its place', async () => {
    const report = await importPlaceRegistration(handle.db, meta(template))
    expect(report).toMatchObject({ outcome: 'accepted', counts: { companies: 1, places: 1, seats: 2 } })
    const company = await handle.db
      .selectFrom('company')
      .select(['kbo_number', 'name'])
      .executeTakeFirstOrThrow()
    expect(company).toEqual({ kbo_number: '0403019261', name: 'Voorbeeld NV' })
    const place = await handle.db
      .selectFrom('place')
      .select(['capacity', 'establishment_postcode', 'kind'])
      .executeTakeFirstOrThrow()
    expect(place).toEqual({ capacity: 2, establishment_postcode: '3500', kind: 'internship' })
  })

  it('a wrong KBO check number rejects the whole file and stores nothing', async () => {
    const text = new TextDecoder().decode(template)
    const lines = text.trimEnd().split(/\r?\n/)
    const bad = lines[1]!.replace('0403.019.261', '0431.150.351').replace('LOG-01', 'LOG-02')
    const bytes = new TextEncoder().encode(
      [lines[0], lines[1]!.replace('LOG-01', 'LOG-03'), bad].join('\r\n'),
    )
    const before = await handle.db
      .selectFrom('place')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const report = await importPlaceRegistration(handle.db, meta(bytes))
    expect(report.outcome).toBe('rejected')
    if (report.outcome === 'rejected')
      expect(report.errors[0]).toMatchObject({ row: 3, value: '0431.150.351' })
    const after = await handle.db
      .selectFrom('place')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })
})
