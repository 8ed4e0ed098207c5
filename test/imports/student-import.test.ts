// A school's placement list through the whole inbound path: file bytes → uploads (parse,
// validate, resolve) → imports (all or nothing) → db, on real PostgreSQL and on PGlite.
import { upsertSchool } from '@stagebrug/db'
import { ImportError, importStudentList } from '@stagebrug/imports'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb } from '../support/databases.js'

const HEADER =
  'instellingsnummer;stamboeknummer;naam;voornaam;geboortedatum;klas;studierichting;graad;traject;postcode;gemeente;startdatum;einddatum;max km'
const row = (id: string, first: string, birth: string, postcode = '9100', gemeente = 'Sint-Niklaas') =>
  `123456;${id};Peeters;${first};${birth};6LOG;Logistiek;3;stage;${postcode};${gemeente};01/02/2027;26/03/2027;25`
const csv = (...rows: string[]) => new TextEncoder().encode(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`)
const upload = (bytes: Uint8Array) => ({
  bytes,
  filename: 'leerlingen.csv',
  uploadedBy: 'coordinator@school.be',
  school: '123456',
})

describe.each(ENGINES)('student import on %s', (engine) => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  beforeAll(async () => {
    handle = await openSeededDb(engine)
  })
  afterAll(() => handle.close())

  const students = () =>
    handle.db
      .selectFrom('student')
      .select(['external_id', 'first_name', 'status'])
      .orderBy('external_id')
      .execute()

  it('refuses a list for a school that does not exist', async () => {
    await expect(
      importStudentList(handle.db, upload(csv(row('0001', 'Zoë', '05/03/2008')))),
    ).rejects.toBeInstanceOf(ImportError)
  })

  it('imports a list, keeping leading zeros and accents', async () => {
    await upsertSchool(handle.db, {
      name: 'GO! Atheneum Sint-Niklaas',
      instellingsnummer: '123456',
      postcode: '9100',
    })
    const report = await importStudentList(
      handle.db,
      upload(
        csv(
          row('0001', 'Zoë', '05/03/2008'),
          row('0002', 'Liam', '12/11/2008'),
          row('0003', 'Noor', '2008-01-30'),
        ),
      ),
    )
    expect(report).toMatchObject({
      outcome: 'accepted',
      counts: { created: 3, updated: 0, unchanged: 0, withdrawn: 0 },
    })
    expect(report.mapping.find((m) => m.column === 'stamboeknummer')?.field).toBeDefined()
    expect(await students()).toEqual([
      { external_id: '0001', first_name: 'Zoë', status: 'open' },
      { external_id: '0002', first_name: 'Liam', status: 'open' },
      { external_id: '0003', first_name: 'Noor', status: 'open' },
    ])
  })

  it('re-upload: updates the changed, keeps the same, withdraws the missing', async () => {
    const report = await importStudentList(
      handle.db,
      upload(csv(row('0001', 'Zoë', '05/03/2008'), row('0002', 'Liam', '12/11/2008', '9000', 'Gent'))),
    )
    expect(report).toMatchObject({
      outcome: 'accepted',
      counts: { created: 0, updated: 1, unchanged: 1, withdrawn: 1 },
    })
    expect((await students()).map((s) => s.status)).toEqual(['open', 'open', 'withdrawn'])
  })

  it('a broken row anywhere leaves the students untouched and says which row, column and why', async () => {
    const before = await students()
    const report = await importStudentList(
      handle.db,
      upload(
        csv(
          row('0001', 'Zoë', '05/03/2008'),
          row('0004', 'Mila', '31/02/2008'),
          row('0005', 'Finn', '01/01/2009'),
        ),
      ),
    )
    expect(report.outcome).toBe('rejected')
    if (report.outcome !== 'rejected') return
    expect(report.errors).toHaveLength(1)
    expect(report.errors[0]).toMatchObject({ row: 3, value: '31/02/2008' })
    expect(report.errors[0]!.message).toMatch(/geboortedatum|datum/i)
    expect(await students()).toEqual(before)
    const recorded = await handle.db
      .selectFrom('upload')
      .select(['outcome'])
      .where('id', '=', report.uploadId)
      .executeTakeFirstOrThrow()
    expect(recorded.outcome).toBe('rejected')
  })

  it('refuses rows of another school', async () => {
    const other = `654321;0009;Janssens;Lotte;01/01/2008;6LOG;Logistiek;3;stage;9100;Sint-Niklaas;01/02/2027;26/03/2027;25`
    const report = await importStudentList(handle.db, upload(csv(row('0001', 'Zoë', '05/03/2008'), other)))
    expect(report.outcome).toBe('rejected')
    if (report.outcome === 'rejected')
      expect(report.errors[0]).toMatchObject({ row: 3, column: 'instellingsnummer' })
  })
})
