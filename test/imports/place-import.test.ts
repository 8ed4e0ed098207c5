// A company's place registration through uploads → imports → db, on PostgreSQL and PGlite.
import { readFileSync } from 'node:fs'
import { importPlaceRegistration } from '@stagebrug/imports'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb } from '../support/databases.js'
import { csv, kbo, PLACE_HEADER, place, storedRows, table, utf8 } from '../support/upload-files.js'

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

  describe('re-uploads: upsert by (company, plaatscode)', () => {
    const file = (records: readonly Record<string, string>[]) =>
      meta(utf8(csv(table(PLACE_HEADER, records)), true))
    const ours = (code: string, over: Record<string, string> = {}) =>
      place(code, { ondernemingsnummer: kbo(1), ...over })
    const first = [ours('A'), ours('B', { 'aantal plaatsen': '1' }), ours('C', { soort: 'duaal' })]
    const placesOfCompany = () =>
      handle.db
        .selectFrom('place')
        .innerJoin('company', 'company.id', 'place.company_id')
        .select(['place.external_id', 'place.capacity', 'place.kind', 'place.status'])
        .where('company.kbo_number', '=', kbo(1))
        .orderBy('place.external_id')
        .execute()

    it('the same registration twice: everything unchanged the second time, and nothing written', async () => {
      expect(await importPlaceRegistration(handle.db, file(first))).toMatchObject({
        outcome: 'accepted',
        counts: { companies: 1, places: 3, created: 3, updated: 0, unchanged: 0, seats: 5 },
      })
      const before = await storedRows(handle.db)
      expect(await importPlaceRegistration(handle.db, file(first))).toMatchObject({
        outcome: 'accepted',
        counts: { companies: 1, places: 3, created: 0, updated: 0, unchanged: 3, seats: 5 },
      })
      expect(await storedRows(handle.db)).toEqual(before)
    })

    it('a corrected registration updates and creates; a place missing from it stays open', async () => {
      const corrected = [first[0]!, { ...first[1]!, 'aantal plaatsen': '4' }, ours('D')]
      expect(await importPlaceRegistration(handle.db, file(corrected))).toMatchObject({
        counts: { places: 3, created: 1, updated: 1, unchanged: 1 },
      })
      expect(await placesOfCompany()).toEqual([
        { external_id: 'A', capacity: 2, kind: 'internship', status: 'open' },
        { external_id: 'B', capacity: 4, kind: 'internship', status: 'open' },
        { external_id: 'C', capacity: 2, kind: 'dual', status: 'open' },
        { external_id: 'D', capacity: 2, kind: 'internship', status: 'open' },
      ])
    })

    it('rows without a plaatscode are new places on every upload', async () => {
      const uncoded = [place('', { ondernemingsnummer: kbo(2) })]
      const count = async () =>
        (
          await handle.db
            .selectFrom('place')
            .innerJoin('company', 'company.id', 'place.company_id')
            .select('place.id')
            .where('company.kbo_number', '=', kbo(2))
            .execute()
        ).length
      expect(await importPlaceRegistration(handle.db, file(uncoded))).toMatchObject({
        counts: { created: 1 },
      })
      expect(await importPlaceRegistration(handle.db, file(uncoded))).toMatchObject({
        counts: { created: 1 },
      })
      expect(await count()).toBe(2)
    })

    it('two companies may use the same plaatscode in one file', async () => {
      const both = [place('A', { ondernemingsnummer: kbo(1) }), place('A', { ondernemingsnummer: kbo(3) })]
      expect(await importPlaceRegistration(handle.db, file(both))).toMatchObject({
        counts: { companies: 2, created: 1, unchanged: 1 },
      })
    })
  })
})
