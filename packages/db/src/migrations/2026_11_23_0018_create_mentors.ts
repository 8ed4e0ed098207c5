import { type Kysely, sql } from 'kysely'

// Frozen: never edit after it has run anywhere; add a new migration instead.

// Mentors become a concept of their own (issue 14): one row per mentor of a company, linked to the
// places they supervise (many-to-many, so a later mentor-load constraint can count a mentor's
// places). What the duaal rules need sits beside the contact details: a birth date OR the company's
// declaration "at least 25" (data minimisation), the sector's 23 waiver, experience, the mentor
// training and its deadline, and the day the 596.2 extract was checked (the date only, never the
// document). place_mentor carries company_id so two composite foreign keys keep a link inside one
// company. The old place.mentor jsonb and mentor_name/function/email move here and are dropped.

const nonBlank = (column: string) => sql`btrim(${sql.ref(column)}) <> ''`

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mentor')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('company_id', 'uuid', (c) => c.notNull().references('company.id'))
    // NULL only for a mentor carried over from a place that had rule data but no name.
    .addColumn('name', 'text', (c) => c.check(nonBlank('name')))
    .addColumn('function', 'text', (c) => c.check(nonBlank('function')))
    .addColumn('email', 'text', (c) => c.check(sql`email = lower(btrim(email)) and email <> ''`))
    .addColumn('phone', 'text', (c) => c.check(nonBlank('phone')))
    .addColumn('birth_date', 'date')
    .addColumn('declared_at_least_25', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('age_waiver_23', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('years_experience', 'smallint', (c) => c.check(sql`years_experience between 0 and 80`))
    .addColumn('training_completed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('training_deadline', 'date')
    .addColumn('extract_5962_checked_on', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Only for the move below; dropped at the end of this migration.
    .addColumn('moved_key', 'text')
    .addCheckConstraint(
      'mentor_birth_date_or_declaration',
      sql`not (birth_date is not null and declared_at_least_25)`,
    )
    .addUniqueConstraint('mentor_id_company_key', ['id', 'company_id'])
    .execute()
  // The key of a mentor within its company: the e-mail, or the name when there is no e-mail.
  await sql`create unique index mentor_company_email_key on mentor (company_id, email) where email is not null`.execute(
    db,
  )
  await sql`create unique index mentor_company_name_key on mentor (company_id, lower(name))
    where email is null and name is not null`.execute(db)

  await db.schema
    .alterTable('place')
    .addUniqueConstraint('place_id_company_key', ['id', 'company_id'])
    .execute()
  await db.schema
    .createTable('place_mentor')
    .addColumn('place_id', 'uuid', (c) => c.notNull())
    .addColumn('mentor_id', 'uuid', (c) => c.notNull())
    .addColumn('company_id', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('place_mentor_pkey', ['place_id', 'mentor_id'])
    .addForeignKeyConstraint(
      'place_mentor_place_fk',
      ['place_id', 'company_id'],
      'place',
      ['id', 'company_id'],
      (f) => f.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'place_mentor_mentor_fk',
      ['mentor_id', 'company_id'],
      'mentor',
      ['id', 'company_id'],
      (f) => f.onDelete('cascade'),
    )
    .execute()
  await db.schema.createIndex('place_mentor_mentor_idx').on('place_mentor').column('mentor_id').execute()

  // The move: one mentor per (company, e-mail or else name); a place with rule data but neither
  // gets a mentor of its own. When places of one company name the same mentor, the rule data of
  // the first place (by id) that has any is kept.
  await sql`
    with src as (
      select p.id as place_id, p.company_id, p.mentor as m,
        nullif(btrim(p.mentor_name), '') as name, nullif(btrim(p.mentor_function), '') as fn,
        nullif(lower(btrim(p.mentor_email)), '') as email
      from place p
      where p.mentor is not null and p.mentor <> 'null'::jsonb
         or p.mentor_name is not null or p.mentor_function is not null or p.mentor_email is not null
    ), keyed as (
      select src.*, case when email is not null then 'e:' || email
        when name is not null then 'n:' || lower(name) else 'p:' || place_id::text end as moved_key
      from src
    )
    insert into mentor (company_id, name, function, email, birth_date, age_waiver_23,
      training_completed, training_deadline, moved_key)
    select distinct on (company_id, moved_key) company_id, name, fn, email,
      (m ->> 'birthDate')::date, coalesce((m ->> 'ageWaiver')::boolean, false),
      coalesce((m ->> 'trainingCompleted')::boolean, false), (m ->> 'trainingDeadline')::date, moved_key
    from keyed
    order by company_id, moved_key, (m is null or m = 'null'::jsonb), place_id
  `.execute(db)
  await sql`
    insert into place_mentor (place_id, mentor_id, company_id)
    select p.id, mt.id, p.company_id
    from place p
    join mentor mt on mt.company_id = p.company_id and mt.moved_key = case
      when nullif(lower(btrim(p.mentor_email)), '') is not null then 'e:' || lower(btrim(p.mentor_email))
      when nullif(btrim(p.mentor_name), '') is not null then 'n:' || lower(btrim(p.mentor_name))
      else 'p:' || p.id::text end
  `.execute(db)
  await db.schema.alterTable('mentor').dropColumn('moved_key').execute()

  // The mentor file is an upload kind of its own.
  await sql`alter table upload drop constraint if exists upload_kind_check`.execute(db)
  await sql`alter table upload add constraint upload_kind_check
    check (kind in ('students', 'places', 'recognitions', 'mentors'))`.execute(db)

  await db.schema
    .alterTable('place')
    .dropColumn('mentor')
    .dropColumn('mentor_name')
    .dropColumn('mentor_function')
    .dropColumn('mentor_email')
    .execute()
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('place')
    .addColumn('mentor', 'jsonb')
    .addColumn('mentor_name', 'text', (c) => c.check(nonBlank('mentor_name')))
    .addColumn('mentor_function', 'text', (c) => c.check(nonBlank('mentor_function')))
    .addColumn('mentor_email', 'text', (c) => c.check(nonBlank('mentor_email')))
    .execute()
  // A place keeps one mentor (the first linked, by mentor id); the rest is lost going down.
  await sql`
    update place p set mentor_name = mt.name, mentor_function = mt.function, mentor_email = mt.email,
      mentor = case when mt.birth_date is null then null else jsonb_build_object(
        'birthDate', to_char(mt.birth_date, 'YYYY-MM-DD'), 'ageWaiver', mt.age_waiver_23,
        'trainingCompleted', mt.training_completed,
        'trainingDeadline', to_char(mt.training_deadline, 'YYYY-MM-DD')) end
    from (select distinct on (pm.place_id) pm.place_id, m.* from place_mentor pm
          join mentor m on m.id = pm.mentor_id order by pm.place_id, m.id) mt
    where mt.place_id = p.id
  `.execute(db)
  await sql`delete from upload where kind = 'mentors'`.execute(db)
  await sql`alter table upload drop constraint if exists upload_kind_check`.execute(db)
  await sql`alter table upload add constraint upload_kind_check
    check (kind in ('students', 'places', 'recognitions'))`.execute(db)
  await db.schema.dropTable('place_mentor').execute()
  await db.schema.alterTable('place').dropConstraint('place_id_company_key').execute()
  await db.schema.dropTable('mentor').execute()
}
