// The shared admin writes on their own, on both engines: the Dutch-first issues name the field and
// the value as given, a refused write leaves neither row nor audit entry, an address is one
// coordinator per school whatever its case (also when five spellings arrive at once), and one person
// may coordinate two schools.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb, type TestDb } from '../../../test/support/databases.js'
import { AdminError, issueApiKey, saveCoordinator, saveSchool } from '../src/index.js'

const ACTOR = 'cli:tester'

describe.each(ENGINES)('admin writes on %s', (engine) => {
  let handle: TestDb
  let schoolA: string
  let schoolB: string
  beforeAll(async () => {
    handle = await openSeededDb(engine)
    schoolA = (
      await saveSchool(handle.db, ACTOR, { name: 'Atheneum', instellingsnummer: '4001', postcode: '2440' })
    ).id
    schoolB = (
      await saveSchool(handle.db, ACTOR, { name: 'Lyceum', instellingsnummer: '４００２', postcode: '2400' })
    ).id
  })
  afterAll(() => handle?.close())

  it('refuses bad values with one issue per field, naming the value as given', async () => {
    const error = await saveSchool(handle.db, ACTOR, {
      name: ' x ',
      instellingsnummer: '12',
      postcode: '0000',
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AdminError)
    expect((error as AdminError).kind).toBe('invalid')
    expect((error as AdminError).issues).toEqual([
      { field: 'name', value: ' x ', message: 'minstens 2 tekens / at least 2 characters' },
      { field: 'instellingsnummer', value: '12', message: '3 tot 6 cijfers / 3 to 6 digits' },
      { field: 'postcode', value: '0000', message: 'onbekende postcode / unknown postcode' },
    ])
    expect((error as AdminError).message).toBe(
      'naam " x ": minstens 2 tekens / at least 2 characters; instellingsnummer "12": 3 tot 6 cijfers / 3 to 6 digits; postcode "0000": onbekende postcode / unknown postcode',
    )
  })

  it('writes the audit row with the write, and neither when the write is refused', async () => {
    const school = await handle.db
      .selectFrom('school')
      .select('instellingsnummer')
      .where('id', '=', schoolB)
      .executeTakeFirstOrThrow()
    expect(school.instellingsnummer).toBe('4002')
    const audits = await handle.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'detail'])
      .where('subject', '=', `school:${schoolB}`)
      .execute()
    expect(audits).toEqual([{ actor: ACTOR, action: 'school.upsert', detail: { instellingsnummer: '4002' } }])

    const before = await handle.db.selectFrom('audit_log').select('id').execute()
    const missing = '00000000-0000-4000-8000-000000000000'
    await expect(
      issueApiKey(handle.db, ACTOR, { name: 'sleutel', role: 'school', scope: { schoolId: missing } }),
    ).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/^bereik .*Geen school met id/),
    })
    expect(await handle.db.selectFrom('api_key').select('id').execute()).toEqual([])
    expect(await handle.db.selectFrom('audit_log').select('id').execute()).toHaveLength(before.length)
  })

  it('keeps one coordinator per school and address whatever the case, also for five adds at once', async () => {
    const spellings = ['An.Claes@X.be', 'an.claes@x.be', ' AN.CLAES@X.BE', 'An.claes@x.BE ', 'an.Claes@X.be']
    const results = await Promise.all(
      spellings.map((email, i) =>
        saveCoordinator(handle.db, ACTOR, { id: schoolA }, { name: `An Claes ${i}`, email }),
      ),
    )
    expect(new Set(results.map((r) => r.id)).size).toBe(1)
    expect(results.filter((r) => r.created)).toHaveLength(1)
    const rows = await handle.db
      .selectFrom('coordinator')
      .select(['id', 'email'])
      .where('school_id', '=', schoolA)
      .execute()
    expect(rows).toEqual([{ id: results[0]!.id, email: 'an.claes@x.be' }])
    const audits = await handle.db
      .selectFrom('audit_log')
      .select('subject')
      .where('action', '=', 'coordinator.upsert')
      .execute()
    expect(audits).toEqual(spellings.map(() => ({ subject: `coordinator:${results[0]!.id}` })))

    // The same person at a second school (named by number, as the command line does) is a second coordinator.
    const other = await saveCoordinator(
      handle.db,
      ACTOR,
      { instellingsnummer: '4002' },
      { name: 'An Claes', email: 'AN.CLAES@x.be' },
    )
    expect(other).toMatchObject({ created: true, schoolId: schoolB, email: 'an.claes@x.be' })
    expect(other.id).not.toBe(results[0]!.id)

    await expect(
      saveCoordinator(
        handle.db,
        ACTOR,
        { instellingsnummer: '999999' },
        { name: 'An Claes', email: 'an@x.be' },
      ),
    ).rejects.toMatchObject({ kind: 'not_found', issues: [{ field: 'instellingsnummer', value: '999999' }] })
  })
})
