// A school's own data (issue 15): address, director or delegate, insurer and policy number,
// stagebegeleiders and the programmes it offers. The administrator gives it with the school
// (`POST /admin/schools`, `pnpm stagebrug school add`), the school keeps it itself
// (`GET/PATCH /school/schools/:id/profile`, `pnpm stagebrug school update`): one validated write in
// @stagebrug/admin, with the same audit row from either door.
import { userInfo } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runStagebrug } from '../../../test/support/stagebrug-cli.js'
import { openWorld, PROGRAMME, problem, type World } from './support/world.js'

const CLI_ACTOR = `cli:${userInfo().username}`

let w: World

/** `pnpm stagebrug <args>` on the world's database; never throws on a non-zero exit. */
const stagebrug = (...args: string[]) => runStagebrug(w.handle.url, args)

beforeAll(async () => {
  w = await openWorld({ publish: false })
})
afterAll(() => w?.close())

describe("a school's own data through the API and the command line", () => {
  it('the administrator adds a school with its data over the API; the school reads and keeps it', async () => {
    const created = await w.call('admin', {
      method: 'POST',
      url: '/admin/schools',
      payload: {
        name: 'GO! Atheneum Herentals',
        instellingsnummer: '31005',
        postcode: '2200',
        street: ' Scheppersstraat ',
        houseNumber: '9',
        municipality: 'Herentals',
        directorName: 'Griet Van Looy',
        directorFunction: 'directeur',
        insurer: 'Ethias',
        policyNumber: '45.123.987',
        supervisors: [{ name: 'Koen Wouters', email: 'Koen.Wouters@Atheneum.be', phone: '014 21 00 00' }],
        programmes: [PROGRAMME.id],
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id as string
    expect(created.json().profile).toEqual({
      street: 'Scheppersstraat',
      houseNumber: '9',
      postcode: '2200',
      municipality: 'Herentals',
      directorName: 'Griet Van Looy',
      directorFunction: 'directeur',
      insurer: 'Ethias',
      policyNumber: '45.123.987',
      supervisors: [{ name: 'Koen Wouters', email: 'koen.wouters@atheneum.be', phone: '014 21 00 00' }],
      programmes: [PROGRAMME.id],
    })

    // The school's own key: a key for this school, issued by the administrator.
    const key = await w.call('admin', {
      method: 'POST',
      url: '/admin/api-keys',
      payload: { name: 'Herentals', role: 'school', scope: { schoolId: id } },
    })
    expect(key.statusCode, key.body).toBe(201)
    const auth = { authorization: `Bearer ${key.json().key}` }
    const patched = await w.app.inject({
      method: 'PATCH',
      url: `/school/schools/${id}/profile`,
      headers: auth,
      payload: {
        directorName: 'Els Peeters',
        directorFunction: 'adjunct-directeur',
        supervisors: [{ name: 'Koen Wouters' }, { name: 'Anaïs Öztürk', email: 'anais@atheneum.be' }],
      },
    })
    expect(patched.statusCode, patched.body).toBe(200)
    // Absent fields stay; the list of stagebegeleiders is replaced, in order.
    expect(patched.json()).toMatchObject({
      street: 'Scheppersstraat',
      insurer: 'Ethias',
      directorName: 'Els Peeters',
      supervisors: [
        { name: 'Koen Wouters', email: null, phone: null },
        { name: 'Anaïs Öztürk', email: 'anais@atheneum.be', phone: null },
      ],
    })
    const read = await w.app.inject({ url: `/school/schools/${id}/profile`, headers: auth })
    expect(read.json()).toEqual(patched.json())

    // Another school's key does not reach it; an unknown programme is refused with its field.
    const other = await w.call('schoolB', { url: `/school/schools/${id}/profile` })
    expect(other.statusCode).toBe(404)
    const bad = await w.app.inject({
      method: 'PATCH',
      url: `/school/schools/${id}/profile`,
      headers: auth,
      payload: { programmes: [999999999] },
    })
    expect(bad.statusCode).toBe(400)
    expect(problem(bad).detail).toContain(
      'studierichtingen 999999999: onbekende studierichting / unknown programme',
    )
  })

  it('the command line writes the same data with the same rules and the same audit row', async () => {
    const add = await stagebrug(
      ...['school', 'add', '--number', '31006', '--name', 'VTI Sint-Laurentius', '--postcode', '2400'],
      ...['--street', 'Kerkstraat', '--house-number', '12', '--municipality', 'Mol'],
      ...['--director', 'Jan Maes', '--insurer', 'KBC', '--policy-number', 'P-77'],
      ...['--supervisor', 'Lotte Janssens;lotte@vti.be;0470 11 22 33', '--programmes', String(PROGRAMME.id)],
    )
    expect(add.stderr).toBe('')
    expect(add.code).toBe(0)
    const update = await stagebrug(
      ...['school', 'update', '--number', '31006', '--director-function', 'directeur', '--insurer', ''],
    )
    expect(update.stderr).toBe('')
    expect(JSON.parse(update.stdout)).toEqual({
      street: 'Kerkstraat',
      houseNumber: '12',
      postcode: '2400',
      municipality: 'Mol',
      directorName: 'Jan Maes',
      directorFunction: 'directeur',
      insurer: null,
      policyNumber: 'P-77',
      supervisors: [{ name: 'Lotte Janssens', email: 'lotte@vti.be', phone: '0470 11 22 33' }],
      programmes: [PROGRAMME.id],
    })

    // The same refusal as the API's, named by the flag.
    const bad = await stagebrug('school', 'update', '--number', '31006', '--programmes', '999999999')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain(
      '--programmes: studierichtingen 999999999: onbekende studierichting / unknown programme',
    )

    const school = await w.db
      .selectFrom('school')
      .select('id')
      .where('instellingsnummer', '=', '31006')
      .executeTakeFirstOrThrow()
    const audits = await w.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'detail'])
      .where('subject', '=', `school:${school.id}`)
      .orderBy('id')
      .execute()
    expect(audits).toEqual([
      {
        actor: CLI_ACTOR,
        action: 'school.upsert',
        detail: {
          instellingsnummer: '31006',
          fields: [
            'street',
            'houseNumber',
            'municipality',
            'directorName',
            'insurer',
            'policyNumber',
            'supervisors',
            'programmes',
          ],
        },
      },
      { actor: CLI_ACTOR, action: 'school.profile', detail: { fields: ['directorFunction', 'insurer'] } },
    ])
  })
})
