// Mentors through the doors only (issue 14): a company registers a dual place by the place file, its
// recognition by the recognition file and its mentor by the mentor file or JSON; a school uploads
// duaal pupils by the placement list; a night decides. Nothing here writes a mentor into the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  csv,
  MENTOR_HEADER,
  mentor,
  RECOGNITION_HEADER,
  recognition,
  table,
  utf8,
} from '../../../test/support/upload-files.js'
import { DUAAL, uploadDuaalPupils, uploadDualPlace } from './support/dual.js'
import { kbo, multipart, openWorld, problem, type World } from './support/world.js'

const mentorFile = (rows: Record<string, string>[]) =>
  multipart('mentoren.csv', utf8(csv(table(MENTOR_HEADER, rows))))
const ownMentor = (over: Record<string, string> = {}) =>
  mentor({ ondernemingsnummer: kbo(1), plaatscodes: 'DU-1', ...over })

type RowErrors = { errors: { row: number; column: string; value: string; message: string }[] }

describe('mentors through the doors', () => {
  let w: World
  const upload = (
    url: string,
    body: ReturnType<typeof multipart>,
    who: 'companyX' | 'companyY' = 'companyX',
  ) => w.call(who, { method: 'POST', url, ...body })
  const mentorCount = async () =>
    Number((await w.db.selectFrom('mentor').select(w.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

  /** The outcomes of the duaal pupils of school D (3004) in a run. */
  const outcomes = async (runId: string) =>
    w.db
      .selectFrom('match_outcome as o')
      .innerJoin('student as s', 's.id', 'o.student_id')
      .innerJoin('school as sc', 'sc.id', 's.school_id')
      .select(['s.external_id', 'o.status', 'o.unmatched_reason', 'o.place_id'])
      .where('o.run_id', '=', runId)
      .where('sc.instellingsnummer', '=', '3004')
      .orderBy('s.external_id')
      .execute()
  const refusedForMentor = (o: { unmatched_reason: string | null }) =>
    (o.unmatched_reason ?? '').includes('geen geldige mentor')

  let dualPlace = ''
  beforeAll(async () => {
    w = await openWorld()
    dualPlace = await uploadDualPlace(w)
    const recognised = await upload(
      '/company/uploads/recognitions',
      multipart(
        'erkenningen.csv',
        utf8(
          csv(
            table(RECOGNITION_HEADER, [recognition({ ondernemingsnummer: kbo(1), studierichting: DUAAL })]),
          ),
        ),
      ),
    )
    expect(recognised.statusCode, recognised.body).toBe(200)
    await uploadDuaalPupils(w)
  })
  afterAll(() => w?.close())

  it('refuses every bad row with row, column and value, Dutch first, and stores nothing', async () => {
    const res = await upload(
      '/company/uploads/mentors',
      mentorFile([
        ownMentor({ geboortedatum: '01/01/2099' }),
        ownMentor({ 'e-mail': 'jong@example.be', geboortedatum: '01/01/2015' }),
        ownMentor({ 'e-mail': 'noel-at-example' }),
        ownMentor({ 'e-mail': 'x@example.be', geboortedatum: '', 'minstens 25 jaar': 'misschien' }),
        ownMentor(),
      ]),
    )
    expect(res.statusCode).toBe(422)
    const body = problem(res) as unknown as RowErrors
    expect(body.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [2, 'geboortedatum', '01/01/2099'],
      [3, 'geboortedatum', '01/01/2015'],
      [5, 'minstens 25 jaar', 'misschien'],
    ])
    expect(body.errors.map((e) => e.message.split(' / ')[0])).toEqual([
      'Geboortedatum 2099-01-01 ligt in de toekomst',
      'Een mentor moet minstens 18 jaar zijn (geboren 2015-01-01)',
      'Minstens 25 jaar moet ja of nee zijn',
    ])
    // An odd optional e-mail does not stop a file (issue 15): a warning on its row, the cell left empty.
    expect(JSON.stringify(problem(res))).toContain('noel-at-example')
    expect(await mentorCount()).toBe(0)
  })

  it("refuses an unknown plaatscode and another company's KBO number, row by row; nothing stored", async () => {
    const res = await upload(
      '/company/uploads/mentors',
      mentorFile([
        ownMentor({ plaatscodes: 'DU-1; DU-9' }),
        ownMentor({ ondernemingsnummer: kbo(2), 'e-mail': 'y@example.be' }),
      ]),
    )
    expect(res.statusCode).toBe(422)
    expect((problem(res) as unknown as RowErrors).errors).toEqual([
      {
        row: 2,
        column: 'plaatscodes',
        value: 'DU-9',
        message: `Plaatscode 'DU-9' is geen plaats van onderneming ${kbo(1)} / Place code 'DU-9' is not a place of company ${kbo(1)}`,
      },
      {
        row: 3,
        column: 'ondernemingsnummer',
        value: kbo(2),
        message: `Deze sleutel hoort bij onderneming ${kbo(1)}, niet ${kbo(2)} / This key belongs to company ${kbo(1)}`,
      },
    ])
    expect(await mentorCount()).toBe(0)
    const uploads = await w.db
      .selectFrom('upload')
      .select(['kind', 'outcome'])
      .where('kind', '=', 'mentors')
      .execute()
    expect(uploads).toEqual([
      { kind: 'mentors', outcome: 'rejected' },
      { kind: 'mentors', outcome: 'rejected' },
    ])
  })

  it('refuses the duaal pupils without a mentor and with a mentor under 25; places them with a valid one', async () => {
    const none = await w.runNight(true)
    expect((await outcomes(none.run.id)).map(refusedForMentor)).toEqual([true, true])

    // 22 on the start date, no waiver: not a valid duaal mentor.
    const young = await upload(
      '/company/uploads/mentors',
      mentorFile([ownMentor({ geboortedatum: '01/06/2004' })]),
    )
    expect(young.statusCode, young.body).toBe(200)
    expect(young.json().counts).toMatchObject({ mentors: 1, created: 1, links: 1 })
    const refused = await w.runNight(true)
    expect((await outcomes(refused.run.id)).map((o) => [o.status, refusedForMentor(o)])).toEqual([
      ['unmatched', true],
      ['unmatched', true],
    ])
    // The school reads the same reason through its own door, naming the place that lacks a mentor.
    const pupil = (await outcomes(refused.run.id))[0]!
    const id = (
      await w.db
        .selectFrom('student')
        .select('id')
        .where('external_id', '=', pupil.external_id)
        .executeTakeFirstOrThrow()
    ).id
    const read = await w.call('schoolD', { url: `/school/students/${id}` })
    expect(read.statusCode, read.body).toBe(200)
    expect(read.json().latestOutcome).toMatchObject({
      runId: refused.run.id,
      status: 'unmatched',
      unmatchedReason: expect.stringMatching(/geen geldige mentor bij Zorgcentrum X/),
    })

    // The same mentor (same e-mail) with the sector's 23 waiver... still 22: refused. Born 1980: placed.
    const valid = await upload('/company/uploads/mentors', mentorFile([ownMentor()]))
    expect(valid.json().counts).toMatchObject({ created: 0, updated: 1, links: 1 })
    const again = await upload('/company/uploads/mentors', mentorFile([ownMentor()]))
    expect(again.json().counts).toMatchObject({ created: 0, updated: 0, unchanged: 1 })
    const placed = await w.runNight(true)
    const rows = await outcomes(placed.run.id)
    expect(rows.map(refusedForMentor)).toEqual([false, false])
    expect(rows.map((o) => o.place_id)).toEqual([dualPlace, dualPlace])
  })

  it('registers, changes, lists and deletes a mentor through JSON, checked like the file', async () => {
    const future = await w.call('companyX', {
      method: 'POST',
      url: '/company/mentors',
      payload: { name: 'Toekomst', birthDate: '2099-01-01' },
    })
    expect(future.statusCode).toBe(400)
    expect(problem(future).detail).toBe(
      'Geboortedatum 2099-01-01 ligt in de toekomst / Birth date 2099-01-01 is in the future',
    )
    const created = await w.call('companyX', {
      method: 'POST',
      url: '/company/mentors',
      payload: {
        name: 'Els Wouters',
        email: 'Els@Example.be',
        declaredAtLeast25: true,
        placeIds: [dualPlace],
      },
    })
    expect(created.statusCode, created.body).toBe(200)
    expect(created.json()).toMatchObject({
      name: 'Els Wouters',
      email: 'els@example.be',
      birthDate: null,
      declaredAtLeast25: true,
      places: [{ id: dualPlace, externalId: 'DU-1' }],
    })
    const id = created.json().id
    const patched = await w.call('companyX', {
      method: 'PATCH',
      url: `/company/mentors/${id}`,
      payload: { trainingCompleted: true, extract5962CheckedOn: '2025-09-02', placeIds: [] },
    })
    expect(patched.json()).toMatchObject({
      trainingCompleted: true,
      extract5962CheckedOn: '2025-09-02',
      places: [],
    })
    const list = await w.call('companyX', { url: '/company/mentors' })
    expect(list.json().items.map((m: { email: string }) => m.email)).toEqual([
      'els@example.be',
      'noel.vermeulen@example.be',
    ])
    // Another company sees none of them and cannot change or delete one.
    expect((await w.call('companyY', { url: '/company/mentors' })).json().items).toEqual([])
    const foreign = await w.call('companyY', {
      method: 'PATCH',
      url: `/company/mentors/${id}`,
      payload: { name: 'X' },
    })
    expect(foreign.statusCode).toBe(404)
    // A place of another company cannot be linked.
    const yPlace = w.ids.placeY
    const linked = await w.call('companyX', {
      method: 'PATCH',
      url: `/company/mentors/${id}`,
      payload: { placeIds: [yPlace] },
    })
    expect(linked.statusCode).toBe(400)
    // mentorIds on PATCH /company/places links the place to its mentors (the caller's own only).
    const viaPlace = await w.call('companyX', {
      method: 'PATCH',
      url: `/company/places/${dualPlace}`,
      payload: { mentorIds: [id] },
    })
    expect(viaPlace.statusCode, viaPlace.body).toBe(200)
    expect((await w.call('companyX', { url: `/company/mentors/${id}` })).json().places).toEqual([
      { id: dualPlace, externalId: 'DU-1' },
    ])
    // The place page shows the mentors the company registered for it.
    const page = await w.call('companyX', { url: `/company/places/${dualPlace}` })
    expect(page.statusCode, page.body).toBe(200)
    expect(page.json().mentors.map((m: { id: string }) => m.id)).toContain(id)
    const yMentor = await w.call('companyY', {
      method: 'POST',
      url: '/company/mentors',
      payload: { name: 'Y Mentor', declaredAtLeast25: true },
    })
    const foreignMentor = await w.call('companyX', {
      method: 'PATCH',
      url: `/company/places/${dualPlace}`,
      payload: { mentorIds: [yMentor.json().id] },
    })
    expect(foreignMentor.statusCode).toBe(400)
    expect(problem(foreignMentor).detail).toMatch(/^Onbekende mentor /)
    expect((await w.call('companyY', { method: 'DELETE', url: `/company/mentors/${id}` })).statusCode).toBe(
      404,
    )
    expect((await w.call('companyX', { method: 'DELETE', url: `/company/mentors/${id}` })).statusCode).toBe(
      204,
    )
    expect((await w.call('companyX', { url: `/company/mentors/${id}` })).statusCode).toBe(404)
  })
})
