// The placement season under concurrency, over HTTP on real PostgreSQL: requests are released
// together (Promise.all over app.inject), never one after the other. Each race has exactly one
// winner, every loser is a 409 problem+json that says why (Dutch first), and the database is
// consistent afterwards: at most one accepted proposal per pupil, no place above its capacity,
// and after two uploads at once exactly one list's pupils open (issue 13, defects 1–3).
import type { LightMyRequestResponse } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  csv,
  PLACE_HEADER,
  place as placeRow,
  pupil,
  STUDENT_HEADER,
  table,
  utf8,
} from '../../../test/support/upload-files.js'
import { kbo, MOL, multipart, openWorld, PROGRAMME, problem, type Who, type World } from './support/world.js'

interface Proposal {
  id: string
  runId: string
  student: { id: string }
  place: { id: string }
  status: string
}

/** A 409 problem+json whose detail is Dutch first, then " / English". */
function expectConflict(res: LightMyRequestResponse, dutch: RegExp): void {
  expect(res.statusCode, res.body).toBe(409)
  const p = problem(res)
  expect(p.status).toBe(409)
  const [nl, en] = p.detail.split(' / ')
  expect(nl, p.detail).toMatch(dutch)
  expect(en, p.detail).toBeTruthy()
}

/** The database's invariants: at most one accepted proposal per pupil, no place over capacity. */
async function expectConsistent(w: World): Promise<void> {
  const doubles = await w.db
    .selectFrom('proposal')
    .select(['student_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('status', '=', 'accepted')
    .groupBy('student_id')
    .having(sql<boolean>`count(*) > 1`)
    .execute()
  expect(doubles).toEqual([])
  const over = await w.db
    .selectFrom('proposal as p')
    .innerJoin('place as pl', 'pl.id', 'p.place_id')
    .select(['pl.id', 'pl.capacity', (eb) => eb.fn.countAll<string>().as('n')])
    .where('p.status', '=', 'accepted')
    .groupBy(['pl.id', 'pl.capacity'])
    .having(sql<boolean>`count(*) > pl.capacity`)
    .execute()
  expect(over).toEqual([])
}

async function proposals(w: World, who: Who, query = 'limit=200'): Promise<Proposal[]> {
  const res = await w.call(who, { url: `/school/proposals?${query}` })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().items
}

/** Ten open places of company Y in Mol, created over the API, for the moves to go to. */
async function tenPlaces(w: World, prefix: string): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < 10; i++) {
    const res = await w.call('companyY', {
      method: 'POST',
      url: '/company/places',
      payload: {
        externalId: `${prefix}${i}`,
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
    expect(res.statusCode, res.body).toBe(201)
    ids.push(res.json().id)
  }
  return ids
}

const groupBy = <T>(items: readonly T[], key: (t: T) => string) => {
  const map = new Map<string, T[]>()
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item])
  return map
}

/** A world where each pupil has a shortlist: ten more places, then a second (published) night. */
async function worldWithShortlists(): Promise<World> {
  const w = await openWorld({ publish: true })
  await tenPlaces(w, 'S')
  await w.runNight(true)
  return w
}

describe('accepting at once', () => {
  let w: World
  beforeAll(async () => {
    w = await worldWithShortlists()
  }, 120_000)
  afterAll(async () => w?.close())

  it('the school accepting several proposals of one pupil at once: one place per pupil, the rest 409', async () => {
    const mine = await proposals(w, 'group')
    const byStudent = groupBy(mine, (p) => p.student.id)
    const contested = [...byStudent.values()].filter((ps) => ps.length >= 2)
    expect(contested.length).toBeGreaterThan(0)
    // Every proposal of these pupils, each accepted twice: at least ten requests, all released together.
    const targets = contested.flat().flatMap((p) => [p, p])
    expect(targets.length).toBeGreaterThanOrEqual(10)
    const answers = await Promise.all(
      targets.map((p) =>
        w.call('group', {
          method: 'PATCH',
          url: `/school/proposals/${p.id}`,
          payload: { status: 'accepted' },
        }),
      ),
    )
    for (const ps of contested) {
      const ids = new Set(ps.map((p) => p.id))
      const mineAnswers = answers.map((res, i) => ({ res, p: targets[i]! })).filter((a) => ids.has(a.p.id))
      const winners = new Set(mineAnswers.filter((a) => a.res.statusCode === 200).map((a) => a.p.id))
      expect(winners.size, 'one accepted proposal per pupil').toBe(1)
      for (const a of mineAnswers.filter((a) => a.res.statusCode !== 200))
        expectConflict(a.res, /^(De leerling aanvaardde al een andere plaats|Geen vrije plaats meer)/)
      const accepted = await w.db
        .selectFrom('proposal')
        .select('id')
        .where('student_id', '=', ps[0]!.student.id)
        .where('status', '=', 'accepted')
        .execute()
      expect(accepted.map((r) => r.id)).toEqual([...winners])
    }
    await expectConsistent(w)
  })
})

describe('two companies accepting the same candidate at once', () => {
  let w: World
  beforeAll(async () => {
    w = await worldWithShortlists()
  }, 120_000)
  afterAll(async () => w?.close())

  it('one company gets the pupil, the other a 409 that says why', async () => {
    const { id: latestRun } = await w.db
      .selectFrom('match_run')
      .select('id')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow()
    const all = await w.db
      .selectFrom('proposal as p')
      .innerJoin('place as pl', 'pl.id', 'p.place_id')
      .select(['p.id', 'p.student_id', 'pl.company_id'])
      .where('p.run_id', '=', latestRun)
      .execute()
    const both = [...groupBy(all, (p) => p.student_id).values()].filter(
      (ps) =>
        ps.some((p) => p.company_id === w.ids.companyX) && ps.some((p) => p.company_id === w.ids.companyY),
    )
    expect(both.length).toBeGreaterThan(0)
    // Each company accepts its proposals of these pupils, five times over: all released together.
    const calls = both.flat().flatMap((p) => Array.from({ length: 5 }, () => p))
    expect(calls.length).toBeGreaterThanOrEqual(10)
    const answers = await Promise.all(
      calls.map((p) =>
        w.call(p.company_id === w.ids.companyX ? 'companyX' : 'companyY', {
          method: 'POST',
          url: `/company/proposals/${p.id}/decision`,
          payload: { decision: 'accepted' },
        }),
      ),
    )
    let placed = 0
    for (const ps of both) {
      const ids = new Set(ps.map((p) => p.id))
      const theirs = answers.map((res, i) => ({ res, p: calls[i]! })).filter((a) => ids.has(a.p.id))
      const winners = new Set(theirs.filter((a) => a.res.statusCode === 200).map((a) => a.p.company_id))
      // Never two; none only when every one of the pupil's places was filled by other pupils first.
      expect(winners.size, 'at most one company per pupil').toBeLessThanOrEqual(1)
      const losers = theirs.filter((a) => a.res.statusCode !== 200)
      for (const a of losers)
        expectConflict(a.res, /^(De leerling aanvaardde al een andere plaats|Geen vrije plaats meer)/)
      if (winners.size === 0)
        for (const a of losers) expect(problem(a.res).detail).toMatch(/^Geen vrije plaats meer/)
      else placed++
    }
    expect(placed, 'pupils one of the companies got').toBeGreaterThan(0)
    await expectConsistent(w)
  })

  it('refuses a second accepted proposal of one pupil in SQL itself (the partial unique index)', async () => {
    const accepted = await w.db
      .selectFrom('proposal')
      .select(['student_id'])
      .where('status', '=', 'accepted')
      .executeTakeFirstOrThrow()
    const other = await w.db
      .selectFrom('proposal')
      .select('id')
      .where('student_id', '=', accepted.student_id)
      .where('status', '<>', 'accepted')
      .executeTakeFirstOrThrow()
    await expect(
      w.db.updateTable('proposal').set({ status: 'accepted' }).where('id', '=', other.id).execute(),
    ).rejects.toMatchObject({ code: '23505', constraint: 'proposal_one_accepted_per_student' })
  })
})

describe('a place and a pupil after accepting', () => {
  let w: World
  beforeAll(async () => {
    w = await openWorld({ publish: true })
  }, 120_000)
  afterAll(async () => w?.close())

  it('refuses to accept at a closed place with a 409 that says so', async () => {
    const open = await w.db
      .selectFrom('proposal as p')
      .innerJoin('place as pl', 'pl.id', 'p.place_id')
      .select(['p.id', 'p.place_id'])
      .where('pl.company_id', '=', w.ids.companyX)
      .where('p.status', '=', 'proposed')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('proposal as a')
              .select('a.id')
              .whereRef('a.student_id', '=', 'p.student_id')
              .where('a.status', '=', 'accepted'),
          ),
        ),
      )
      .executeTakeFirst()
    if (!open) throw new Error('no open proposal at company X to test with')
    const closed = await w.call('companyX', { method: 'POST', url: `/company/places/${open.place_id}/close` })
    expect(closed.statusCode, closed.body).toBe(200)
    expectConflict(
      await w.call('companyX', {
        method: 'POST',
        url: `/company/proposals/${open.id}/decision`,
        payload: { decision: 'accepted' },
      }),
      /^De plaats is gesloten/,
    )
    const row = await w.db
      .selectFrom('proposal')
      .select('status')
      .where('id', '=', open.id)
      .executeTakeFirstOrThrow()
    expect(row.status).toBe('proposed')
  })

  it('an accepted pupil is placed in GET /school/students, and stays visible in the latest view after a later night', async () => {
    // A proposal at a place that is still open (the test above closed one). Which places the night
    // proposed depends on its random seed, so any open place will do, not one named in advance.
    const openPlaces = new Set(
      (await w.db.selectFrom('place').select('id').where('status', '=', 'open').execute()).map((p) => p.id),
    )
    const target = (await proposals(w, 'group', 'status=proposed&limit=200')).find((p) =>
      openPlaces.has(p.place.id),
    )
    expect(target).toBeDefined()
    const accept = await w.call('group', {
      method: 'PATCH',
      url: `/school/proposals/${target!.id}`,
      payload: { status: 'accepted' },
    })
    expect(accept.statusCode, accept.body).toBe(200)
    const students = await w.call('group', { url: '/school/students?limit=200' })
    expect(students.statusCode, students.body).toBe(200)
    const items: { id: string; status: string; placement: unknown }[] = students.json().items
    expect(items.find((s) => s.id === target!.student.id)).toMatchObject({
      status: 'placed',
      placement: { proposalId: target!.id, place: { id: target!.place.id, companyName: expect.any(String) } },
    })
    for (const s of items.filter((s) => s.id !== target!.student.id))
      expect(s).toMatchObject({ status: 'open', placement: null })
    const placed = await w.call('group', { url: '/school/students?status=placed' })
    expect(placed.json().items.map((s: { id: string }) => s.id)).toEqual([target!.student.id])
    const open = await w.call('group', { url: '/school/students?status=open&limit=200' })
    expect(open.json().items.map((s: { id: string }) => s.id)).not.toContain(target!.student.id)

    // The next night leaves the placed pupil out; its latest views still show the accepted proposal.
    await w.runNight(true)
    const latest = await proposals(w, 'group', `studentId=${target!.student.id}`)
    expect(latest.map((p) => [p.id, p.status])).toEqual([[target!.id, 'accepted']])
    const company = target!.place.id === w.ids.placeY ? 'companyY' : 'companyX'
    const theirs = await w.call(company, { url: '/company/proposals?limit=200' })
    expect(theirs.statusCode, theirs.body).toBe(200)
    expect(theirs.json().items.filter((p: { id: string }) => p.id === target!.id)).toMatchObject([
      { status: 'accepted' },
    ])
  })

  it('a decline carries a reason for the school, never shown to the company', async () => {
    const all = await w.db
      .selectFrom('proposal as p')
      .innerJoin('place as pl', 'pl.id', 'p.place_id')
      .select(['p.id', 'pl.company_id'])
      .where('p.status', '=', 'proposed')
      .where('pl.company_id', 'in', [w.ids.companyX, w.ids.companyY])
      .orderBy('p.created_at', 'desc')
      .execute()
    const target = all[0]!
    const company: Who = target.company_id === w.ids.companyX ? 'companyX' : 'companyY'
    const reason = 'Stagementor afwezig in februari'
    const url = `/company/proposals/${target.id}/decision`
    const withAccept = await w.call(company, {
      method: 'POST',
      url,
      payload: { decision: 'accepted', reason },
    })
    expect(withAccept.statusCode).toBe(400)
    expect(problem(withAccept).detail).toContain('Een reden hoort enkel bij een afwijzing')
    const tooLong = await w.call(company, {
      method: 'POST',
      url,
      payload: { decision: 'declined', reason: 'x'.repeat(501) },
    })
    expect(tooLong.statusCode).toBe(400)
    const declined = await w.call(company, { method: 'POST', url, payload: { decision: 'declined', reason } })
    expect(declined.statusCode, declined.body).toBe(200)
    expect(declined.body).not.toContain(reason)
    const seen = await w.call(company, { url: `/company/proposals/${target.id}` })
    expect(seen.body).not.toContain(reason)
    const list = await w.call(company, { url: '/company/proposals?run=all&limit=200' })
    expect(list.body).not.toContain(reason)
    const school = await w.call('group', { url: `/school/proposals/${target.id}` })
    const b =
      school.statusCode === 200 ? school : await w.call('schoolB', { url: `/school/proposals/${target.id}` })
    expect(b.json()).toMatchObject({ status: 'declined', declineReason: reason })
  })
})

describe('moving at once', () => {
  let w: World
  let targets: string[]
  beforeAll(async () => {
    w = await openWorld({ publish: true })
    targets = await tenPlaces(w, 'M')
  }, 120_000)
  afterAll(async () => w?.close())

  it('ten moves of one proposal to ten places: one new pinned proposal, nine 409s', async () => {
    const [old] = await proposals(w, 'group', 'status=proposed&limit=200')
    expect(old).toBeDefined()
    expect(targets).not.toContain(old!.place.id)
    expect(old).toBeDefined()
    const answers = await Promise.all(
      targets.map((placeId) =>
        w.call('group', {
          method: 'POST',
          url: `/school/proposals/${old!.id}/move`,
          payload: { placeId, reason: 'gesprek met de leerling' },
        }),
      ),
    )
    expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(1)
    for (const res of answers.filter((r) => r.statusCode !== 201))
      expectConflict(res, /^Een (afgewezen|aanvaard) voorstel verplaats je niet/)
    const made = await w.db
      .selectFrom('proposal')
      .select(['id', 'kind', 'status'])
      .where('student_id', '=', old!.student.id)
      .where('place_id', 'in', targets)
      .execute()
    expect(made).toEqual([
      {
        id: answers.find((r) => r.statusCode === 201)!.json().proposalId,
        kind: 'pinned',
        status: 'proposed',
      },
    ])
    const moves = await w.db
      .selectFrom('placement_override')
      .select('id')
      .where('kind', '=', 'move')
      .where('student_id', '=', old!.student.id)
      .execute()
    expect(moves).toHaveLength(1)
    await expectConsistent(w)
  })

  it('a move racing a company accept: one wins, and an accepted proposal is never declined', async () => {
    // Every proposal a company can still accept, each accepted by its company and moved by the school at once.
    const open = await w.db
      .selectFrom('proposal as p')
      .innerJoin('place as pl', 'pl.id', 'p.place_id')
      .innerJoin('student as s', 's.id', 'p.student_id')
      .select(['p.id', 'p.student_id', 'pl.company_id', 's.school_id'])
      .where('p.status', '=', 'proposed')
      .where('p.kind', '<>', 'pinned')
      .where('pl.company_id', 'in', [w.ids.companyX, w.ids.companyY])
      .execute()
    const races = [...groupBy(open, (p) => p.student_id).values()].map((ps) => ps[0]!)
    expect(races.length).toBeGreaterThanOrEqual(3)
    const schoolKey = (schoolId: string): Who => (schoolId === w.ids.schoolB ? 'schoolB' : 'group')
    const requests = races.flatMap((p, i) => [
      () =>
        w.call(p.company_id === w.ids.companyX ? 'companyX' : 'companyY', {
          method: 'POST',
          url: `/company/proposals/${p.id}/decision`,
          payload: { decision: 'accepted' },
        }),
      () =>
        w.call(schoolKey(p.school_id), {
          method: 'POST',
          url: `/school/proposals/${p.id}/move`,
          payload: { placeId: targets[i]!, reason: 'betere plaats' },
        }),
    ])
    const answers = await Promise.all(requests.map((r) => r()))
    for (const [i, p] of races.entries()) {
      const accept = answers[2 * i]!
      const move = answers[2 * i + 1]!
      const row = await w.db
        .selectFrom('proposal')
        .select('status')
        .where('id', '=', p.id)
        .executeTakeFirstOrThrow()
      if (accept.statusCode === 200) {
        expectConflict(move, /^Een aanvaard voorstel verplaats je niet/)
        expect(row.status).toBe('accepted')
      } else {
        expect(move.statusCode, `${move.body} (the accept: ${accept.body})`).toBe(201)
        expectConflict(
          accept,
          /^Van afgewezen naar aanvaard kan niet|^De leerling aanvaardde al|^Geen vrije plaats/,
        )
        expect(row.status).toBe('declined')
      }
    }
    await expectConsistent(w)
  })
})

describe('uploading one school’s list twice at once', () => {
  let w: World
  beforeAll(async () => {
    w = await openWorld({ publish: true })
  }, 120_000)
  afterAll(async () => w?.close())

  const list = (ids: readonly string[]) =>
    ids.map((id) =>
      pupil(id, {
        instellingsnummer: '3004',
        studierichting: String(PROGRAMME.id),
        postcode: MOL,
        gemeente: 'Mol',
      }),
    )
  const upload = (ids: readonly string[]) =>
    w.call('schoolD', {
      method: 'POST',
      url: '/school/uploads/students',
      ...multipart('lijst.csv', utf8(csv(table(STUDENT_HEADER, list(ids))))),
    })
  const openOfD = async () =>
    (
      await w.db
        .selectFrom('student')
        .select('external_id')
        .where('school_id', '=', w.ids.schoolD)
        .where('status', '=', 'open')
        .orderBy('external_id')
        .execute()
    ).map((r) => r.external_id)
  const ids = (from: number, n: number) =>
    Array.from({ length: n }, (_, i) => `D-${String(from + i).padStart(3, '0')}`)

  it('two first uploads of different lists: the last list wins whole, not the union', async () => {
    const lists = [ids(1, 5), ids(6, 5)]
    const answers = await Promise.all(lists.map(upload))
    for (const res of answers) expect(res.statusCode, res.body).toBe(200)
    // The later one withdrew the earlier one's five pupils.
    const last = answers.findIndex((r) => r.json().counts.withdrawn === 5)
    expect(last).toBeGreaterThanOrEqual(0)
    expect(answers.map((r) => r.json().counts.created)).toEqual([5, 5])
    expect(await openOfD()).toEqual(lists[last])
  })

  it('four re-uploads of different lists at once: exactly one list is open afterwards', async () => {
    const lists = [ids(20, 4), ids(30, 4), ids(40, 4), ids(50, 4)]
    const answers = await Promise.all(lists.map(upload))
    for (const res of answers) expect(res.statusCode, res.body).toBe(200)
    const open = await openOfD()
    expect(
      lists.some((l) => JSON.stringify(l) === JSON.stringify(open)),
      open.join(','),
    ).toBe(true)
    // Serialised: each list after the first withdrew the four of the one before it.
    expect(answers.map((r) => r.json().counts.withdrawn).sort()).toEqual([4, 4, 4, 5].sort())
  })
})

/**
 * A new place of company Y with `capacity` seats, and a proposal there in the latest run for every
 * pupil without an accepted proposal (copied from the pupil's first proposal of that run, so the
 * company can act on it): one place many pupils compete for, or one proposal each to accept.
 */
async function contestedPlace(w: World, externalId: string, capacity: number) {
  const res = await w.call('companyY', {
    method: 'POST',
    url: '/company/places',
    payload: {
      externalId,
      kind: 'internship',
      postcode: MOL,
      programmes: [PROGRAMME.id],
      competences: [{ id: 1, weight: 1 }],
      capacity,
      period: { start: '2027-01-15', end: '2027-06-30' },
      hours: { start: '08:00', end: '16:00' },
      sector: 'zorg',
    },
  })
  expect(res.statusCode, res.body).toBe(201)
  const placeId: string = res.json().id
  const made = await sql<{ id: string; student_id: string }>`
    insert into proposal (run_id, student_id, place_id, rank, score, breakdown, kind, reasons)
    select distinct on (p.student_id)
      (select id from match_run where published_at is not null order by published_at desc limit 1),
      p.student_id, ${placeId}::uuid, 90, p.score, p.breakdown, p.kind, p.reasons
    from proposal p
    where not exists (select from proposal a where a.student_id = p.student_id and a.status = 'accepted')
    order by p.student_id, p.created_at desc, p.rank
    returning id, student_id
  `.execute(w.db)
  return { placeId, proposals: made.rows }
}

const schoolOf = async (w: World, studentId: string): Promise<Who> => {
  const s = await w.db
    .selectFrom('student')
    .select('school_id')
    .where('id', '=', studentId)
    .executeTakeFirstOrThrow()
  return s.school_id === w.ids.schoolB ? 'schoolB' : 'group'
}

/** Frees the pupils accepted at a place for the next round: their schools decline those proposals. */
async function freePupils(w: World, placeId: string): Promise<void> {
  const taken = await w.db
    .selectFrom('proposal')
    .select(['id', 'student_id'])
    .where('place_id', '=', placeId)
    .where('status', '=', 'accepted')
    .execute()
  for (const p of taken) {
    const res = await w.call(await schoolOf(w, p.student_id), {
      method: 'PATCH',
      url: `/school/proposals/${p.id}`,
      payload: { status: 'declined' },
    })
    expect(res.statusCode, res.body).toBe(200)
  }
}

describe('pinning one pupil at once', () => {
  let w: World
  let targets: string[]
  beforeAll(async () => {
    w = await openWorld({ publish: true })
    targets = await tenPlaces(w, 'P')
  }, 120_000)
  afterAll(async () => w?.close())

  it('ten pins of one pupil (two coordinators, a double click): one pin in force, nine 409s', async () => {
    const studentId = w.ids.students.a1!
    const answers = await Promise.all(
      targets.map((placeId, i) =>
        w.call(i % 2 === 0 ? 'group' : 'schoolA', {
          method: 'POST',
          url: '/school/pins',
          payload: { studentId, placeId, reason: 'woont naast het bedrijf' },
        }),
      ),
    )
    const won = answers.filter((r) => r.statusCode === 201)
    expect(won, answers.map((r) => `${r.statusCode} ${r.body}`).join('\n')).toHaveLength(1)
    for (const res of answers.filter((r) => r.statusCode !== 201)) {
      expectConflict(res, /^Deze leerling heeft al een pin; verwijder die eerst$/)
      expect(problem(res).pinId).toBe(won[0]!.json().id)
    }
    const inForce = await w.db
      .selectFrom('placement_override')
      .select('id')
      .where('kind', '=', 'pin')
      .where('student_id', '=', studentId)
      .where('removed_at', 'is', null)
      .execute()
    expect(inForce.map((r) => r.id)).toEqual([won[0]!.json().id])
    const audited = await w.db
      .selectFrom('audit_log')
      .select('subject')
      .where('action', '=', 'pin.create')
      .execute()
    expect(audited.map((a) => a.subject)).toEqual([`pin:${won[0]!.json().id}`])
  })
})

describe('releasing a contact while the school declines', () => {
  let w: World
  beforeAll(async () => {
    w = await openWorld({ publish: true })
  }, 120_000)
  afterAll(async () => w?.close())

  // The school may decline an accepted proposal (a company may not: accepted is final for it). A
  // release and a decline of one accepted proposal at once: either the release comes first (both
  // succeed; the company had the contact until the decline, and no view shows it after), or the
  // decline does and the release is a 409 that says the proposal is no longer accepted. Never a
  // release made after the decline.
  it('never a release written on a declined proposal; the late release gets a 409 that says why', async () => {
    for (let round = 0; round < 4; round++) {
      const { proposals: made } = await contestedPlace(w, `R${round}`, 10)
      expect(made.length).toBeGreaterThanOrEqual(4)
      const accepted: { id: string; who: Who }[] = []
      for (const p of made) {
        const who = await schoolOf(w, p.student_id)
        const res = await w.call(who, {
          method: 'PATCH',
          url: `/school/proposals/${p.id}`,
          payload: { status: 'accepted' },
        })
        expect(res.statusCode, res.body).toBe(200)
        accepted.push({ id: p.id, who })
      }
      // Per proposal a decline and three releases (a double click, a second tab), all released together.
      const calls = accepted.flatMap((p) => [
        { p, kind: 'decline' as const },
        { p, kind: 'release' as const },
        { p, kind: 'release' as const },
        { p, kind: 'release' as const },
      ])
      const answers = await Promise.all(
        calls.map(({ p, kind }) =>
          kind === 'decline'
            ? w.call(p.who, {
                method: 'PATCH',
                url: `/school/proposals/${p.id}`,
                payload: { status: 'declined' },
              })
            : w.call(p.who, { method: 'POST', url: `/school/proposals/${p.id}/release` }),
        ),
      )
      for (const p of accepted) {
        const mine = answers.map((res, i) => ({ res, ...calls[i]! })).filter((a) => a.p === p)
        const decline = mine.find((a) => a.kind === 'decline')!.res
        expect(decline.statusCode, decline.body).toBe(200)
        const order = await auditOrder(w, p.id)
        const released = mine.filter((a) => a.kind === 'release' && a.res.statusCode === 200)
        // Every release that succeeded came before the decline (its audit row is older), never after it.
        expect(order.releases).toHaveLength(released.length)
        for (const id of order.releases) expect(id, 'a release after the decline').toBeLessThan(order.decline)
        for (const a of mine.filter((a) => a.kind === 'release' && a.res.statusCode !== 200)) {
          expectConflict(a.res, /^Het voorstel is niet meer aanvaard \(het is afgewezen\)/)
        }
      }
      // In SQL: no declined proposal carries a release audited after its decline.
      expect(await releasesAfterDecline(w)).toEqual([])
      await expectConsistent(w)
    }
  })

  // The same race with its window held open, so that it is decided the same way on every run: the
  // test holds an uncommitted contact_release of the proposal, so the release, once it has decided
  // to write, waits at its insert; meanwhile the decline runs. Without the lock the release decided
  // on the state it read before the decline and wrote its release after the decline was committed.
  it('a release that read the proposal before the decline does not write after it', async () => {
    const { proposals: made } = await contestedPlace(w, 'RW', 10)
    const p = made[0]!
    const who = await schoolOf(w, p.student_id)
    const ok = await w.call(who, {
      method: 'PATCH',
      url: `/school/proposals/${p.id}`,
      payload: { status: 'accepted' },
    })
    expect(ok.statusCode, ok.body).toBe(200)

    let opened!: () => void
    const isOpen = new Promise<void>((r) => {
      opened = r
    })
    let close!: () => void
    const closing = new Promise<void>((r) => {
      close = r
    })
    const held = w.db
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('contact_release')
          .values({ proposal_id: p.id, released_by: 'test:held' })
          .execute()
        opened()
        await closing
        throw new Error('rollback')
      })
      .catch((e: Error) => {
        if (e.message !== 'rollback') throw e
      })
    await isOpen
    const release = w.call(who, { method: 'POST', url: `/school/proposals/${p.id}/release` })
    const decline = w.call(who, {
      method: 'PATCH',
      url: `/school/proposals/${p.id}`,
      payload: { status: 'declined' },
    })
    // Let go once the decline answered, or once both wait for a lock (the release for the held row,
    // the decline for the release's lock on the pupil).
    void Promise.race([decline, lockWaiters(w, 2)]).then(close)
    const [released, declined] = await Promise.all([release, decline])
    await held
    expect(declined.statusCode, declined.body).toBe(200)
    const order = await auditOrder(w, p.id)
    const stored = await w.db
      .selectFrom('contact_release')
      .select('proposal_id')
      .where('proposal_id', '=', p.id)
      .execute()
    if (released.statusCode === 200) {
      expect(order.releases).toHaveLength(1)
      expect(order.releases[0]!, 'released before the decline').toBeLessThan(order.decline)
      expect(stored).toHaveLength(1)
    } else {
      expectConflict(released, /^Het voorstel is niet meer aanvaard \(het is afgewezen\)/)
      expect(order.releases).toEqual([])
      expect(stored).toEqual([])
    }
    expect(await releasesAfterDecline(w)).toEqual([])
    // Released again now, after the decline: the 409 says the proposal is no longer accepted.
    expectConflict(
      await w.call(who, { method: 'POST', url: `/school/proposals/${p.id}/release` }),
      /^Het voorstel is niet meer aanvaard \(het is afgewezen\); vrijgeven kan enkel voor een aanvaard voorstel$/,
    )
  })
})

/**
 * The audit rows of one proposal's releases and of its decline, by id: the identity column counts
 * up as the rows are written inside their transactions, so a lower id was written first.
 */
async function auditOrder(w: World, proposalId: string) {
  const rows = await w.db
    .selectFrom('audit_log')
    .select(['id', 'action', 'detail'])
    .where('subject', '=', `proposal:${proposalId}`)
    .where('action', 'in', ['proposal.release', 'proposal.status'])
    .orderBy('id')
    .execute()
  const decline = rows.find(
    (r) => r.action === 'proposal.status' && (r.detail as { to?: string }).to === 'declined',
  )
  expect(decline, 'the decline is audited').toBeDefined()
  return {
    decline: Number(decline!.id),
    releases: rows.filter((r) => r.action === 'proposal.release').map((r) => Number(r.id)),
  }
}

/** Declined proposals with a contact release audited after their decline: must be none. */
async function releasesAfterDecline(w: World) {
  const { rows } = await sql<{ id: string }>`
    select p.id from proposal p
    join audit_log r on r.subject = 'proposal:' || p.id and r.action = 'proposal.release'
    where p.status = 'declined'
      and r.id > (select min(d.id) from audit_log d
                  where d.subject = r.subject and d.action = 'proposal.status' and d.detail ->> 'to' = 'declined')
  `.execute(w.db)
  return rows.map((r) => r.id)
}

/** Resolves once `n` sessions of the test database wait for a lock (or after two seconds). */
async function lockWaiters(w: World, n: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'
    `.execute(w.db)
    if ((rows[0]?.n ?? 0) >= n) return
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('lowering a place’s capacity while companies accept', () => {
  let w: World
  beforeAll(async () => {
    w = await openWorld({ publish: true })
  }, 120_000)
  afterAll(async () => w?.close())

  it('refuses a capacity below the pupils accepted there, naming the number (409, Dutch first)', async () => {
    const { placeId, proposals: made } = await contestedPlace(w, 'C0', 3)
    for (const p of made.slice(0, 3)) {
      const res = await w.call('companyY', {
        method: 'POST',
        url: `/company/proposals/${p.id}/decision`,
        payload: { decision: 'accepted' },
      })
      expect(res.statusCode, res.body).toBe(200)
    }
    const lower = await w.call('companyY', {
      method: 'PATCH',
      url: `/company/places/${placeId}`,
      payload: { capacity: 2 },
    })
    expectConflict(
      lower,
      /^Voor deze plaats zijn al 3 leerlingen aanvaard; de capaciteit kan niet lager dan 3$/,
    )
    expect(problem(lower)).toMatchObject({
      detail: expect.stringMatching(
        / \/ 3 students are already accepted for this place; the capacity cannot go below 3$/,
      ),
      accepted: 3,
    })
    const place = await w.db
      .selectFrom('place')
      .select('capacity')
      .where('id', '=', placeId)
      .executeTakeFirstOrThrow()
    expect(place.capacity).toBe(3)
    // Equal to what is accepted, or higher, is fine.
    const same = await w.call('companyY', {
      method: 'PATCH',
      url: `/company/places/${placeId}`,
      payload: { capacity: 3 },
    })
    expect(same.statusCode, same.body).toBe(200)
    // The place registration file is the other door to the capacity: the same rule, as a row error.
    const file = (seats: string) =>
      multipart(
        'plaatsen.csv',
        utf8(
          csv(
            table(PLACE_HEADER, [
              placeRow('C0', {
                ondernemingsnummer: kbo(2),
                bedrijfsnaam: 'Woonzorg Y',
                postcode: MOL,
                gemeente: 'Mol',
                studierichtingen: String(PROGRAMME.id),
                'aantal plaatsen': seats,
              }),
            ]),
          ),
        ),
      )
    const below = await w.call('companyY', { method: 'POST', url: '/company/uploads/places', ...file('1') })
    expect(below.statusCode, below.body).toBe(422)
    expect(problem(below).errors).toEqual([
      {
        row: 2,
        column: 'aantal plaatsen',
        value: '1',
        message:
          'Voor deze plaats zijn al 3 leerlingen aanvaard; de capaciteit kan niet lager dan 3 / ' +
          '3 students are already accepted for this place; the capacity cannot go below 3',
      },
    ])
    const after = await w.db
      .selectFrom('place')
      .select('capacity')
      .where('id', '=', placeId)
      .executeTakeFirstOrThrow()
    expect(after.capacity).toBe(3)
    const enough = await w.call('companyY', { method: 'POST', url: '/company/uploads/places', ...file('3') })
    expect(enough.statusCode, enough.body).toBe(200)
    await expectConsistent(w)
    await freePupils(w, placeId)
  })
})

describe('a capacity PATCH racing accepts', () => {
  let w: World
  beforeAll(async () => {
    w = await openWorld({ publish: true })
  }, 120_000)
  afterAll(async () => w?.close())

  it('never more accepted at the place than its capacity; the loser a 409 that says why', async () => {
    for (let round = 1; round <= 4; round++) {
      const { placeId, proposals: made } = await contestedPlace(w, `C${round}`, 4)
      expect(made.length).toBeGreaterThanOrEqual(4)
      // Every candidate accepted by the company, and the capacity lowered to 1, all at once; the PATCH last.
      const accepts = made.map(
        (p) => () =>
          w.call('companyY', {
            method: 'POST',
            url: `/company/proposals/${p.id}/decision`,
            payload: { decision: 'accepted' },
          }),
      )
      const patch = () =>
        w.call('companyY', { method: 'PATCH', url: `/company/places/${placeId}`, payload: { capacity: 1 } })
      const answers = await Promise.all([...accepts, patch].map((r) => r()))
      const patched = answers.at(-1)!
      const acceptAnswers = answers.slice(0, -1)
      const won = acceptAnswers.filter((r) => r.statusCode === 200).length
      for (const res of acceptAnswers.filter((r) => r.statusCode !== 200))
        expectConflict(res, /^Geen vrije plaats meer$/)
      const place = await w.db
        .selectFrom('place')
        .select('capacity')
        .where('id', '=', placeId)
        .executeTakeFirstOrThrow()
      const { n } = await w.db
        .selectFrom('proposal')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('place_id', '=', placeId)
        .where('status', '=', 'accepted')
        .executeTakeFirstOrThrow()
      expect(Number(n)).toBe(won)
      expect(won, `accepted at a place of capacity ${place.capacity}`).toBeLessThanOrEqual(place.capacity)
      if (patched.statusCode === 200) {
        // The PATCH came before a second accept: one seat, one pupil.
        expect(place.capacity).toBe(1)
        expect(won).toBe(1)
      } else {
        // It came after two or more accepts and names how many there were then; later accepts may
        // still fill the seats it left.
        expectConflict(
          patched,
          /^Voor deze plaats zijn al \d+ leerlingen aanvaard; de capaciteit kan niet lager dan \d+$/,
        )
        const then = problem(patched).accepted as number
        expect(then).toBeGreaterThanOrEqual(2)
        expect(then).toBeLessThanOrEqual(won)
        expect(problem(patched).detail).toContain(
          `al ${then} leerlingen aanvaard; de capaciteit kan niet lager dan ${then} /`,
        )
        expect(place.capacity).toBe(4)
      }
      await expectConsistent(w)
      await freePupils(w, placeId)
    }
  })
})
