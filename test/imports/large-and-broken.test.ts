// A 10,000-row placement list on real programmes and postcodes, and one broken row at the start, in
// the middle or at the end of a list or a registration: the whole file is refused and the database
// is exactly as before. On PostgreSQL and PGlite.
import { upsertSchool } from '@stagebrug/db'
import { importPlaceRegistration, importStudentList } from '@stagebrug/imports'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb } from '../support/databases.js'
import {
  csv,
  kbo,
  PLACE_HEADER,
  place,
  realisticPupils,
  STUDENT_HEADER,
  storedRows,
  table,
  utf8,
} from '../support/upload-files.js'

const N = 10_000
const list = (records: readonly Record<string, string>[]) => ({
  bytes: utf8(csv(table(STUDENT_HEADER, records)), true),
  filename: 'leerlingen.csv',
  uploadedBy: 'coordinator@school.be',
  school: '123456',
})
const registration = (records: readonly Record<string, string>[]) => ({
  bytes: utf8(csv(table(PLACE_HEADER, records)), true),
  filename: 'plaatsen.csv',
  uploadedBy: 'hr@example.be',
})
const WHERE = { start: 0, middle: 0.5, end: 1 } as const
const at = (where: keyof typeof WHERE, length: number) => Math.round(WHERE[where] * (length - 1))

describe.each(ENGINES)('large lists and broken rows on %s', (engine) => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  const pupils = realisticPupils(N)
  const registered = Array.from({ length: 300 }, (_, i) =>
    place(`P-${i + 1}`, { ondernemingsnummer: kbo(i % 40), bedrijfsnaam: `Bedrijf ${i % 40}` }),
  )
  beforeAll(async () => {
    handle = await openSeededDb(engine)
    await upsertSchool(handle.db, { name: 'GO! Atheneum', instellingsnummer: '123456', postcode: '9100' })
  })
  afterAll(() => handle?.close())

  const countStudents = async (status?: 'open' | 'withdrawn') => {
    let query = handle.db.selectFrom('student').select((eb) => eb.fn.countAll<string>().as('n'))
    if (status) query = query.where('status', '=', status)
    return Number((await query.executeTakeFirstOrThrow()).n)
  }

  it('imports 10,000 pupils on real programmes and postcodes with the right counts', async () => {
    const report = await importStudentList(handle.db, list(pupils))
    expect(report.outcome === 'rejected' ? report.errors.slice(0, 3) : []).toEqual([])
    expect(report).toMatchObject({ counts: { created: N, updated: 0, unchanged: 0, withdrawn: 0 } })
    expect(await countStudents('open')).toBe(N)
    const last = await handle.db
      .selectFrom('student')
      .select(['first_name', 'home_postcode', 'programme_id'])
      .where('external_id', '=', '0010000')
      .executeTakeFirstOrThrow()
    expect(last.home_postcode).toBe(pupils[N - 1]!.postcode)
    const programmes = await handle.db
      .selectFrom('student')
      .select((eb) => eb.fn.count<string>('programme_id').distinct().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(programmes.n)).toBeGreaterThan(50)
  })

  it('re-imports the same 10,000 as unchanged, and a corrected list as 1 updated and 1 withdrawn', async () => {
    expect(await importStudentList(handle.db, list(pupils))).toMatchObject({
      counts: { created: 0, updated: 0, unchanged: N, withdrawn: 0 },
    })
    const corrected = pupils.slice(0, N - 1).map((p, i) => (i === 4_999 ? { ...p, klas: '6LOG-B' } : p))
    expect(await importStudentList(handle.db, list(corrected))).toMatchObject({
      counts: { created: 0, updated: 1, unchanged: N - 2, withdrawn: 1 },
    })
    expect(await countStudents('withdrawn')).toBe(1)
  })

  it.each(['start', 'middle', 'end'] as const)(
    'a broken row at the %s of a 10,000-row list leaves every student as it was',
    async (where) => {
      const before = await storedRows(handle.db)
      const i = at(where, N)
      // every other row changes too, and one pupil is new: a partial write could not go unnoticed
      const records = pupils.map((p, j) => ({
        ...p,
        klas: '7LOG',
        ...(j === i ? { geboortedatum: '31/02/2008' } : {}),
      }))
      const report = await importStudentList(handle.db, list([...records, realisticPupils(N + 1)[N]!]))
      expect(report.outcome === 'rejected' && report.errors).toEqual([
        {
          row: i + 2,
          column: 'geboortedatum',
          value: '31/02/2008',
          message:
            'Geboortedatum is geen geldige datum (verwacht dd/mm/jjjj) / Birth date is not a valid date (expected dd/mm/yyyy)',
        },
      ])
      expect(await storedRows(handle.db)).toEqual(before)
    },
  )

  it('imports a 300-place registration of 40 companies', async () => {
    const report = await importPlaceRegistration(handle.db, registration(registered))
    expect(report).toMatchObject({
      outcome: 'accepted',
      counts: { companies: 40, places: 300, created: 300, updated: 0, unchanged: 0, seats: 600 },
    })
  })

  it.each(['start', 'middle', 'end'] as const)(
    'a broken row at the %s of a registration leaves every company and place as it was',
    async (where) => {
      const before = await storedRows(handle.db)
      const i = at(where, registered.length)
      const records = registered.map((p, j) => ({
        ...p,
        'aantal plaatsen': '3',
        bedrijfsnaam: `${p.bedrijfsnaam} BV`,
        ...(j === i ? { einddatum: '01/01/2027' } : {}),
      }))
      const report = await importPlaceRegistration(handle.db, registration([...records, place('P-NEW')]))
      expect(report.outcome === 'rejected' && report.errors).toEqual([
        {
          row: i + 2,
          column: 'einddatum',
          value: '01/01/2027',
          message: 'Einddatum moet na de startdatum liggen / End date must be after the start date',
        },
      ])
      expect(await storedRows(handle.db)).toEqual(before)
    },
  )
})
