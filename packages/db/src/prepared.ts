// Named prepared statements for hot reads. A query marked with `prepared()` carries a leading
// comment; on PostgreSQL the pool's client sends it as a statement named after a hash of its text,
// so each connection parses and plans it once and then only binds and runs it. The proposal lists
// spent more time in PostgreSQL's planner than in running the query (issue 7). PGlite sees a comment.
// Mark only queries whose text is one of a few shapes: every distinct text stays prepared for the
// life of its connection. They are also planned generically (GENERIC_PLANS, set on every pooled
// connection): the marked reads have a plan that does not depend on the values (one school, one
// company, a cursor), and a custom plan would cost a planning per call again. Only named statements
// follow plan_cache_mode; every other query is planned with its values as before.
import { createHash } from 'node:crypto'
import type { Compilable, CompiledQuery } from 'kysely'
import pg from 'pg'

const MARK = '/* prepared */ '

/** Sent once on every new pooled connection. */
export const GENERIC_PLANS = 'set plan_cache_mode = force_generic_plan'

/** The query, compiled and marked to run as a named prepared statement. */
export function prepared<R>(query: Compilable<R>): CompiledQuery<R> {
  const compiled = query.compile()
  return { ...compiled, sql: MARK + compiled.sql }
}

/** The statement name of a marked SQL text; undefined for any other text. */
export function preparedName(text: string): string | undefined {
  if (!text.startsWith(MARK)) return undefined
  return `sb_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`
}

const plainQuery = pg.Client.prototype.query

/** pg's client, sending marked queries as named statements (pg prepares a name once per connection). */
export class PreparingClient extends pg.Client {}

// pg's `query` has a dozen overloads; only `(text, values)` calls of a marked text are rewritten.
PreparingClient.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [text, values] = args
  const name = typeof text === 'string' ? preparedName(text) : undefined
  const query = plainQuery as (this: pg.Client, ...a: unknown[]) => unknown
  if (name === undefined || args.length > 2 || (values !== undefined && !Array.isArray(values)))
    return query.apply(this, args)
  return query.call(this, { name, text, values: values ?? [] })
} as pg.Client['query']
