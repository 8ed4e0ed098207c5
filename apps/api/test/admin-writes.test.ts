// Admin writes once (issue 13): the command line (`pnpm stagebrug`, run here as a real child
// process on this suite's PostgreSQL database) and the API's admin routes call the same validated
// functions of @stagebrug/admin, so they accept and refuse the same values, store them the same way
// and write the same audit row. A coordinator added through both doors with two spellings of one
// address is one coordinator, and the night mails them once.
import { userInfo } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runStagebrug } from '../../../test/support/stagebrug-cli.js'
import { kbo, openWorld, problem, type World } from './support/world.js'

const CLI_ACTOR = `cli:${userInfo().username}`

let w: World

/** `pnpm stagebrug <args>` on the world's database; never throws on a non-zero exit. */
const stagebrug = (...args: string[]) => runStagebrug(w.handle.url, args)

const post = (url: string, payload: object) => w.call('admin', { method: 'POST', url, payload })

beforeAll(async () => {
  w = await openWorld({ publish: true })
})
afterAll(() => w?.close())

describe('admin writes through the command line and the API', () => {
  it('adds one coordinator for two spellings of one address, with the same audit row; the night mails once', async () => {
    const cli = await stagebrug(
      'coordinator',
      'add',
      '--school',
      '3001',
      '--name',
      'An Claes',
      '--email',
      ' An.Claes@X.be ',
    )
    expect(cli.stderr).toBe('')
    expect(cli.code).toBe(0)
    const api = await post(`/admin/schools/${w.ids.schoolA}/coordinators`, {
      name: 'An Claes',
      email: 'an.claes@x.be',
    })
    expect(api.statusCode).toBe(201)

    const rows = await w.db
      .selectFrom('coordinator')
      .select(['id', 'email'])
      .where('school_id', '=', w.ids.schoolA)
      .where('email', 'ilike', 'an.claes@x.be')
      .execute()
    expect(rows).toEqual([{ id: api.json().id, email: 'an.claes@x.be' }])

    const audits = await w.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'subject', 'detail'])
      .where('subject', '=', `coordinator:${rows[0]!.id}`)
      .orderBy('id')
      .execute()
    expect(audits).toEqual([
      {
        actor: CLI_ACTOR,
        action: 'coordinator.upsert',
        subject: `coordinator:${rows[0]!.id}`,
        detail: { school: w.ids.schoolA },
      },
      {
        actor: `apikey:${w.keyIds.admin}`,
        action: 'coordinator.upsert',
        subject: `coordinator:${rows[0]!.id}`,
        detail: { school: w.ids.schoolA },
      },
    ])

    const night = await w.runNight(true)
    const mails = await w.db
      .selectFrom('mail_outbox')
      .select(['recipient', 'to_address'])
      .where('run_id', '=', night.run.id)
      .where('to_address', 'ilike', 'an.claes@x.be')
      .execute()
    expect(mails).toEqual([{ recipient: `coordinator:${rows[0]!.id}`, to_address: 'an.claes@x.be' }])
  })

  it('stores a school the same way through both doors, with the same audit row', async () => {
    // Full-width digits with a zero-width space and a decomposed ë: the API took them; the CLI refused the number.
    const cli = await stagebrug(
      'school',
      'add',
      '--number',
      '３００６\u200B',
      '--name',
      ' Zoe\u0308 College ',
      '--postcode',
      '2440',
    )
    expect(cli.stderr).toBe('')
    expect(cli.code).toBe(0)
    const api = await post('/admin/schools', {
      instellingsnummer: '３００７',
      name: 'Zoe\u0308 Lyceum',
      postcode: '2440',
    })
    expect(api.statusCode).toBe(201)
    const schools = await w.db
      .selectFrom('school')
      .select(['id', 'instellingsnummer', 'name'])
      .where('instellingsnummer', 'in', ['3006', '3007'])
      .orderBy('instellingsnummer')
      .execute()
    expect(schools.map((s) => [s.instellingsnummer, s.name])).toEqual([
      ['3006', 'Zoë College'],
      ['3007', 'Zoë Lyceum'],
    ])
    const audits = await w.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'subject', 'detail'])
      .where(
        'subject',
        'in',
        schools.map((s) => `school:${s.id}`),
      )
      .orderBy('id')
      .execute()
    expect(audits).toEqual([
      {
        actor: CLI_ACTOR,
        action: 'school.upsert',
        subject: `school:${schools[0]!.id}`,
        detail: { instellingsnummer: '3006' },
      },
      {
        actor: `apikey:${w.keyIds.admin}`,
        action: 'school.upsert',
        subject: `school:${schools[1]!.id}`,
        detail: { instellingsnummer: '3007' },
      },
    ])
  })

  it('refuses the same school numbers and e-mail addresses through both doors, naming the field and value', async () => {
    for (const number of ['12', '1234567', '30 08']) {
      const api = await post('/admin/schools', { instellingsnummer: number, name: 'Fout', postcode: '2440' })
      expect(api.statusCode, number).toBe(400)
      expect(problem(api).detail).toMatch(/3 tot 6 cijfers/)
    }
    const cli = await stagebrug('school', 'add', '--number', '30 08', '--name', 'Fout', '--postcode', '2440')
    expect(cli.code).toBe(2)
    expect(cli.stderr).toContain('--number: instellingsnummer "30 08": 3 tot 6 cijfers / 3 to 6 digits')

    // Two dots in a row: the CLI's own pattern took it, the API refused it.
    const email = 'an..claes@x.be'
    const api = await post(`/admin/schools/${w.ids.schoolB}/coordinators`, { name: 'An Claes', email })
    expect(api.statusCode).toBe(400)
    const bad = await stagebrug(
      'coordinator',
      'add',
      '--school',
      '3003',
      '--name',
      'An Claes',
      '--email',
      email,
    )
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain(
      `--email: e-mail "${email}": geen geldig e-mailadres / not a valid e-mail address`,
    )
    const stored = await w.db.selectFrom('coordinator').select('email').where('email', '=', email).execute()
    expect(stored).toEqual([])
  })

  it('creates a key through the command line with a cli audit row, and refuses a bad KBO number as such', async () => {
    const bad = await stagebrug(
      'apikey',
      'create',
      '--name',
      'x',
      '--role',
      'company',
      '--company',
      '0403.019.262',
    )
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain(
      '--company: ondernemingsnummer "0403.019.262": geen geldig ondernemingsnummer',
    )
    const made = await stagebrug(
      'apikey',
      'create',
      '--name',
      'Sleutel X',
      '--role',
      'company',
      '--company',
      `BE ${kbo(1)}`,
    )
    expect(made.stderr).toContain('aangemaakt')
    expect(made.code).toBe(0)
    const key = await w.db
      .selectFrom('api_key')
      .select('id')
      .where('name', '=', 'Sleutel X')
      .executeTakeFirstOrThrow()
    const audit = await w.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'detail'])
      .where('subject', '=', `api_key:${key.id}`)
      .execute()
    expect(audit).toEqual([
      {
        actor: CLI_ACTOR,
        action: 'api_key.create',
        detail: { name: 'Sleutel X', role: 'company', scope: { companyId: w.ids.companyX } },
      },
    ])
  })
})
