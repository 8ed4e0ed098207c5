// Inputs at the API's doors (issue 13, defects 6 and 7): identifiers normalised as uploads normalise
// them, one file per upload, problem+json without a Host header, throttled key guessing, and admin
// writes (school, coordinator) through the shared validated functions with their audit rows.
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csv, pupil, STUDENT_HEADER, table, utf8 } from '../../../test/support/upload-files.js'
import { MOL, openWorld, PROGRAMME, problem, type World } from './support/world.js'

/** Sends raw bytes to a port and collects the answer until the server closes the connection. */
function exchange(port: number, raw: string) {
  return new Promise<string>((resolve) => {
    const socket = connect(port, '127.0.0.1')
    const received: Buffer[] = []
    socket.on('data', (d) => received.push(d))
    socket.on('error', () => {})
    socket.on('close', () => resolve(Buffer.concat(received).toString('latin1')))
    socket.on('connect', () => socket.end(raw))
  })
}

/** A multipart body with several file parts. */
function files(...parts: { name: string; filename: string; body: Uint8Array }[]) {
  const boundary = 'sbInputsBoundary42'
  const chunks = parts.flatMap((p) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(p.body),
    Buffer.from('\r\n'),
  ])
  return {
    payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

const list = (...numbers: string[]) =>
  utf8(
    csv(
      table(
        STUDENT_HEADER,
        numbers.map((n) =>
          pupil(n, {
            instellingsnummer: '3004',
            studierichting: String(PROGRAMME.id),
            postcode: MOL,
            gemeente: 'Mol',
          }),
        ),
      ),
    ),
  )

describe('inputs', () => {
  let w: World
  beforeAll(async () => {
    w = await openWorld()
  })
  afterAll(() => w?.close())

  it('refuses two files in one upload with a 400 that says only one file is accepted, and stores nothing', async () => {
    const res = await w.call('schoolD', {
      method: 'POST',
      url: '/school/uploads/students',
      ...files(
        { name: 'file', filename: 'a.csv', body: list('TWO-1') },
        { name: 'file2', filename: 'b.csv', body: list('TWO-2') },
      ),
    })
    expect(res.statusCode).toBe(400)
    expect(problem(res).detail).toMatch(/^Stuur één bestand per upload.* \/ .*one file/)
    const stored = await w.db
      .selectFrom('student')
      .select('external_id')
      .where('external_id', 'like', 'TWO-%')
      .execute()
    expect(stored).toEqual([])
  })

  it('treats a pupil number in full-width digits or with a zero-width space as the same pupil', async () => {
    const upload = (bytes: Uint8Array) =>
      w.call('schoolD', { method: 'POST', url: '/school/uploads/students', ...multipart(bytes) })
    const multipart = (bytes: Uint8Array) => files({ name: 'file', filename: 'lijst.csv', body: bytes })
    const first = await upload(list('7001', '7002'))
    expect(first.statusCode).toBe(200)
    const again = await upload(list('\u200B7001', '７００２'))
    expect(again.statusCode).toBe(200)
    expect(again.json().counts).toMatchObject({ created: 0 })
    const stored = await w.db
      .selectFrom('student')
      .select('external_id')
      .where('school_id', '=', w.ids.schoolD)
      .orderBy('external_id')
      .execute()
    expect(stored.map((s) => s.external_id)).toEqual(['7001', '7002'])
  })

  it('normalises identifiers and names in JSON bodies the same way (admin school)', async () => {
    const res = await w.call('admin', {
      method: 'POST',
      url: '/admin/schools',
      payload: { name: '\uFEFFCampus Zoe\u0308 ', instellingsnummer: '３００５\u200B', postcode: MOL },
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ name: 'Campus Zoë', instellingsnummer: '3005' })
  })

  it('answers a request without a Host header with problem+json, not Node’s bare 400', async () => {
    const app = await w.appWith({})
    const port = Number(new URL(await app.listen({ host: '127.0.0.1', port: 0 })).port)
    const raw = await exchange(port, 'GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n')
    expect(raw).toMatch(/^HTTP\/1\.1 400 /)
    expect(raw).toMatch(/\r\ncontent-type: application\/problem\+json/i)
    const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as { detail: string; status: number }
    expect(body.status).toBe(400)
    expect(body.detail).toMatch(/Host/)
    // With a Host header the same request is answered normally.
    const ok = await exchange(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    expect(ok).toMatch(/^HTTP\/1\.1 200 /)
  })

  it('rate-limits requests without a valid key per address (401s count), keys stay limited per key', async () => {
    const app = await w.appWith({ rateLimit: { max: 3, windowMs: 60_000 } })
    const guess = (i: number) =>
      app.inject({
        url: '/me',
        remoteAddress: '203.0.113.7',
        headers: { authorization: `Bearer sb_guess${i}` },
      })
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => guess(i)))
    const codes = answers.map((r) => r.statusCode).sort()
    expect(codes).toEqual([401, 401, 401, 429, 429, 429])
    const limited = answers.find((r) => r.statusCode === 429)!
    expect(problem(limited)).toMatchObject({ status: 429 })
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    // No key at all counts for the same address.
    expect((await app.inject({ url: '/me', remoteAddress: '203.0.113.7' })).statusCode).toBe(429)
    // Another address is not affected; a valid key is limited per key, not per address.
    expect((await app.inject({ url: '/me', remoteAddress: '203.0.113.8' })).statusCode).toBe(401)
    const keyed = await app.inject({
      url: '/me',
      remoteAddress: '203.0.113.7',
      headers: { authorization: `Bearer ${w.keys.schoolA}` },
    })
    expect(keyed.statusCode).toBe(200)
  })
})
