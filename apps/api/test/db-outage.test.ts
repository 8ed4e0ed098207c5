// PostgreSQL drops every connection of the API (pg_terminate_backend) while requests are in flight:
// those requests get 503 problem+json (never 500), the process stays up, the pool reconnects, and
// an upload cut off mid-transaction left nothing behind. A real listening server on a scratch database.
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_URL } from '../../../test/support/databases.js'
import { openWorld, type World } from './support/world.js'

function studentList(n: number): Blob {
  const header =
    'instellingsnummer;stamboeknummer;naam;voornaam;geboortedatum;klas;studierichting;graad;postcode;startdatum;einddatum'
  const rows = Array.from(
    { length: n },
    (_, i) =>
      `3001;U${String(i).padStart(5, '0')};Peeters;Zoë;05/03/2008;6LOG;Logistiek;3;2440;01/02/2027;26/03/2027`,
  )
  return new Blob([`\uFEFF${[header, ...rows].join('\r\n')}\r\n`], { type: 'text/csv' })
}

describe('PostgreSQL drops the connections while the API serves', () => {
  let w: World
  let base: string
  let admin: pg.Client
  let database: string
  const crashes: unknown[] = []
  const onCrash = (error: unknown) =>
    crashes.push(error instanceof Error ? error.stack?.split('\n').slice(0, 8).join('\n') : error)

  beforeAll(async () => {
    process.on('uncaughtException', onCrash)
    process.on('unhandledRejection', onCrash)
    w = await openWorld()
    database = new URL(w.handle.url).pathname.slice(1)
    const app = await w.appWith({})
    base = await app.listen({ host: '127.0.0.1', port: 0 })
    admin = new pg.Client({ connectionString: ADMIN_URL })
    await admin.connect()
  })
  afterAll(async () => {
    process.off('uncaughtException', onCrash)
    process.off('unhandledRejection', onCrash)
    await admin?.end()
    await w?.close()
  })

  const get = (path: string, key = w.keys.schoolA) =>
    fetch(`${base}${path}`, { headers: { authorization: `Bearer ${key}` } })
  const upload = (n: number) => {
    const form = new FormData()
    form.append('file', studentList(n), 'leerlingen.csv')
    return fetch(`${base}/school/uploads/students`, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.keys.schoolA}` },
      body: form,
    })
  }
  const stored = async () => ({
    students: await w.db
      .selectFrom('student')
      .select(['id', 'external_id', 'status', 'updated_at'])
      .orderBy('id')
      .execute(),
    accepted: (await w.db.selectFrom('upload').select('id').where('outcome', '=', 'accepted').execute())
      .length,
  })
  /** Backends of the API's database waiting for a lock (the requests we hold in flight). */
  const waiting = async () =>
    Number(
      (
        await admin.query<{ n: string }>(
          `select count(*) as n from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'`,
          [database],
        )
      ).rows[0]!.n,
    )

  it('answers 503 problem+json to the requests in flight, stores nothing half, and serves again after', async () => {
    const before = await stored()
    // Hold the requests in flight: a second session locks the student table, so every read of it and
    // the upload's transaction wait inside PostgreSQL until the connections are dropped.
    const locker = new pg.Client({ connectionString: w.handle.url })
    await locker.connect()
    await locker.query('begin')
    await locker.query('lock table student in access exclusive mode')
    const lockerPid = (await locker.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid

    const reads = Array.from({ length: 4 }, () => get('/school/students?limit=5'))
    const cut = upload(40)
    for (let i = 0; i < 600 && (await waiting()) < 5; i++) await new Promise((r) => setTimeout(r, 50))
    expect(await waiting()).toBe(5)

    const killed = await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> $2',
      [database, lockerPid],
    )
    expect(killed.rowCount).toBeGreaterThanOrEqual(5)
    const answers = await Promise.all([...reads, cut])
    await locker.query('rollback')
    await locker.end()

    for (const res of answers) {
      expect(res.status).toBe(503)
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      expect(await res.json()).toMatchObject({
        type: 'https://stagebrug.be/problems/unavailable',
        title: 'Tijdelijk niet beschikbaar / Temporarily unavailable',
        status: 503,
        detail: expect.stringMatching(/^De databank is niet bereikbaar/),
      })
    }
    // All or nothing: the upload's transaction died with its connection.
    expect(await stored()).toEqual(before)

    // The pool drops the dead clients and connects again: the same requests succeed.
    let first = 0
    for (let i = 0; i < 3 && first !== 200; i++) first = (await get('/school/students?limit=5')).status
    expect(first).toBe(200)
    for (const path of ['/me', '/school/students?limit=5', '/school/proposals?limit=5'])
      expect([path, (await get(path)).status]).toEqual([path, 200])
    const again = await upload(40)
    expect(again.status).toBe(200)
    expect(await again.json()).toMatchObject({ outcome: 'accepted', counts: { created: 40 } })
    expect(crashes).toEqual([])
  })

  it('survives a loop of reads while every connection is dropped, again and again: 200 or 503, never 500', async () => {
    const statuses: number[] = []
    let running = true
    const loop = async () => {
      while (running) {
        const res = await get('/school/students?limit=20')
        statuses.push(res.status)
        if (res.status !== 200)
          expect(await res.json()).toMatchObject({ type: 'https://stagebrug.be/problems/unavailable' })
        else await res.arrayBuffer()
      }
    }
    const loops = [loop(), loop(), loop()]
    for (let round = 0; round < 5; round++) {
      const seen = statuses.length
      while (statuses.length < seen + 5) await new Promise((r) => setTimeout(r, 10))
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [
        database,
      ])
    }
    const seen = statuses.length
    while (statuses.length < seen + 10) await new Promise((r) => setTimeout(r, 10))
    running = false
    await Promise.all(loops)

    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([])
    expect(statuses.slice(-5)).toEqual([200, 200, 200, 200, 200])
    expect((await get('/healthz')).status).toBe(200)
    expect(crashes).toEqual([])
  })
})
