import { type Kysely, sql } from 'kysely'

// Frozen: never edit after it has run anywhere; add a new migration instead.

// Recognitions (erkenningen) get a table of their own (issue 14): a recognition is granted per
// company × vestigingseenheid × programme and lasts five years, so it belongs to the establishment,
// not to one place. A place picks up the `erkend` recognitions of its own establishment when a
// night's snapshot is loaded; place.recognitions (jsonb) is dropped, so there is one copy.
//
// The old jsonb moves here where the place has an establishment number (status `erkend`, source
// `company`: only companies could have written it). Several places of one establishment with the
// same programme keep the widest validity (earliest from, latest until). A place WITHOUT an
// establishment number cannot say which establishment was recognised, and Stagebrug never invents
// one: each such recognition is written whole to the audit log (action `recognition.unlinked`,
// subject the place), so nothing is lost and an administrator can see what the company must enter
// again with its vestigingseenheidsnummer; until then the rule refuses duaal pupils there, as it
// would for any place whose recognition is not on record.

const ACTOR = 'migration:2026_11_23_0017'

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('recognition')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('company_id', 'uuid', (c) => c.notNull().references('company.id'))
    .addColumn('establishment_number', 'char(10)', (c) => c.notNull())
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programme.id'))
    .addColumn('reference', 'text')
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_until', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('erkend', 'aangevraagd', 'ingetrokken')`),
    )
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('company', 'school')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('recognition_key', ['company_id', 'establishment_number', 'programme_id'])
    .addCheckConstraint('recognition_validity_order', sql`valid_until >= valid_from`)
    // Vestigingseenheidsnummer: 10 digits, first 2–8, 97 - (first 8 mod 97) = last 2.
    .addCheckConstraint(
      'recognition_establishment_number_check',
      sql`case when establishment_number ~ '^[2-8][0-9]{9}$'
        then 97 - (substring(establishment_number from 1 for 8)::bigint % 97) = substring(establishment_number from 9 for 2)::int
        else false end`,
    )
    .execute()

  // Recognitions of places without an establishment number: kept in the audit log, see above.
  await sql`insert into audit_log (actor, action, subject, detail)
    select ${ACTOR}, 'recognition.unlinked', 'place:' || p.id::text,
           jsonb_build_object('company', p.company_id, 'recognition', r.value)
    from place p, jsonb_array_elements(p.recognitions) r
    where p.establishment_number is null`.execute(db)

  await sql`insert into recognition (company_id, establishment_number, programme_id, valid_from, valid_until, status, source)
    select p.company_id, p.establishment_number, (r.value->>'programme')::int,
           min((r.value->>'validFrom')::date), max((r.value->>'validTo')::date), 'erkend', 'company'
    from place p, jsonb_array_elements(p.recognitions) r
    where p.establishment_number is not null
      and exists (select 1 from programme pr where pr.id = (r.value->>'programme')::int)
    group by p.company_id, p.establishment_number, (r.value->>'programme')::int`.execute(db)

  // Anything that did not fit (a programme no longer in the reference list, a malformed number):
  // also kept in the audit log rather than dropped.
  await sql`insert into audit_log (actor, action, subject, detail)
    select ${ACTOR}, 'recognition.unlinked', 'place:' || p.id::text,
           jsonb_build_object('company', p.company_id, 'recognition', r.value)
    from place p, jsonb_array_elements(p.recognitions) r
    where p.establishment_number is not null
      and not exists (
        select 1 from recognition k
        where k.company_id = p.company_id and k.establishment_number = p.establishment_number
          and k.programme_id::text = r.value->>'programme'
      )`.execute(db)

  await db.schema.alterTable('place').dropColumn('recognitions').execute()
  await db.schema
    .createIndex('place_company_establishment_idx')
    .on('place')
    .columns(['company_id', 'establishment_number'])
    .execute()

  await sql`alter table upload drop constraint if exists upload_kind_check`.execute(db)
  await sql`alter table upload add constraint upload_kind_check
    check (kind in ('students', 'places', 'recognitions'))`.execute(db)
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from upload where kind = 'recognitions'`.execute(db)
  await sql`alter table upload drop constraint if exists upload_kind_check`.execute(db)
  await sql`alter table upload add constraint upload_kind_check check (kind in ('students', 'places'))`.execute(
    db,
  )
  await db.schema.dropIndex('place_company_establishment_idx').execute()
  await db.schema
    .alterTable('place')
    .addColumn('recognitions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute()
  // Back into every place of the establishment (the `erkend` ones: the old column had no status).
  await sql`update place p set recognitions = coalesce((
      select jsonb_agg(jsonb_build_object('programme', r.programme_id,
               'validFrom', to_char(r.valid_from, 'YYYY-MM-DD'), 'validTo', to_char(r.valid_until, 'YYYY-MM-DD'))
             order by r.programme_id)
      from recognition r
      where r.company_id = p.company_id and r.establishment_number = p.establishment_number
        and r.status = 'erkend'), '[]'::jsonb)`.execute(db)
  await db.schema.dropTable('recognition').execute()
}
