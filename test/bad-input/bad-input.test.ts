// The bad-input corpus against the API in-process (fastify inject) on real PostgreSQL and Redis:
// every case is a specific 4xx problem+json, no process error, and nothing of it is stored.
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorld, type World } from '../../apps/api/test/support/world.js'
import { corpusContext, crashWatch, judge, snapshot } from './check.js'
import { buildCorpus, type Case } from './corpus.js'

const CATEGORIES = [
  'random-bytes',
  'random-zip',
  'encoding',
  'xlsx-truncated',
  'xlsx-parts',
  'too-many-rows',
  'too-large',
  'huge-cell',
  'control-chars',
  'formula-typed',
  'sql-typed',
  'bad-date',
  'mixed-columns',
  'missing-column',
  'structure',
  'filename',
  'multipart',
  'scope',
  'json-syntax',
  'json-field',
  'json-random',
  'param',
  'query',
] as const

describe('the bad-input corpus (in-process)', () => {
  let w: World
  let corpus: Case[]
  let client: pg.Client
  const watch = crashWatch()

  beforeAll(async () => {
    watch.start()
    w = await openWorld()
    client = new pg.Client({ connectionString: w.handle.url })
    await client.connect()
    corpus = await buildCorpus(await corpusContext(w))
  })
  afterAll(async () => {
    watch.stop()
    await client?.end()
    await w?.close()
  })

  it('has at least 1,000 cases over every category, the same ones on every run', async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(1000)
    const counts = Object.fromEntries(
      CATEGORIES.map((c) => [c, corpus.filter((x) => x.category === c).length]),
    )
    for (const c of CATEGORIES) expect([c, counts[c]! > 0]).toEqual([c, true])
    expect(corpus.filter((c) => !(CATEGORIES as readonly string[]).includes(c.category))).toEqual([])
    const again = await buildCorpus(await corpusContext(w))
    const digest = (cases: Case[]) =>
      cases.map((c) => `${c.id}:${c.url}:${Buffer.from(c.payload ?? '').toString('base64').length}`)
    expect(digest(again)).toEqual(digest(corpus))
  })

  it('sends broken bodies to every write endpoint the API registers (a new one fails here until it is in the corpus)', () => {
    const writes = w.app.apiRoutes.filter(
      (r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method) && r.roles !== 'public',
    )
    expect(writes.length).toBeGreaterThanOrEqual(20)
    const missing = writes.filter((r) => {
      const pattern = new RegExp(`^${r.url.replace(/:[^/]+/g, '[^/?]+')}(\\?.*)?$`)
      return !corpus.some(
        (c) =>
          c.method === r.method && pattern.test(c.url) && ['json-syntax', 'multipart'].includes(c.category),
      )
    })
    expect(missing.map((r) => `${r.method} ${r.url}`)).toEqual([])
  })

  it.each(CATEGORIES)(
    'refuses every %s case with a specific 4xx and stores nothing',
    { timeout: 120_000 },
    async (category) => {
      const failures: string[] = []
      // Each case starts from the state the previous one left (checked unchanged), so one snapshot a case.
      let before = await snapshot(client)
      for (const c of corpus.filter((x) => x.category === category)) {
        const res = await w.call(c.who, {
          method: c.method,
          url: c.url,
          ...(c.payload === undefined ? {} : { payload: c.payload }),
          ...(c.headers ? { headers: c.headers } : {}),
        })
        const after = await snapshot(client)
        failures.push(
          ...judge(
            c,
            {
              status: res.statusCode,
              contentType: String(res.headers['content-type'] ?? ''),
              body: res.body,
            },
            before,
            after,
          ),
        )
        before = after
      }
      expect(failures).toEqual([])
      expect(watch.crashes).toEqual([])
      expect((await w.call(null, { url: '/healthz' })).statusCode).toBe(200)
      expect((await w.call('admin', { url: '/me' })).statusCode).toBe(200)
    },
  )
})
