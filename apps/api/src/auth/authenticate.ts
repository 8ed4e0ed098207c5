import { type Database, findActiveApiKey, hashApiKey, touchApiKey } from '@stagebrug/db'
import type { Kysely } from 'kysely'
import { AppError } from '../errors.js'
import type { Caller, Scope } from '../scope/scope.js'
import { type KeyCache, keyCacheOf } from './key-cache.js'

/** The key of an `Authorization: Bearer sb_…` header, or of Basic auth (any user, the key as password) for browsers. */
export function keyFromHeader(header: string | undefined): string | undefined {
  if (!header) return undefined
  const [kind, value] = header.trim().split(/\s+/, 2)
  if (!value) return undefined
  if (kind?.toLowerCase() === 'bearer') return value
  if (kind?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    return colon === -1 ? undefined : decoded.slice(colon + 1)
  }
  return undefined
}

/**
 * Finds the caller of a key: unknown or revoked keys throw UNAUTHENTICATED. A known key is trusted
 * for up to KEY_CACHE_TTL_MS (key-cache.ts) without another lookup; revoking it through this API
 * forgets it at once. A school key of a group reaches the group's schools as they were at the lookup.
 */
export async function authenticate(db: Kysely<Database>, key: string | undefined): Promise<Caller> {
  if (!key?.startsWith('sb_') || key.length > 100) {
    throw new AppError(
      'UNAUTHENTICATED',
      'Geef een API-sleutel mee: Authorization: Bearer sb_… / Send an API key',
    )
  }
  const hash = hashApiKey(key)
  const cache = keyCacheOf(db)
  const now = Date.now()
  const cached = cache.get(hash, now)
  if (cached) {
    // last_used_at is kept to the minute: most requests need no write at all.
    if (now - cached.touchedAt > 60_000) {
      cached.touchedAt = now
      await touchApiKey(db, cached.caller.keyId)
    }
    return cached.caller
  }
  return cache.shared(hash, () => lookUp(db, cache, hash, now))
}

/** Finds an unexpired key by its hash in the database and caches its caller. */
async function lookUp(db: Kysely<Database>, cache: KeyCache, hash: string, now: number): Promise<Caller> {
  const generation = cache.generation
  const row = await findActiveApiKey(db, hash)
  if (!row) throw new AppError('UNAUTHENTICATED', 'Onbekende of ingetrokken sleutel / Unknown or revoked key')
  let touchedAt = row.last_used_at?.getTime() ?? 0
  if (now - touchedAt > 60_000) {
    touchedAt = now
    await touchApiKey(db, row.id)
  }
  let scope: Scope
  if (row.role === 'admin') scope = { role: 'admin' }
  else if (row.role === 'company') scope = { role: 'company', companyId: row.scope_company_id! }
  else if (row.scope_school_id !== null) {
    scope = { role: 'school', schoolIds: [row.scope_school_id], schoolGroupId: null }
  } else {
    const schools = await db
      .selectFrom('school')
      .select('id')
      .where('school_group_id', '=', row.scope_school_group_id!)
      .orderBy('id')
      .execute()
    scope = { role: 'school', schoolIds: schools.map((s) => s.id), schoolGroupId: row.scope_school_group_id }
  }
  const caller: Caller = { keyId: row.id, keyName: row.name, scope }
  cache.set(hash, caller, { now, touchedAt, generation })
  return caller
}
