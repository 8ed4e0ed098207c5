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
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null
}

/** A sort key for keyset pagination: an expression giving text, plus the row id as tie-breaker. */
export interface Keyset {
  readonly key: RawBuilder<string>
  readonly id: string
  readonly direction?: 'asc' | 'desc'
}

function decode(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string'))
      return value as [string, string]
  } catch {}
  throw new AppError('INVALID_REQUEST', 'Ongeldige cursor / Invalid cursor')
}

/** The sort key a cursor holds; undefined without a cursor (INVALID_REQUEST when it is not one of ours). */
export function cursorKey(cursor: string | undefined): string | undefined {
  return cursor ? decode(cursor)[0] : undefined
}

/** The condition "after the cursor" for a keyset; true without a cursor. */
export function afterCursor(keyset: Keyset, cursor: string | undefined): Expression<SqlBool> {
  if (!cursor) return sql<SqlBool>`true`
  const [key, id] = decode(cursor)
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
    nextCursor:
      more && last ? Buffer.from(JSON.stringify([last.sort_key, idOf(last)]), 'utf8').toString('base64url') : null,
  }
}

/**
 * Runs a page query as a named prepared statement: its scoped joins are planned once per
 * connection, not on every request (issue 7).
 */
export async function runPage<R>(ctx: DataCtx, query: Compilable<R>): Promise<R[]> {
  return (await ctx.db.executeQuery(prepared(query))).rows
}
