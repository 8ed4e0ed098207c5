import { randomBytes } from 'node:crypto'
import { type Kysely, sql } from 'kysely'

// Frozen: never edit after it has run anywhere; add a new migration instead.

// Issue 13. (1) A proposal's reasons become `{ code, text }` objects: what a company may see is
// decided on the code (an allow-list, @stagebrug/company-view), never on the Dutch text. Rows stored
// as plain strings are converted by the texts the core wrote; a text that matches none becomes code
// 'other', which only the school sees. (2) The server secret: 32 random bytes, made here (in
// TypeScript, so PGlite gets one too) and read once per process. It keys the candidate codes (HMAC)
// and the API's cursors (AES-GCM). A database dump contains it: whoever has the dump has the data.

const CODE_OF_TEXT = sql`case
  when t like 'manueel geplaatst door de trajectbegeleider%' then 'pin'
  when t = 'zelfde studierichting' then 'programme_exact'
  when t = 'verwante studierichting' then 'programme_related'
  when t = 'stageplaats in het buitenland (Erasmus+)' then 'abroad'
  when t like '% van huis' then 'distance'
  when t ~ '^[0-9]+ van [0-9]+ competenties$' then 'competences'
  when t = 'eerste wens van de leerling' or t ~ '^wens [0-9]+ van de leerling$' then 'wish'
  when t = 'voorkeur van het bedrijf' then 'company_preference'
  when t = 'voorrang als kwetsbare leerling' then 'priority'
  else 'other' end`

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    update proposal set reasons = (
      select coalesce(jsonb_agg(
        case when jsonb_typeof(e.r) = 'string'
          then jsonb_build_object('code', (select ${CODE_OF_TEXT} from (select e.r #>> '{}' as t) x), 'text', e.r #>> '{}')
          else e.r end
        order by e.n), '[]'::jsonb)
      from jsonb_array_elements(reasons) with ordinality as e(r, n))
    where exists (select 1 from jsonb_array_elements(reasons) as r(v) where jsonb_typeof(r.v) = 'string')
  `.execute(db)

  await db.schema
    .createTable('server_secret')
    .addColumn('id', 'smallint', (c) => c.primaryKey().defaultTo(1).check(sql`id = 1`))
    .addColumn('secret', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db
    .insertInto('server_secret')
    .values({ id: 1, secret: randomBytes(32) })
    .execute()
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('server_secret').execute()
  await sql`
    update proposal set reasons = (
      select coalesce(jsonb_agg(case when jsonb_typeof(e.r) = 'object' then e.r -> 'text' else e.r end order by e.n), '[]'::jsonb)
      from jsonb_array_elements(reasons) with ordinality as e(r, n))
  `.execute(db)
}
