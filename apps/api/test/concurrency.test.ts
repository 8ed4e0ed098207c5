// The placement season under concurrency, over HTTP on real PostgreSQL: requests are released
// together (Promise.all over app.inject), never one after the other. Each race has exactly one
// winner, every loser is a 409 problem+json that says why (Dutch first), and the database is
// consistent afterwards: at most one accepted proposal per pupil, no place above its capacity,
// and after two uploads at once exactly one list's pupils open (issue 13, defects 1–3).
import type { LightMyRequestResponse } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csv, pupil, STUDENT_HEADER, table, utf8 } from '../../../test/support/upload-files.js'
import { MOL, multipart, openWorld, PROGRAMME, problem, type Who, type World } from './support/world.js'

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
    // A proposal at a place that is still open (the test above closed one).
    const target = (await proposals(w, 'group', 'status=proposed&limit=200')).find(
      (p) => p.place.id === w.ids.placeY,
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
