// Two imports of one school's list at once, straight through @stagebrug/imports as the command line
// and the API both call it, on real PostgreSQL and on PGlite: the per-school advisory lock
// (lockSchoolImports, pg_advisory_xact_lock) serialises them, so the last list wins whole instead
// of the school keeping the union of both lists (issue 13, defect 3).
import { upsertSchool } from '@stagebrug/db'
import { importStudentList, lockSchoolImports } from '@stagebrug/imports'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb } from '../support/databases.js'

const HEADER =
  'instellingsnummer;stamboeknummer;naam;voornaam;geboortedatum;klas;studierichting;graad;traject;postcode;gemeente;startdatum;einddatum;max km'
const row = (id: string) =>
  `123456;${id};Peeters;Zoë;05/03/2008;6LOG;Logistiek;3;stage;9100;Sint-Niklaas;01/02/2027;26/03/2027;25`
const list = (ids: readonly string[]) => ({
  bytes: new TextEncoder().encode(`${[HEADER, ...ids.map(row)].join('\r\n')}\r\n`),
  filename: 'leerlingen.csv',
  uploadedBy: 'coordinator@school.be',
  school: '123456',
})
const ids = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => String(from + i).padStart(4, '0'))

describe.each(ENGINES)('imports of one school at once on %s', (engine) => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  let schoolId: string
  beforeAll(async () => {
    handle = await openSeededDb(engine)
    schoolId = await upsertSchool(handle.db, {
      name: 'GO! Atheneum',
      instellingsnummer: '123456',
      postcode: '9100',
    })
  })
  afterAll(() => handle.close())

  const open = async () =>
    (
      await handle.db
        .selectFrom('student')
        .select('external_id')
        .where('status', '=', 'open')
        .orderBy('external_id')
        .execute()
    ).map((r) => r.external_id)

  it('takes the lock inside a transaction (pg_advisory_xact_lock works on this engine) and frees it at commit', async () => {
    for (let i = 0; i < 2; i++)
      await handle.db.transaction().execute(async (trx) => {
        await lockSchoolImports(trx, schoolId)
        await lockSchoolImports(trx, schoolId) // re-entrant within one transaction
      })
  })

  it.skipIf(engine === 'pglite')(
    'makes an import wait while another transaction holds the school',
    async () => {
      let release!: () => void
      const held = new Promise<void>((r) => {
        release = r
      })
      let locked!: () => void
      const isLocked = new Promise<void>((r) => {
        locked = r
      })
      const holder = handle.db.transaction().execute(async (trx) => {
        await lockSchoolImports(trx, schoolId)
        locked()
        await held
      })
      await isLocked
      let done = false
      const importing = importStudentList(handle.db, list(ids(90, 2))).then((r) => {
        done = true
        return r
      })
      await new Promise((r) => setTimeout(r, 400))
      expect(done, 'the import waited for the lock').toBe(false)
      release()
      await holder
      expect((await importing).outcome).toBe('accepted')
      expect(await open()).toEqual(ids(90, 2))
    },
  )

  it('two first lists and then three re-uploads at once: each time exactly one list is open', async () => {
    const first = [ids(1, 5), ids(10, 5)]
    const a = await Promise.all(first.map((l) => importStudentList(handle.db, list(l))))
    expect(a.map((r) => r.outcome)).toEqual(['accepted', 'accepted'])
    expect(first.map((l) => JSON.stringify(l))).toContain(JSON.stringify(await open()))

    const again = [ids(20, 3), ids(30, 3), ids(40, 3)]
    await Promise.all(again.map((l) => importStudentList(handle.db, list(l))))
    expect(again.map((l) => JSON.stringify(l))).toContain(JSON.stringify(await open()))
  })
})
