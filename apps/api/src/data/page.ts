import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { prepared } from '@stagebrug/db'
import { type Compilable, type Expression, type RawBuilder, type SqlBool, sql } from 'kysely'
import { AppError } from '../errors.js'
import type { DataCtx } from './context.js'

export interface PageRequest {
  readonly limit: number
  readonly cursor?: string | undefined
}

export interface Page<T> {
  readonly items: T[]
  /** Pass as `cursor` for the next page; null on the last page. Opaque (sealed, see `seal`). */
  readonly nextCursor: string | null
}

/** A sort key for keyset pagination: an expression giving text, plus the row id as tie-breaker. */
export interface Keyset {
  readonly key: RawBuilder<string>
  readonly id: string
  readonly direction?: 'asc' | 'desc'
}

// Cursors are sealed with AES-256-GCM (issue 13): the sort key inside (for a company, a score it
// may not see) is neither readable nor forgeable. The key is derived with HKDF from the server
// secret (`serverSecret` in db, which the guard puts on the request) under its own purpose label.
const IV = 12
const TAG = 16
/** Plain cursors are padded to a multiple of this, so a cursor's length tells nothing of its key. */
const BLOCK = 64
const cursorKeys = new WeakMap<Buffer, Buffer>()

/** The cursor key of a server secret, derived once per secret. */
function cursorKeyOf(secret: Buffer): Buffer {
  let key = cursorKeys.get(secret)
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, new Uint8Array(0), 'stagebrug/api-cursor/v1', 32))
    cursorKeys.set(secret, key)
  }
  return key
}

function seal(secret: Buffer, value: [string, string]): string {
  const json = JSON.stringify(value)
  const plain = Buffer.from(json.padEnd(Math.ceil(json.length / BLOCK) * BLOCK, ' '), 'utf8')
  const iv = randomBytes(IV)
  const cipher = createCipheriv('aes-256-gcm', cursorKeyOf(secret), iv)
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()])
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url')
}

function unseal(secret: Buffer, cursor: string): string | undefined {
  const raw = Buffer.from(cursor, 'base64url')
  if (raw.length <= IV + TAG || raw.toString('base64url') !== cursor) return undefined
  try {
    const decipher = createDecipheriv('aes-256-gcm', cursorKeyOf(secret), raw.subarray(0, IV))
    decipher.setAuthTag(raw.subarray(raw.length - TAG))
    return Buffer.concat([decipher.update(raw.subarray(IV, raw.length - TAG)), decipher.final()]).toString('utf8')
  } catch {
    return undefined
  }
}

function decode(ctx: DataCtx, cursor: string): [string, string] {
  try {
    const plain = unseal(ctx.secret, cursor)
    const value: unknown = plain === undefined ? undefined : JSON.parse(plain)
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string'))
      return value as [string, string]
  } catch {}
  throw new AppError('INVALID_REQUEST', 'Ongeldige cursor / Invalid cursor')
}

/** The sort key a cursor holds; undefined without a cursor (INVALID_REQUEST when it is not one of ours). */
export function cursorKey(ctx: DataCtx, cursor: string | undefined): string | undefined {
  return cursor ? decode(ctx, cursor)[0] : undefined
}

/** The condition "after the cursor" for a keyset; true without a cursor. */
export function afterCursor(ctx: DataCtx, keyset: Keyset, cursor: string | undefined): Expression<SqlBool> {
  if (!cursor) return sql<SqlBool>`true`
  const [key, id] = decode(ctx, cursor)
  const op = sql.raw(keyset.direction === 'desc' ? '<' : '>')
  return sql<SqlBool>`(${keyset.key}, ${sql.ref(keyset.id)}::text) ${op} (${key}::text, ${id}::text)`
}

/** Orders by the keyset (apply with `.orderBy(...)` twice). */
export function keysetOrder(keyset: Keyset) {
  const dir = keyset.direction ?? 'asc'
  return [sql`${keyset.key} ${sql.raw(dir)}`, sql`${sql.ref(keyset.id)}::text ${sql.raw(dir)}`] as const
}

/** Cuts `limit + 1` fetched rows into a page; rows carry `sort_key` and their id. */
export function toPage<R extends { sort_key: string }, T>(
  ctx: DataCtx,
  rows: readonly R[],
  limit: number,
  idOf: (row: R) => string,
  map: (row: R) => T,
): Page<T> {
  const more = rows.length > limit
  const kept = rows.slice(0, limit)
  const last = kept.at(-1)
  return {
    items: kept.map(map),
    nextCursor: more && last ? seal(ctx.secret, [last.sort_key, idOf(last)]) : null,
  }
}

/**
 * Runs a page query as a named prepared statement: its scoped joins are planned once per
 * connection, not on every request (issue 7).
 */
export async function runPage<R>(ctx: DataCtx, query: Compilable<R>): Promise<R[]> {
  return (await ctx.db.executeQuery(prepared(query))).rows
}
