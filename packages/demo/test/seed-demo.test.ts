import type { Database } from '@stagebrug/db'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSeededDb } from '../../../test/support/databases.js'
import { type Seeded, seedSynthetic } from '../src/index.js'

type Handle = Awaited<ReturnType<typeof openSeededDb>>
const OPTIONS = { students: 2_400, seed: 42, region: ['reg-kempen', 'reg-limburgse-kempen'] } as const

/** Everything seeded, in a stable order, without generated ids. */
async function contents(db: Kysely<Database>) {
  return {
    schools: await db
      .selectFrom('school')
      .innerJoin('postcode', 'postcode.postcode', 'school.postcode')
      .innerJoin('coordinator', 'coordinator.school_id', 'school.id')
      .select(['school.name', 'instellingsnummer', 'province', 'coordinator.name as coordinator', 'email'])
      .orderBy('instellingsnummer')
      .execute(),
    students: await db
      .selectFrom('student')
      .innerJoin('school', 'school.id', 'student.school_id')
      .select(['instellingsnummer', 'external_id', 'first_name', 'last_name', 'email', 'home_postcode'])
      .orderBy('instellingsnummer')
      .orderBy('external_id')
      .execute(),
    companies: await db
      .selectFrom('company')
      .select(['kbo_number', 'name', 'contact_name', 'contact_email'])
      .orderBy('kbo_number')
      .execute(),
    places: await db
      .selectFrom('place')
      .innerJoin('company', 'company.id', 'place.company_id')
      .select(['kbo_number', 'establishment_postcode', 'kind', 'capacity', 'sector'])
      .orderBy('kbo_number')
      .orderBy('establishment_postcode')
      .orderBy('kind')
      .orderBy('capacity')
      .orderBy('sector')
      .execute(),
  }
}

describe('seedSynthetic over two regions', () => {
  let a: Handle
  let b: Handle
  let seeded: Seeded

  beforeAll(async () => {
    ;[a, b] = await Promise.all([openSeededDb('postgres'), openSeededDb('postgres')])
    seeded = await seedSynthetic(a.db, OPTIONS)
  })
  afterAll(async () => {
    await a?.close()
    await b?.close()
  })

  it('puts schools with a coordinator in both regions, and splits the students evenly', async () => {
    const { schools, students, companies, places } = await contents(a.db)
    expect(seeded).toEqual({
      today: '2026-09-01',
      students: 2_400,
      places: places.length,
      schools: 4,
      companies: companies.length,
    })
    expect(schools.map((s) => s.province).sort()).toEqual(['Antwerpen', 'Antwerpen', 'Limburg', 'Limburg'])
    expect(new Set(schools.map((s) => s.name)).size).toBe(4)
    for (const s of schools) {
      expect(s.name).toMatch(/^GO! (Campus|Technisch Atheneum|Atheneum) \S/)
      expect(s.coordinator).toMatch(/^\p{Lu}\p{L}+ \p{Lu}/u)
      expect(s.email).toMatch(/^[a-z]+\.[a-z]+@go-[a-z-]+\.test$/)
    }
    expect(students).toHaveLength(2_400)
    expect(places.length).toBe(960)
    expect(companies.length).toBeGreaterThan(places.length / 2)
  })

  it('gives students names and unique school addresses, and companies a real-looking name and contact', async () => {
    const { schools, students, companies } = await contents(a.db)
    const domains = new Map(schools.map((s) => [s.instellingsnummer, s.email.split('@')[1]]))
    for (const s of students) {
      expect(s.email).toMatch(/^[a-z]+\.[a-z]+\d*@leerling\.go-[a-z-]+\.test$/)
      expect(s.email!.endsWith(`@leerling.${domains.get(s.instellingsnummer)}`)).toBe(true)
    }
    expect(new Set(students.map((s) => s.email)).size).toBe(students.length)
    expect(new Set(students.map((s) => s.last_name)).size).toBeGreaterThan(30)
    for (const c of companies) {
      expect(c.name).not.toContain(',')
      expect(c.name).toMatch(/^\p{Lu}/u)
      expect(c.contact_email).toMatch(/^[a-z]+\.[a-z]+@[a-z0-9-]+\.test$/)
    }
    expect(new Set(companies.map((c) => c.contact_email)).size).toBe(companies.length)
    // No student name is part of a company's name or contact, so company mails cannot carry one by accident.
    const companyWords = companies.map((c) => `${c.name} ${c.contact_name}`).join('\n')
    const leaked = [...new Set(students.flatMap((s) => [s.first_name, s.last_name]))].filter((n) =>
      new RegExp(`(?<!\\p{L})${n}(?!\\p{L})`, 'u').test(companyWords),
    )
    expect(leaked).toEqual([])
  })

  it('seeds the same data set again for the same options', async () => {
    await seedSynthetic(b.db, OPTIONS)
    expect(await contents(b.db)).toEqual(await contents(a.db))
  })
})

describe('seedSynthetic in one region', () => {
  let db: Handle

  beforeAll(async () => {
    db = await openSeededDb('postgres')
  })
  afterAll(async () => {
    await db?.close()
  })

  it('keeps the single-region form of the options working', async () => {
    const seeded = await seedSynthetic(db.db, { students: 300, seed: 5, region: 'reg-kempen' })
    expect(seeded).toMatchObject({ students: 300, schools: 1, places: 120 })
    const school = await db.db.selectFrom('school').select('name').executeTakeFirstOrThrow()
    expect(school.name).toMatch(/^GO! Campus /)
  })

  it('refuses an empty list of regions', async () => {
    await expect(seedSynthetic(db.db, { students: 10, seed: 1, region: [] })).rejects.toThrow(
      /region is an empty list/,
    )
  })
})
