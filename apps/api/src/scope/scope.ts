import type { ApiKeyRole } from '@stagebrug/db'

/**
 * What a caller may reach, resolved from the API key and kept for at most KEY_CACHE_TTL_MS
 * (src/auth/key-cache.ts): a key revoked or a school changed through this API counts at once, a
 * change made elsewhere within the TTL. The data layer (src/data via src/scope/visible.ts) is the
 * only code that reads it.
 */
export type Scope =
  | { readonly role: 'admin' }
  | { readonly role: 'school'; readonly schoolIds: readonly string[]; readonly schoolGroupId: string | null }
  | { readonly role: 'company'; readonly companyId: string }

export interface Caller {
  readonly keyId: string
  readonly keyName: string
  readonly scope: Scope
}

export type Role = ApiKeyRole

/** How a caller is named in the audit log and in `status_by` columns. */
export const actorOf = (caller: Caller) => `apikey:${caller.keyId}`
