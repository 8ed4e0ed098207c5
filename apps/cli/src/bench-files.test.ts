// The files `pnpm bench import` generates must be files the import accepts, or the bench measures a refusal.
import { createDb, runMigrations, seedReferenceData, upsertSchool } from '@stagebrug/db'
import { importPlaceRegistration, importStudentList } from '@stagebrug/imports'
import { generateInstance } from '@stagebrug/synthetic'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { placementList, placeRegistration, toCsv } from './bench-files.js'

describe('pnpm bench import files', () => {
  const handle = createDb('pglite://memory')
  const instance = generateInstance({ students: 300, seed: 7 })
  beforeAll(async () => {
    expect((await runMigrations(handle.db)).error).toBeUndefined()
    await seedReferenceData(handle.db)
    await upsertSchool(handle.db, { name: 'Bench', instellingsnummer: '999001', postcode: '2440' })
  })
  afterAll(() => handle.destroy())

  it('a generated placement list is accepted whole', async () => {
    const bytes = toCsv(placementList(instance))
    const report = await importStudentList(handle.db, {
      bytes,
      filename: 'bench.csv',
      uploadedBy: 'test',
      school: '999001',
    })
    expect(report.outcome === 'rejected' ? report.errors.slice(0, 3) : []).toEqual([])
    expect(report).toMatchObject({ outcome: 'accepted', counts: { created: 300 } })
  })

  it('a generated place registration is accepted whole, and again as unchanged', async () => {
    const rows = placeRegistration(instance)
    const meta = { bytes: toCsv(rows), filename: 'bench.csv', uploadedBy: 'test' }
    const report = await importPlaceRegistration(handle.db, meta)
    expect(report.outcome === 'rejected' ? report.errors.slice(0, 3) : []).toEqual([])
    expect(report).toMatchObject({ outcome: 'accepted', counts: { created: rows.length - 1 } })
    expect(await importPlaceRegistration(handle.db, meta)).toMatchObject({
      counts: { created: 0, updated: 0, unchanged: rows.length - 1 },
    })
  })
})
