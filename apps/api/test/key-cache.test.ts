// Authenticated keys are cached in-process for KEY_CACHE_TTL_MS: revoking a key or changing a
// school through this API still takes effect at once; a change made elsewhere within the TTL.
import { revokeApiKey } from '@stagebrug/db'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { KEY_CACHE_TTL_MS, KeyCache } from '../src/auth/key-cache.js'
import type { Caller } from '../src/scope/scope.js'
import { openWorld, type World } from './support/world.js'

const caller = (keyId: string): Caller => ({ keyId, keyName: keyId, scope: { role: 'admin' } })

describe('KeyCache', () => {
  it('keeps a key for the TTL only', () => {
    const cache = new KeyCache({ ttlMs: 1000 })
    cache.set('h1', caller('k1'), { now: 0, touchedAt: 0, generation: cache.generation })
    expect(cache.get('h1', 999)?.caller.keyId).toBe('k1')
    expect(cache.get('h1', 1000)).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  it('drops the least recently used key beyond its size', () => {
    const cache = new KeyCache({ ttlMs: 1000, max: 2 })
    const at = { now: 0, touchedAt: 0, generation: 0 }
    cache.set('h1', caller('k1'), at)
    cache.set('h2', caller('k2'), at)
    cache.get('h1', 1)
    cache.set('h3', caller('k3'), at)
    expect([cache.get('h1', 1), cache.get('h2', 1), cache.get('h3', 1)].map((e) => e?.caller.keyId)).toEqual([
      'k1',
      undefined,
      'k3',
    ])
  })

  it('forgets a revoked key, and does not keep a lookup that began before', () => {
    const cache = new KeyCache()
    const before = cache.generation
    cache.set('h1', caller('k1'), { now: 0, touchedAt: 0, generation: before })
    cache.forgetKey('k1')
    expect(cache.get('h1', 1)).toBeUndefined()
    cache.set('h1', caller('k1'), { now: 0, touchedAt: 0, generation: before })
    expect(cache.get('h1', 1)).toBeUndefined()
  })
})

describe('KeyCache.shared', () => {
  it('runs one lookup for concurrent misses of a key and shares its answer', async () => {
    const cache = new KeyCache()
    let lookups = 0
    let finish: (c: Caller) => void = () => {}
    const lookup = () => {
      lookups++
      return new Promise<Caller>((resolve) => {
        finish = resolve
      })
    }
    const waiting = Array.from({ length: 10 }, () => cache.shared('h1', lookup))
    const other = cache.shared('h2', () => Promise.resolve(caller('k2')))
    expect(lookups).toBe(1)
    finish(caller('k1'))
    expect((await Promise.all(waiting)).map((c) => c.keyId)).toEqual(Array(10).fill('k1'))
    expect((await other).keyId).toBe('k2')
    // Once answered, the next miss looks up again.
    const again = cache.shared('h1', lookup)
    expect(lookups).toBe(2)
    finish(caller('k1'))
    await again
  })

  it('shares a failed lookup with those waiting, then tries again', async () => {
    const cache = new KeyCache()
    let lookups = 0
    const failing = () => {
      lookups++
      return Promise.reject(new Error('unknown key'))
    }
    const results = await Promise.allSettled([cache.shared('h1', failing), cache.shared('h1', failing)])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    expect(lookups).toBe(1)
    await expect(cache.shared('h1', failing)).rejects.toThrow('unknown key')
    expect(lookups).toBe(2)
  })
})

describe('the key cache in the API', () => {
  let w: World
  beforeAll(async () => {
    w = await openWorld()
  })
  afterAll(() => w?.close())
  afterEach(() => {
    vi.useRealTimers()
  })

  it('honours a key revoked elsewhere within the TTL, not after', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() })
    expect((await w.call('companyY', { url: '/me' })).statusCode).toBe(200)
    // As another API process (or a database session) would: the row changes, this cache does not hear of it.
    expect(await revokeApiKey(w.db, w.keyIds.companyY)).toBe(true)
    expect((await w.call('companyY', { url: '/me' })).statusCode).toBe(200)
    vi.setSystemTime(Date.now() + KEY_CACHE_TTL_MS + 1)
    expect((await w.call('companyY', { url: '/me' })).statusCode).toBe(401)
  })

  it('lets a group key reach a school added to its group at once', async () => {
    const before = await w.call('group', { url: '/me' })
    expect(before.statusCode).toBe(200)
    const created = await w.call('admin', {
      method: 'POST',
      url: '/admin/schools',
      payload: {
        name: 'Campus Nieuw',
        instellingsnummer: '3005',
        postcode: '2440',
        group: 'Scholengroep Kempen',
      },
    })
    expect(created.statusCode).toBeLessThan(300)
    const id = created.json().id as string
    expect(before.json().schoolIds).not.toContain(id)
    expect((await w.call('group', { url: '/me' })).json().schoolIds).toContain(id)
  })
})
