// The corpus at the socket: the API listening on a real port, fed bytes that are not HTTP, headers
// over the limit, request smuggling, bodies cut off mid-upload, a million-row stream over the size
// limit and million-row files under it. The process answers problem+json where it still can, stores
// nothing, and keeps serving.
import { request } from 'node:http'
import { connect } from 'node:net'
import { Readable } from 'node:stream'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorld, type World } from '../../apps/api/test/support/world.js'
import { prng } from './case.js'
import { corpusContext, crashWatch, judge, snapshot } from './check.js'
import { buildCorpus } from './corpus.js'
import { csvBytes, manyRowsCsv, rezip, sheetXml, validRows, xlsxBytes } from './files.js'
import { fileUpload } from './multipart.js'

/** Writes raw bytes to the port and collects everything the server sends until it closes (or `after` ms of quiet). */
function exchange(
  port: number,
  chunks: readonly (string | Uint8Array)[],
  opts: { readonly end?: boolean } = {},
) {
  return new Promise<string>((resolve) => {
    const socket = connect(port, '127.0.0.1')
    const received: Buffer[] = []
    socket.on('data', (d) => received.push(d))
    socket.on('error', () => {})
    socket.on('close', () => resolve(Buffer.concat(received).toString('latin1')))
    socket.on('connect', () => {
      for (const c of chunks) socket.write(c)
      if (opts.end !== false) socket.end()
      else socket.destroy()
    })
  })
}

const statusOf = (raw: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0)
const contentTypeOf = (raw: string) => /\r\ncontent-type: ([^\r\n]+)/i.exec(raw)?.[1] ?? ''

describe('the bad-input corpus at the socket (a listening server)', () => {
  let w: World
  let small: Awaited<ReturnType<World['appWith']>>
  let big: Awaited<ReturnType<World['appWith']>>
  let port: number
  let client: pg.Client
  const watch = crashWatch()

  beforeAll(async () => {
    watch.start()
    w = await openWorld()
    small = await w.appWith({ uploadMaxBytes: 1024 * 1024 })
    big = await w.appWith({ uploadMaxBytes: 10 * 1024 * 1024, uploadMaxRows: 20_000 })
    port = Number(new URL(await small.listen({ host: '127.0.0.1', port: 0 })).port)
    client = new pg.Client({ connectionString: w.handle.url })
    await client.connect()
  })
  afterAll(async () => {
    watch.stop()
    await client?.end()
    await w?.close()
  })

  const alive = async () => {
    const res = await fetch(`http://127.0.0.1:${port}/me`, {
      headers: { authorization: `Bearer ${w.keys.admin}` },
    })
    expect(res.status).toBe(200)
    expect(watch.crashes).toEqual([])
  }
  const authorised = (key: string) => `Authorization: Bearer ${key}\r\n`

  it('answers bytes that are not HTTP, oversized headers and smuggling with problem+json, and keeps serving', async () => {
    const rng = prng(7)
    const garbage = Array.from({ length: 8 }, () =>
      Buffer.concat([Buffer.from(rng.bytes(rng.int(1, 600))), Buffer.from('\r\n\r\n')]),
    )
    const cases: [string, (string | Uint8Array)[], number][] = [
      ...garbage.map((g, i): [string, (string | Uint8Array)[], number] => [`random bytes ${i}`, [g], 400]),
      // Node reads a request line without a version as HTTP/0.9-style: a request without a key.
      ['a request line without a version', ['GET /me\r\n\r\n'], 401],
      [
        'headers over the limit',
        [`GET /me HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
        431,
      ],
      [
        'Content-Length and Transfer-Encoding',
        [
          'POST /admin/school-groups HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
        ],
        400,
      ],
      [
        'a chunk size that is not hex',
        [
          `POST /admin/school-groups HTTP/1.1\r\nHost: x\r\n${authorised(w.keys.admin)}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
        ],
        400,
      ],
      [
        'two Content-Length headers',
        ['POST /admin/school-groups HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}'],
        400,
      ],
      ['a NUL in a header', ['GET /me HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n'], 400],
    ]
    for (const [what, chunks, status] of cases) {
      const raw = await exchange(port, chunks)
      expect([what, statusOf(raw)]).toEqual([what, status])
      expect([what, contentTypeOf(raw)]).toEqual([what, expect.stringMatching(/^application\/problem\+json/)])
      expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({
        status,
        detail: expect.stringContaining(' / '),
      })
    }
    await alive()
  })

  it('stores nothing of an upload cut off mid-file or mid-body, and keeps serving', async () => {
    const before = await snapshot(client)
    const file = csvBytes(validRows('students', { school: '3001', kbo: '' }, 200))
    const body = fileUpload('lijst.csv', file)
    const head = `POST /school/uploads/students HTTP/1.1\r\nHost: x\r\n${authorised(w.keys.schoolA)}Content-Type: ${body.headers['content-type']}\r\nContent-Length: ${body.payload.length}\r\n\r\n`
    for (const cut of [10, 200, Math.floor(body.payload.length / 2), body.payload.length - 5]) {
      const raw = await exchange(port, [head, body.payload.subarray(0, cut)], { end: false })
      if (raw !== '') expect(statusOf(raw)).toBeGreaterThanOrEqual(400)
    }
    // Closing the sending side early: the server sees the end of the stream before Content-Length.
    const halfClosed = await exchange(port, [head, body.payload.subarray(0, 300)])
    if (halfClosed !== '') expect(statusOf(halfClosed)).toBeLessThan(500)
    await alive()
    const after = await snapshot(client)
    expect(after.digests).toEqual(before.digests)
    expect(after.accepted).toBe(before.accepted)
  })

  it('answers a streamed upload of a million rows with 413 as soon as the size limit is read', async () => {
    const before = await snapshot(client)
    const boundary = 'sbStreamBoundary'
    let produced = 0
    const rows = 1_000_000
    function* chunks() {
      yield Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="groot.csv"\r\nContent-Type: text/csv\r\n\r\nstamboeknummer;naam\r\n`,
      )
      for (let i = 0; i < rows; i += 1000) {
        produced += 1000
        yield Buffer.from(
          Array.from({ length: 1000 }, (_, j) => `${String(i + j).padStart(7, '0')};Peeters\r\n`).join(''),
        )
      }
      yield Buffer.from(`\r\n--${boundary}--\r\n`)
    }
    let producedAtAnswer = 0
    const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/school/uploads/students',
          headers: {
            authorization: `Bearer ${w.keys.schoolA}`,
            'content-type': `multipart/form-data; boundary=${boundary}`,
          },
        },
        (res) => {
          producedAtAnswer = produced
          const parts: Buffer[] = []
          res.on('data', (d) => parts.push(d))
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              type: String(res.headers['content-type']),
              body: Buffer.concat(parts).toString(),
            }),
          )
          res.on('error', reject)
        },
      )
      req.on('error', () => {})
      Readable.from(chunks()).pipe(req)
    })
    expect(answer.status).toBe(413)
    expect(answer.type).toMatch(/^application\/problem\+json/)
    expect(JSON.parse(answer.body)).toMatchObject({ type: 'https://stagebrug.be/problems/payload-too-large' })
    // The answer came once the limit was read, long before the client had sent its million rows (the
    // rest is drained and dropped by Node, never buffered; `Connection: close` ends the connection).
    expect(producedAtAnswer).toBeLessThan(rows / 2)
    const after = await snapshot(client)
    expect(after.digests).toEqual(before.digests)
    await alive()
  })

  it('refuses a million-row CSV and XLSX under the size limit by their row count, naming it', async () => {
    const csv = manyRowsCsv(1_000_000)
    const xlsx = await rezip(await xlsxBytes([['stamboeknummer']]), {
      replace: { 'xl/worksheets/sheet1.xml': sheetXml(1_000_001, { empty: true, numbered: true }) },
    })
    expect(xlsx.length).toBeLessThan(10 * 1024 * 1024)
    for (const [name, bytes] of [
      ['groot.csv', csv],
      ['groot.xlsx', xlsx],
    ] as const) {
      const before = await snapshot(client)
      const upload = fileUpload(name, bytes)
      const res = await big.inject({
        method: 'POST',
        url: '/school/uploads/students',
        payload: upload.payload,
        headers: { ...upload.headers, authorization: `Bearer ${w.keys.schoolA}` },
      })
      expect([name, res.statusCode]).toEqual([name, 422])
      expect(res.json().errors).toEqual([
        {
          row: 0,
          column: '',
          value: '',
          message:
            'Het bestand heeft 1.000.000 rijen; de limiet is 20.000 rijen per upload. Splits het bestand / The file has 1,000,000 rows; the limit is 20,000 rows per upload. Split the file',
        },
      ])
      const after = await snapshot(client)
      expect(after.digests).toEqual(before.digests)
    }
    await alive()
  })

  it('gives the same answers over HTTP as in-process, for a sample of the corpus', async () => {
    const corpus = await buildCorpus(await corpusContext(w))
    const sample = corpus.filter((_, i) => i % 23 === 0)
    expect(sample.length).toBeGreaterThan(60)
    const failures: string[] = []
    for (const c of sample) {
      const before = await snapshot(client)
      const res = await fetch(`http://127.0.0.1:${port}${c.url}`, {
        method: c.method,
        headers: { ...(c.who ? { authorization: `Bearer ${w.keys[c.who]}` } : {}), ...c.headers },
        ...(c.payload === undefined ? {} : { body: c.payload }),
      })
      const body = await res.text()
      failures.push(
        ...judge(
          c,
          { status: res.status, contentType: res.headers.get('content-type') ?? '', body },
          before,
          await snapshot(client),
        ),
      )
    }
    expect(failures).toEqual([])
    await alive()
  })
})
