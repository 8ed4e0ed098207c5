// What schools and companies see and do, over HTTP on PostgreSQL and Redis: tenant isolation, the
// company's pseudonymised view until release, publication of a held run, uploads all or nothing,
// coordinator overrides with their reasons, and the audit log.
import { loadSnapshot } from '@stagebrug/db'
import { jobIds } from '@stagebrug/queue'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  csv,
  PLACE_HEADER,
  place,
  pupil,
  STUDENT_HEADER,
  storedRows,
  table,
  utf8,
} from '../../../test/support/upload-files.js'
import {
  GEEL,
  kbo,
  MOL,
  multipart,
  openWorld,
  PROGRAMME,
  problem,
  type Who,
  type World,
} from './support/world.js'

interface SchoolProposal {
  id: string
  runId: string
  student: { id: string; firstName: string; lastName: string }
  place: { id: string; companyName: string }
  kind: string
  status: string
  reasons: string[]
}
interface CompanyProposal {
  id: string
  candidateCode: string
  place: { id: string }
  kind: string
  status: string
  contact: null | {
    firstName: string
    lastName: string
    school: { name: string; coordinators: { email: string }[] }
  }
}

describe('schools, companies and the administrator over HTTP', () => {
  let w: World
  beforeAll(async () => {
    w = await openWorld({ publish: false })
  })
  afterAll(() => w?.close())

  const get = async <T>(who: Who, url: string): Promise<T> => {
    const res = await w.call(who, { url })
    if (res.statusCode !== 200) throw new Error(`${who} GET ${url}: ${res.statusCode} ${res.body}`)
    return res.json() as T
  }
  const externalIds = (items: { externalId: string }[]) => items.map((s) => s.externalId).sort()
  const auditOf = (action: string) =>
    w.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute()

  it('shows a school only its own students, a group key its schools, and another school’s student as 404', async () => {
    type List = { items: { externalId: string; schoolId: string }[]; nextCursor: string | null }
    expect(externalIds((await get<List>('schoolA', '/school/students')).items)).toEqual(['a1', 'a2', 'a3'])
    expect(externalIds((await get<List>('group', '/school/students')).items)).toEqual([
      'a1',
      'a2',
      'a3',
      'a4',
    ])
    expect(externalIds((await get<List>('schoolB', '/school/students')).items)).toEqual(['b1', 'b2'])
    expect((await get<List>('schoolD', '/school/students')).items).toEqual([])

    const b1 = w.ids.students.b1!
    const res = await w.call('schoolA', { url: `/school/students/${b1}` })
    expect(res.statusCode).toBe(404)
    expect(problem(res).type).toBe('https://stagebrug.be/problems/not-found')
    // a missing student reads the same as someone else's
    const missing = await w.call('schoolA', { url: '/school/students/00000000-0000-4000-8000-000000000000' })
    expect(missing.body.replace(/\/school\/students\/[^"]+/, '')).toBe(
      res.body.replace(/\/school\/students\/[^"]+/, ''),
    )

    const proposals = await get<{ items: SchoolProposal[] }>('schoolA', '/school/proposals?run=all&limit=200')
    expect(proposals.items.length).toBeGreaterThan(0)
    const own = new Set([w.ids.students.a1, w.ids.students.a2, w.ids.students.a3])
    expect(proposals.items.every((p) => own.has(p.student.id))).toBe(true)
    expect(proposals.items.every((p) => p.reasons.length > 0)).toBe(true)
  })

  it('pages with a cursor and filters by status, programme and region', async () => {
    type List = { items: { externalId: string }[]; nextCursor: string | null }
    const first = await get<List>('group', '/school/students?limit=3')
    expect(first.items).toHaveLength(3)
    expect(first.nextCursor).not.toBeNull()
    const second = await get<List>('group', `/school/students?limit=3&cursor=${first.nextCursor}`)
    expect(second).toMatchObject({ nextCursor: null })
    expect(externalIds([...first.items, ...second.items])).toEqual(['a1', 'a2', 'a3', 'a4'])
    expect(
      (await get<List>('group', `/school/students?programme=${PROGRAMME.id}&region=reg-kempen`)).items,
    ).toHaveLength(4)
    expect((await get<List>('group', '/school/students?region=reg-westhoek')).items).toHaveLength(0)
    expect((await get<List>('group', '/school/students?status=withdrawn')).items).toHaveLength(0)
    const unknown = await w.call('group', { url: '/school/students?region=reg-atlantis' })
    expect([unknown.statusCode, problem(unknown).type]).toEqual([
      400,
      'https://stagebrug.be/problems/invalid-request',
    ])
  })

  it('keeps a held run from companies until the administrator publishes it, then queues one mail per company', async () => {
    const runId = w.night.run.id
    expect((await get<{ items: unknown[] }>('companyX', '/company/proposals')).items).toEqual([])
    expect(await get('admin', `/admin/runs/${runId}`)).toMatchObject({
      status: 'succeeded',
      held: true,
      publishedAt: null,
    })
    const before = await w.db.selectFrom('mail_outbox').select('kind').where('run_id', '=', runId).execute()
    expect(before.every((m) => m.kind === 'coordinator')).toBe(true)

    const published = await w.call('admin', { method: 'POST', url: `/admin/runs/${runId}/publish` })
    expect(published.statusCode).toBe(200)
    const companies = await w.db
      .selectFrom('proposal as p')
      .innerJoin('place as pl', 'pl.id', 'p.place_id')
      .select('pl.company_id')
      .distinct()
      .where('p.run_id', '=', runId)
      .execute()
    expect(published.json()).toEqual({ runId, mails: companies.length })
    const mails = await w.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('run_id', '=', runId)
      .where('kind', '=', 'company')
      .execute()
    expect(mails.map((m) => m.to_address).sort()).toEqual(
      ['stage@x.test', 'stage@y.test'].filter((_, i) =>
        companies.some((c) => c.company_id === [w.ids.companyX, w.ids.companyY][i]),
      ),
    )
    for (const m of mails) expect(await w.queues.mail.getJob(jobIds.send(m.id))).toBeDefined()
    expect(mails.every((m) => !m.text_body.includes('Achternaam'))).toBe(true)

    const again = await w.call('admin', { method: 'POST', url: `/admin/runs/${runId}/publish` })
    expect([again.statusCode, problem(again).type]).toEqual([409, 'https://stagebrug.be/problems/conflict'])
    expect((await get<{ items: unknown[] }>('companyX', '/company/proposals')).items.length).toBeGreaterThan(
      0,
    )
    expect(await auditOf('run.publish')).toMatchObject([
      { actor: `apikey:${w.keyIds.admin}`, subject: `run:${runId}` },
    ])
  })

  it('shows a company pseudonymised candidates until the school releases the contact of an accepted proposal', async () => {
    // The night's seed is random: take a proposal of school A and the company whose place it is.
    const schoolView = await get<{ items: SchoolProposal[] }>('schoolA', '/school/proposals?limit=200')
    const target = schoolView.items[0]!
    expect(target).toBeDefined()
    const [mine, other]: [Who, Who] = w.ids.placesX.includes(target.place.id)
      ? ['companyX', 'companyY']
      : ['companyY', 'companyX']

    const list = await w.call(mine, { url: '/company/proposals?limit=200' })
    const items = list.json().items as CompanyProposal[]
    expect(items.map((p) => p.id)).toContain(target.id)
    for (const secret of [
      'Voornaam-',
      'Achternaam-',
      '2008-05-01',
      '@leerling.test',
      'tb@',
      'Atheneum',
      '"homePostcode"',
    ])
      expect([secret, list.body.includes(secret)]).toEqual([secret, false])
    expect(items.every((p) => /^K-[0-9A-HJKMNP-TV-Z]{12}$/.test(p.candidateCode) && p.contact === null)).toBe(
      true,
    )

    const accepted = await w.call('schoolA', {
      method: 'PATCH',
      url: `/school/proposals/${target.id}`,
      payload: { status: 'accepted' },
    })
    expect(accepted.statusCode).toBe(200)
    expect((await get<CompanyProposal>(mine, `/company/proposals/${target.id}`)).contact).toBeNull()

    const release = await w.call('schoolA', { method: 'POST', url: `/school/proposals/${target.id}/release` })
    expect(release.statusCode).toBe(200)
    const seen = await get<CompanyProposal>(mine, `/company/proposals/${target.id}`)
    expect(seen.contact).toMatchObject({
      firstName: target.student.firstName,
      lastName: target.student.lastName,
      school: { name: 'Atheneum Geel', coordinators: [{ email: 'tb@atheneum.test' }] },
    })
    const others = (await get<{ items: CompanyProposal[] }>(mine, '/company/proposals?limit=200')).items
    expect(others.filter((p) => p.contact !== null).map((p) => p.id)).toEqual([target.id])
    expect((await w.call(other, { url: `/company/proposals/${target.id}` })).statusCode).toBe(404)

    // a second release changes nothing; a release of a proposal that is not accepted is refused
    expect(
      (await w.call('schoolA', { method: 'POST', url: `/school/proposals/${target.id}/release` })).statusCode,
    ).toBe(200)
    const groupView = await get<{ items: SchoolProposal[] }>(
      'group',
      '/school/proposals?status=proposed&limit=200',
    )
    const notAccepted = groupView.items[0]!
    expect(
      (await w.call('group', { method: 'POST', url: `/school/proposals/${notAccepted.id}/release` }))
        .statusCode,
    ).toBe(409)

    expect(await auditOf('proposal.release')).toMatchObject([
      { actor: `apikey:${w.keyIds.schoolA}`, subject: `proposal:${target.id}` },
      { actor: `apikey:${w.keyIds.schoolA}`, subject: `proposal:${target.id}` },
    ])
    const reads = await w.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor', '=', `apikey:${w.keyIds[mine]}`)
      .where('action', '=', 'proposal.read')
      .orderBy('id')
      .execute()
    expect(reads.at(-1)?.detail).toEqual({ ids: [target.id], withContact: [target.id] })
  })

  it('lets a company accept or decline a candidate, within the seats and once per student', async () => {
    // whichever company has an open proposal (the night's seed is random)
    let who: Who = 'companyY'
    let items = (await get<{ items: CompanyProposal[] }>(who, '/company/proposals?status=proposed&limit=200'))
      .items
    if (items.length === 0) {
      who = 'companyX'
      items = (await get<{ items: CompanyProposal[] }>(who, '/company/proposals?status=proposed&limit=200'))
        .items
    }
    expect(items.length).toBeGreaterThan(0)
    const first = items[0]!
    const declined = await w.call(who, {
      method: 'POST',
      url: `/company/proposals/${first.id}/decision`,
      payload: { decision: 'declined' },
    })
    expect(declined.json()).toMatchObject({ id: first.id, status: 'declined' })
    const back = await w.call(who, {
      method: 'POST',
      url: `/company/proposals/${first.id}/decision`,
      payload: { decision: 'accepted' },
    })
    expect([back.statusCode, problem(back).detail]).toEqual([409, expect.stringContaining('declined')])
    const row = await w.db
      .selectFrom('proposal')
      .select(['status_by', 'status_at'])
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow()
    expect(row.status_by).toBe(`apikey:${w.keyIds[who]}`)
  })

  it('stores a good placement list and refuses a broken one with every row error, storing nothing', async () => {
    const rows = [
      pupil('D-001', {
        instellingsnummer: '3004',
        studierichting: String(PROGRAMME.id),
        postcode: MOL,
        gemeente: 'Mol',
      }),
      pupil('D-002', {
        instellingsnummer: '3004',
        studierichting: String(PROGRAMME.id),
        postcode: GEEL,
        gemeente: 'Geel',
      }),
    ]
    const good = await w.call('schoolD', {
      method: 'POST',
      url: '/school/uploads/students',
      ...multipart('lijst.csv', utf8(csv(table(STUDENT_HEADER, rows)))),
    })
    expect(good.statusCode).toBe(200)
    expect(good.json()).toMatchObject({
      outcome: 'accepted',
      counts: { created: 2, updated: 0, withdrawn: 0 },
    })

    const before = await storedRows(w.db)
    const broken = [
      ...rows,
      pupil('D-003', {
        instellingsnummer: '3004',
        studierichting: String(PROGRAMME.id),
        geboortedatum: '31/02/2008',
        postcode: MOL,
        gemeente: 'Mol',
      }),
      pupil('D-004', {
        instellingsnummer: '3004',
        studierichting: 'Bestaat Niet',
        postcode: MOL,
        gemeente: 'Mol',
      }),
    ]
    const res = await w.call('schoolD', {
      method: 'POST',
      url: '/school/uploads/students',
      ...multipart('lijst.csv', utf8(csv(table(STUDENT_HEADER, broken)))),
    })
    expect(res.statusCode).toBe(422)
    const body = problem(res)
    expect(body).toMatchObject({
      type: 'https://stagebrug.be/problems/row-errors',
      status: 422,
      uploadId: expect.any(String),
    })
    expect((body.errors as { row: number; column: string }[]).map((e) => [e.row, e.column])).toEqual([
      [4, 'geboortedatum'],
      [5, 'studierichting'],
    ])
    expect(await storedRows(w.db)).toEqual(before)
    expect((await auditOf('upload.students')).map((a) => a.detail.outcome)).toEqual(['accepted', 'rejected'])

    // a group key names the school; a school it does not reach is not found
    const forGroup = await w.call('group', {
      method: 'POST',
      url: '/school/uploads/students',
      ...multipart('lijst.csv', utf8(csv(table(STUDENT_HEADER, rows)))),
    })
    expect(problem(forGroup).type).toBe('https://stagebrug.be/problems/invalid-request')
  })

  it('refuses a place registration naming another company, and one with bad rows, storing nothing', async () => {
    const before = await storedRows(w.db)
    const row = (over: Record<string, string>) =>
      place('Y-9', {
        ondernemingsnummer: kbo(2),
        bedrijfsnaam: 'Woonzorg Y',
        postcode: GEEL,
        gemeente: 'Geel',
        studierichtingen: String(PROGRAMME.id),
        'e-mail contact': 'stage@y.test',
        ...over,
      })
    const foreign = await w.call('companyY', {
      method: 'POST',
      url: '/company/uploads/places',
      ...multipart(
        'plaatsen.csv',
        utf8(csv(table(PLACE_HEADER, [row({}), row({ plaatscode: 'X-9', ondernemingsnummer: kbo(1) })]))),
      ),
    })
    expect(foreign.statusCode).toBe(422)
    expect(problem(foreign).errors).toEqual([
      expect.objectContaining({ row: 3, column: 'ondernemingsnummer', value: kbo(1) }),
    ])
    const bad = await w.call('companyY', {
      method: 'POST',
      url: '/company/uploads/places',
      ...multipart('plaatsen.csv', utf8(csv(table(PLACE_HEADER, [row({ 'aantal plaatsen': 'veel' })])))),
    })
    expect(bad.statusCode).toBe(422)
    expect(problem(bad).errors).toEqual([expect.objectContaining({ row: 2, column: 'aantal plaatsen' })])
    expect(await storedRows(w.db)).toEqual(before)
  })

  it('gives a coordinator’s pin and its reason to the next run, its overrides and the audit log', async () => {
    // a pin to a pair that was declined would be dropped (the decline is the later decision)
    const declined = await w.db
      .selectFrom('proposal')
      .select('place_id')
      .where('student_id', '=', w.ids.students.b1!)
      .where('status', '=', 'declined')
      .execute()
    const [target, other] = [w.ids.placeY, ...w.ids.placesX].filter(
      (p) => !declined.some((d) => d.place_id === p),
    )
    const pin = await w.call('schoolB', {
      method: 'POST',
      url: '/school/pins',
      payload: { studentId: w.ids.students.b1, placeId: target, reason: 'woont naast het bedrijf' },
    })
    expect(pin.statusCode).toBe(201)
    const twice = await w.call('schoolB', {
      method: 'POST',
      url: '/school/pins',
      payload: { studentId: w.ids.students.b1, placeId: other, reason: 'toch liever hier' },
    })
    expect(twice.statusCode).toBe(409)
    expect((await get<{ items: unknown[] }>('schoolB', '/school/pins')).items).toHaveLength(1)
    expect((await get<{ items: unknown[] }>('schoolA', '/school/pins')).items).toHaveLength(0)
    expect((await loadSnapshot(w.db)).pinned).toEqual([
      { student: w.ids.students.b1, place: target, reason: 'woont naast het bedrijf' },
    ])

    const night = await w.runNight(true)
    const proposals = await get<{ items: SchoolProposal[] }>(
      'schoolB',
      `/school/proposals?studentId=${w.ids.students.b1}`,
    )
    expect(proposals.items[0]).toMatchObject({
      runId: night.run.id,
      kind: 'pinned',
      place: { id: target },
      reasons: expect.arrayContaining([
        'manueel geplaatst door de trajectbegeleider: woont naast het bedrijf',
      ]),
    })
    const run = await get<{ overrides: unknown[] }>('admin', `/admin/runs/${night.run.id}`)
    expect(run.overrides).toEqual([
      expect.objectContaining({
        kind: 'pin',
        studentId: w.ids.students.b1,
        reason: 'woont naast het bedrijf',
        by: `apikey:${w.keyIds.schoolB}`,
      }),
    ])
    expect(await auditOf('pin.create')).toMatchObject([{ detail: { reason: 'woont naast het bedrijf' } }])
  })

  it('moves a proposal to a new place with a reason: scored by the core, the old one declined', async () => {
    const created = await w.call('companyY', {
      method: 'POST',
      url: '/company/places',
      payload: {
        externalId: 'Y2',
        kind: 'internship',
        postcode: MOL,
        programmes: [PROGRAMME.id],
        competences: [{ id: 1, weight: 1 }],
        capacity: 1,
        period: { start: '2027-01-15', end: '2027-06-30' },
        hours: { start: '08:00', end: '16:00' },
        sector: 'zorg',
      },
    })
    expect(created.statusCode).toBe(201)
    const y2 = created.json().id as string
    const open = (
      await get<{ items: SchoolProposal[] }>('group', '/school/proposals?status=proposed&limit=200')
    ).items
    const old = open[0]
    expect(old).toBeDefined()
    const moved = await w.call('group', {
      method: 'POST',
      url: `/school/proposals/${old!.id}/move`,
      payload: { placeId: y2, reason: 'het bedrijf vroeg naar deze leerling' },
    })
    expect(moved.statusCode).toBe(201)
    const fresh = await get<SchoolProposal>('group', `/school/proposals/${moved.json().proposalId}`)
    expect((await w.call('schoolB', { url: `/school/proposals/${fresh.id}` })).statusCode).toBe(404)
    expect(fresh).toMatchObject({
      runId: old!.runId,
      kind: 'pinned',
      status: 'proposed',
      place: { id: y2 },
      reasons: expect.arrayContaining([
        'manueel geplaatst door de trajectbegeleider: het bedrijf vroeg naar deze leerling',
        'zelfde studierichting',
      ]),
    })
    expect(await get<SchoolProposal>('group', `/school/proposals/${old!.id}`)).toMatchObject({
      status: 'declined',
    })
    const run = await get<{ overrides: { kind: string; placeId: string; fromPlaceId: string | null }[] }>(
      'admin',
      `/admin/runs/${old!.runId}`,
    )
    expect(run.overrides).toContainEqual(
      expect.objectContaining({ kind: 'move', placeId: y2, fromPlaceId: old!.place.id }),
    )
    const companyView = await get<CompanyProposal>('companyY', `/company/proposals/${fresh.id}`)
    expect(companyView).toMatchObject({ kind: 'pinned', contact: null })
    expect(await auditOf('proposal.move')).toMatchObject([
      { detail: { reason: 'het bedrijf vroeg naar deze leerling', to: y2 } },
    ])

    // a declined proposal does not move again
    expect(
      (
        await w.call('group', {
          method: 'POST',
          url: `/school/proposals/${old!.id}/move`,
          payload: { placeId: y2, reason: 'nog eens' },
        })
      ).statusCode,
    ).toBe(409)
  })

  it('writes an audit row for every read of student data and every write, naming the key', async () => {
    await get('schoolA', `/school/students/${w.ids.students.a1}`)
    const rows = await w.db.selectFrom('audit_log').selectAll().orderBy('id').execute()
    expect(rows.at(-1)).toMatchObject({
      actor: `apikey:${w.keyIds.schoolA}`,
      action: 'student.read',
      subject: `student:${w.ids.students.a1}`,
    })
    const actions = new Set(rows.map((r) => r.action))
    for (const a of [
      'student.list',
      'student.read',
      'proposal.list',
      'proposal.read',
      'proposal.status',
      'proposal.release',
      'proposal.move',
      'pin.create',
      'place.create',
      'upload.students',
      'upload.places',
      'run.publish',
    ])
      expect([a, actions.has(a)]).toEqual([a, true])
    const page = await get<{ items: { action: string }[] }>(
      'admin',
      `/admin/audit?actor=apikey:${w.keyIds.schoolA}&limit=1`,
    )
    expect(page.items).toMatchObject([{ action: 'student.read' }])
  })
})
