// The edges: revoked keys, rate limits, malformed and oversized requests, security headers, and
// what the API says when PostgreSQL or Redis is away. Every refusal is problem+json, never a 500.
import { createDb } from '@stagebrug/db'
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/app.js'
import { multipart, openQueuesFor, openWorld, problem, SETTINGS, type World } from './support/world.js'

describe('limits and failures', () => {
  let w: World
  beforeAll(async () => {
    w = await openWorld()
  })
  afterAll(() => w?.close())

  it('stops a revoked key at once, and records when a key was last used', async () => {
    expect((await w.call('schoolB', { url: '/me' })).statusCode).toBe(200)
    const used = await w.db
      .selectFrom('api_key')
      .select('last_used_at')
      .where('id', '=', w.keyIds.schoolB)
      .executeTakeFirstOrThrow()
    expect(used.last_used_at).toBeInstanceOf(Date)

    const revoke = await w.call('admin', { method: 'DELETE', url: `/admin/api-keys/${w.keyIds.schoolB}` })
    expect(revoke.statusCode).toBe(200)
    const after = await w.call('schoolB', { url: '/me' })
    expect(after.statusCode).toBe(401)
    expect(problem(after)).toMatchObject({
      type: 'https://stagebrug.be/problems/unauthenticated',
      status: 401,
    })
    expect(after.headers['www-authenticate']).toMatch(/^Bearer /)
    const keys = await w.call('admin', { url: '/admin/api-keys' })
    expect(keys.body).not.toContain(w.keys.schoolB)
    expect(keys.json().items).toContainEqual(
      expect.objectContaining({ id: w.keyIds.schoolB, revokedAt: expect.any(String) }),
    )
    expect(
      (await w.call('admin', { method: 'DELETE', url: `/admin/api-keys/${w.keyIds.schoolB}` })).statusCode,
    ).toBe(404)
    expect(
      (await w.app.inject({ url: '/me', headers: { authorization: 'Bearer sb_not-a-key' } })).statusCode,
    ).toBe(401)
  })

  it('limits requests per key: 429 problem+json with Retry-After, other keys unaffected', async () => {
    const app = await w.appWith({ rateLimit: { max: 3, windowMs: 60_000 } })
    const as = (key: string) => app.inject({ url: '/me', headers: { authorization: `Bearer ${key}` } })
    for (let i = 0; i < 3; i++) expect((await as(w.keys.admin)).statusCode).toBe(200)
    const limited = await as(w.keys.admin)
    expect(limited.statusCode).toBe(429)
    expect(problem(limited).type).toBe('https://stagebrug.be/problems/rate-limited')
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect((await as(w.keys.companyX)).statusCode).toBe(200)
  })

  it('answers malformed, mistyped and oversized requests with 4xx problem+json', async () => {
    const app = await w.appWith({ bodyLimitBytes: 2048, uploadMaxBytes: 4096 })
    const withKey = (key: string) => (opts: InjectOptions) =>
      app.inject({ ...opts, headers: { authorization: `Bearer ${key}`, ...opts.headers } })
    const as = withKey(w.keys.admin)
    const school = withKey(w.keys.schoolA)
    const cases: [string, Promise<LightMyRequestResponse>, number, string][] = [
      [
        'malformed JSON',
        as({
          method: 'POST',
          url: '/admin/school-groups',
          payload: '{"name": ',
          headers: { 'content-type': 'application/json' },
        }),
        400,
        'malformed-body',
      ],
      [
        'wrong type',
        as({ method: 'POST', url: '/admin/school-groups', payload: { name: 42 } }),
        400,
        'invalid-request',
      ],
      [
        'missing field',
        as({ method: 'POST', url: '/admin/schools', payload: { name: 'X' } }),
        400,
        'invalid-request',
      ],
      [
        'unknown enum',
        as({ method: 'POST', url: '/admin/api-keys', payload: { name: 'x', role: 'root' } }),
        400,
        'invalid-request',
      ],
      [
        'scope that does not fit the role',
        as({ method: 'POST', url: '/admin/api-keys', payload: { name: 'x', role: 'school' } }),
        400,
        'invalid-request',
      ],
      [
        'bad KBO number',
        as({ method: 'POST', url: '/admin/companies', payload: { kboNumber: '0431.150.351', name: 'Fout' } }),
        400,
        'invalid-request',
      ],
      ['not a uuid', as({ url: '/admin/schools/42' }), 400, 'invalid-request'],
      ['bad cursor', as({ url: '/admin/schools?cursor=nonsense' }), 400, 'invalid-request'],
      ['limit out of range', as({ url: '/admin/schools?limit=5000' }), 400, 'invalid-request'],
      [
        'oversized JSON body',
        as({ method: 'POST', url: '/admin/school-groups', payload: { name: 'x'.repeat(5000) } }),
        413,
        'payload-too-large',
      ],
      [
        'unsupported content type',
        as({
          method: 'POST',
          url: '/admin/school-groups',
          payload: 'name=x',
          headers: { 'content-type': 'text/plain' },
        }),
        415,
        'unsupported-media-type',
      ],
      [
        'upload without multipart',
        school({ method: 'POST', url: '/school/uploads/students', payload: { file: 'x' } }),
        415,
        'unsupported-media-type',
      ],
      [
        'oversized upload',
        school({
          method: 'POST',
          url: '/school/uploads/students',
          ...multipart('groot.csv', new Uint8Array(10_000).fill(65)),
        }),
        413,
        'payload-too-large',
      ],
      [
        'unreadable upload',
        school({
          method: 'POST',
          url: '/school/uploads/students',
          ...multipart('leeg.csv', new Uint8Array(0)),
        }),
        422,
        'row-errors',
      ],
      ['unknown route', as({ url: '/admin/nothing-here' }), 404, 'not-found'],
      [
        'conflicting state',
        as({ method: 'POST', url: `/admin/runs/${w.night.run.id}/publish` }),
        409,
        'conflict',
      ],
    ]
    for (const [what, pending, status, type] of cases) {
      const res = await pending
      expect([what, res.statusCode]).toEqual([what, status])
      expect([what, problem(res).type]).toEqual([what, `https://stagebrug.be/problems/${type}`])
    }
  })

  it('sets security headers', async () => {
    const res = await w.call('admin', { url: '/me' })
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
    })
  })

  it('is not ready (503) when Redis is unreachable, and says so when a request needs it', async () => {
    const dead = openQueuesFor(`sbapi-dead-${Date.now()}`, 'redis://127.0.0.1:1')
    try {
      const app = await w.appWith({}, dead)
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200)
      const ready = await app.inject({ url: '/readyz' })
      expect(ready.statusCode).toBe(503)
      expect(ready.json()).toMatchObject({
        ok: false,
        checks: { postgres: 'ok', redis: expect.not.stringMatching(/^ok$/) },
      })
      const trigger = await app.inject({
        method: 'POST',
        url: '/admin/runs',
        headers: { authorization: `Bearer ${w.keys.admin}` },
      })
      expect([trigger.statusCode, problem(trigger).type]).toEqual([
        503,
        'https://stagebrug.be/problems/unavailable',
      ])
    } finally {
      await dead.close()
    }
  })

  it('answers 503 problem+json when PostgreSQL is unreachable', async () => {
    const gone = createDb('postgres://postgres@127.0.0.1:1/test')
    const app = await createApp({ db: gone.db, queues: w.queues, settings: SETTINGS })
    try {
      const res = await app.inject({ url: '/me', headers: { authorization: `Bearer ${w.keys.admin}` } })
      expect([res.statusCode, problem(res).type]).toEqual([503, 'https://stagebrug.be/problems/unavailable'])
      const ready = await app.inject({ url: '/readyz' })
      expect(ready.statusCode).toBe(503)
      expect(ready.json().checks.redis).toBe('ok')
    } finally {
      await app.close()
      await gone.destroy()
    }
  })
})
