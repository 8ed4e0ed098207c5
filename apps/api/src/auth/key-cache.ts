// A short-lived in-process cache of authenticated keys: without it every request pays a key lookup
// (and, for a group key, the group's schools) before its own query. Entries live KEY_CACHE_TTL_MS at
// most; revoking a key through this API process, or changing a school (its group), forgets them at
// once. Another API process, or a change made outside the API, takes effect within the TTL.
import { perHandle } from '../per-handle.js'
import type { Caller } from '../scope/scope.js'

/** How long an authenticated key is trusted without asking the database again. */
export const KEY_CACHE_TTL_MS = 10_000
/** Most keys kept; the least recently used goes first. */
export const KEY_CACHE_MAX = 1_000

interface Entry {
  readonly caller: Caller
  readonly expiresAt: number
  /** When last_used_at was last written for the key (it is kept to the minute). */
  touchedAt: number
}

export class KeyCache {
  readonly #entries = new Map<string, Entry>()
  readonly #lookups = new Map<string, Promise<Caller>>()
  readonly #ttlMs: number
  readonly #max: number
  #generation = 0

  constructor(options: { readonly ttlMs?: number; readonly max?: number } = {}) {
    this.#ttlMs = options.ttlMs ?? KEY_CACHE_TTL_MS
    this.#max = options.max ?? KEY_CACHE_MAX
  }

  /** The entry of a key hash if it has not expired; refreshes its place in the LRU order. */
  get(hash: string, now: number): Entry | undefined {
    const entry = this.#entries.get(hash)
    if (entry === undefined) return undefined
    this.#entries.delete(hash)
    if (entry.expiresAt <= now) return undefined
    this.#entries.set(hash, entry)
    return entry
  }

  /** Changes whenever keys are forgotten: a lookup that began before must not be cached. */
  get generation(): number {
    return this.#generation
  }

  /** Keeps a caller found by a lookup that began at `generation`; dropped when keys were forgotten since. */
  set(
    hash: string,
    caller: Caller,
    at: { readonly now: number; readonly touchedAt: number; readonly generation: number },
  ): void {
    if (at.generation !== this.#generation) return
    const { now, touchedAt } = at
    this.#entries.delete(hash)
    this.#entries.set(hash, { caller, expiresAt: now + this.#ttlMs, touchedAt })
    while (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next().value
      if (oldest === undefined) break
      this.#entries.delete(oldest)
    }
  }

  /**
   * One lookup of a key at a time: requests that miss while it runs share its answer (or error).
   * Without it, an entry expiring under load sent every request in flight to the database at once.
   */
  shared(hash: string, lookup: () => Promise<Caller>): Promise<Caller> {
    const running = this.#lookups.get(hash)
    if (running) return running
    const started = lookup().finally(() => this.#lookups.delete(hash))
    this.#lookups.set(hash, started)
    return started
  }

  /** Forgets one key by its id (revoked). */
  forgetKey(keyId: string): void {
    this.#generation++
    for (const [hash, entry] of this.#entries) if (entry.caller.keyId === keyId) this.#entries.delete(hash)
  }

  /** Forgets every key (a school moved between groups, …). */
  clear(): void {
    this.#generation++
    this.#entries.clear()
  }

  get size(): number {
    return this.#entries.size
  }
}

/** The key cache of a database handle: the guard fills it, the data layer forgets keys it revokes. */
export const keyCacheOf = perHandle((_db: object) => new KeyCache())
