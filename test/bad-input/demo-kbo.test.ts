import { seedSynthetic } from '@stagebrug/demo'
import { parsePlaceRegistration } from '@stagebrug/uploads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSeededDb, type TestDb } from '../support/databases.js'

// Issue 13, defect 6: the demo seeded KBO numbers (40000001xx) that its own upload validator refuses.
// Every company the demo seeds must be one a company could register through the place template,
// with its number written bare, as a spreadsheet shows it.
describe('the demo seeds KBO numbers that the upload validator accepts', () => {
  let db: TestDb
  beforeAll(async () => {
    db = await openSeededDb('postgres')
    await seedSynthetic(db.db, { students: 300, seed: 5, region: 'reg-kempen' })
  })
  afterAll(async () => {
    await db?.close()
  })

  it('uploads the place template once per seeded company number', async () => {
    const companies = await db.db.selectFrom('company').select('kbo_number').execute()
    expect(companies.length).toBeGreaterThan(10)
    const header =
      'ondernemingsnummer;bedrijfsnaam;postcode;soort;studierichtingen;aantal plaatsen;startdatum;einddatum;beginuur;einduur;e-mail contact'
    const rows = companies.map(
      (c, i) =>
        `${c.kbo_number};Bedrijf ${i};3500;stage;Logistiek;1;01/02/2027;26/03/2027;08:00;16:00;stage@example.be`,
    )
    const result = await parsePlaceRegistration(
      new TextEncoder().encode(`${[header, ...rows].join('\r\n')}\r\n`),
      'plaatsen.csv',
    )
    expect(result.ok ? [] : result.errors.slice(0, 3)).toEqual([])
    if (result.ok) expect(result.rows.map((r) => r.companyNumber)).toEqual(companies.map((c) => c.kbo_number))
  })
})
