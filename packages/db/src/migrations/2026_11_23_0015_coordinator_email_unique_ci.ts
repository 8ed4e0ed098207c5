import { type Kysely, sql } from 'kysely'

// Frozen: never edit after it has run anywhere; add a new migration instead.

// A coordinator's e-mail is unique per school case-insensitively (issue 13): the command line stored
// addresses as typed and the API lower-cased them, so one person could be two coordinators of one
// school and get every mail twice. Existing duplicates (same school, same lower(trim(email))) are
// merged deterministically into the OLDEST row (by created_at, then id): its name is kept, its
// address is stored trimmed and lower-cased, the others are deleted and each merge is written to
// the audit log. Nothing references coordinator by foreign key; the mail ledger names recipients
// as 'coordinator:<id>' and 'watch:<id>' (one row per run and recipient). A duplicate's ledger row
// follows the kept row where the kept row has none in that run (the oldest duplicate's, when several could);
// where it has one, the duplicate's row stays as it was: a mail that was really sent, to its own
// address (every ledger row carries it), so sending and history keep working.
// One person may still coordinate two schools: the index is per school.

const ACTOR = 'migration:2026_11_23_0015'

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create temporary table coordinator_merge as
    select id, school_id, created_at, keep from (
      select id, school_id, created_at, first_value(id) over (
        partition by school_id, lower(btrim(email)) order by created_at asc, id asc
      ) as keep
      from coordinator
    ) ranked
    where id <> keep`.execute(db)

  for (const prefix of ['coordinator:', 'watch:']) {
    await sql`
      with moves as (
        select o.id, m.keep, row_number() over (partition by o.run_id, m.keep order by m.created_at, m.id) as n
        from mail_outbox o
        join coordinator_merge m on o.recipient = ${prefix} || m.id::text
        where not exists (
          select 1 from mail_outbox k where k.run_id = o.run_id and k.recipient = ${prefix} || m.keep::text
        )
      )
      update mail_outbox o set recipient = ${prefix} || moves.keep::text
      from moves
      where moves.id = o.id and moves.n = 1`.execute(db)
  }

  await sql`insert into audit_log (actor, action, subject, detail)
    select ${ACTOR}, 'coordinator.merge', 'coordinator:' || id::text,
           jsonb_build_object('into', keep, 'school', school_id)
    from coordinator_merge`.execute(db)
  await sql`delete from coordinator c using coordinator_merge m where c.id = m.id`.execute(db)
  await sql`drop table coordinator_merge`.execute(db)
  await sql`update coordinator set email = lower(btrim(email)) where email <> lower(btrim(email))`.execute(db)
  await sql`create unique index coordinator_school_email_ci on coordinator (school_id, lower(email))`.execute(
    db,
  )
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function down(db: Kysely<any>): Promise<void> {
  // The merged rows stay merged (their audit entries say which they were).
  await sql`drop index if exists coordinator_school_email_ci`.execute(db)
}
