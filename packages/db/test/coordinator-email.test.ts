// Migration 0015: coordinator e-mails are unique per school case-insensitively. Rows that an old
// command line stored next to the API's (same school, same lower(trim(email))) are merged into the
// oldest; their ledger rows follow it where that cannot make a second mail of one run; then a unique
// index on (school_id, lower(email)) keeps it so. One person may still coordinate two schools.
import { randomUUID } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import { Migrator } from 'kysely/migration'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openTestDb, type TestDb } from '../../../test/support/databases.js'
import { type Database, migrations, runMigrations, seedReferenceData } from '../src/index.js'

const BEFORE = '2026_11_23_0014_reason_codes_and_server_secret'

async function coordinator(db: Kysely<Database>, school: string, email: string, minutesAgo: number) {
  const { rows } = await sql<{ id: string }>`
    insert into coordinator (school_id, name, email, created_at)
    values (${school}, ${`TB ${minutesAgo}`}, ${email}, now() - make_interval(mins => ${minutesAgo}))
    returning id`.execute(db)
  const row = rows[0]!
  return row.id
}

describe.each(ENGINES)('migration 0015 on %s', (engine) => {
  let handle: TestDb
  beforeAll(async () => {
    handle = await openTestDb(engine)
  })
  afterAll(() => handle?.close())

  it('merges duplicates into the oldest row, moves their ledger rows, and keeps them out', async () => {
    const migrator = new Migrator({
      db: handle.db,
      provider: { getMigrations: async () => ({ ...migrations }) },
    })
    const to = await migrator.migrateTo(BEFORE)
    expect(to.error).toBeUndefined()
    await seedReferenceData(handle.db)
    const db = handle.db
    const [s1, s2] = await Promise.all(
      ['1001', '1002'].map(async (nr) => {
        const r = await db
          .insertInto('school')
          .values({ name: `School ${nr}`, instellingsnummer: nr, postcode: '2440' })
          .returning('id')
          .executeTakeFirstOrThrow()
        return r.id
      }),
    )
    const kept = await coordinator(db, s1!, ' An.Claes@X.be', 30)
    const dup2 = await coordinator(db, s1!, 'an.claes@x.be', 20)
    const dup3 = await coordinator(db, s1!, 'AN.CLAES@X.BE ', 10)
    const other = await coordinator(db, s1!, 'Other@X.be', 5)
    const elsewhere = await coordinator(db, s2!, 'an.claes@x.be', 40)

    const [r1, r2, r3] = [randomUUID(), randomUUID(), randomUUID()]
    const mail = (run: string, recipient: string) => ({
      run_id: run,
      recipient,
      kind: 'coordinator' as const,
      to_address: 'an.claes@x.be',
      subject: 's',
      text_body: 't',
      html_body: 'h',
    })
    await db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx) // no runs needed
      await trx
        .insertInto('mail_outbox')
        .values([
          mail(r1, `coordinator:${dup2}`), // the only mail of r1: follows the kept row
          mail(r1, `watch:${dup3}`),
          mail(r2, `coordinator:${kept}`), // r2 mailed both: the duplicate's row stays as it was sent
          mail(r2, `coordinator:${dup3}`),
          mail(r3, `coordinator:${dup2}`), // r3 mailed two duplicates: the older one follows, the other stays
          mail(r3, `coordinator:${dup3}`),
          mail(r3, `coordinator:${elsewhere}`),
        ])
        .execute()
    })

    const up = await runMigrations(db)
    expect(up.error).toBeUndefined()

    const rows = await db
      .selectFrom('coordinator')
      .select(['id', 'school_id', 'name', 'email'])
      .orderBy('school_id')
      .orderBy('email')
      .execute()
    expect(rows.filter((r) => r.school_id === s1).map((r) => [r.id, r.name, r.email])).toEqual([
      [kept, 'TB 30', 'an.claes@x.be'],
      [other, 'TB 5', 'other@x.be'],
    ])
    expect(rows.filter((r) => r.school_id === s2).map((r) => r.id)).toEqual([elsewhere])

    const outbox = await db.selectFrom('mail_outbox').select(['run_id', 'recipient']).execute()
    const of = (run: string) =>
      outbox
        .filter((o) => o.run_id === run)
        .map((o) => o.recipient)
        .sort()
    expect(of(r1)).toEqual([`coordinator:${kept}`, `watch:${kept}`].sort())
    expect(of(r2)).toEqual([`coordinator:${kept}`, `coordinator:${dup3}`].sort())
    expect(of(r3)).toEqual([`coordinator:${kept}`, `coordinator:${dup3}`, `coordinator:${elsewhere}`].sort())

    const merged = await db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'subject', 'detail'])
      .where('action', '=', 'coordinator.merge')
      .orderBy('subject')
      .execute()
    expect(merged).toEqual(
      [dup2, dup3]
        .map((id) => ({
          actor: 'migration:2026_11_23_0015',
          action: 'coordinator.merge',
          subject: `coordinator:${id}`,
          detail: { into: kept, school: s1 },
        }))
        .sort((a, b) => a.subject.localeCompare(b.subject)),
    )

    // The index: another case of the same address at the same school is refused; at a third school it is not.
    await expect(coordinator(db, s1!, 'AN.claes@x.be', 0)).rejects.toMatchObject({ code: '23505' })
    const s3 = await db
      .insertInto('school')
      .values({ name: 'School 1003', instellingsnummer: '1003', postcode: '2440' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await expect(coordinator(db, s3.id, 'an.claes@x.be', 0)).resolves.toBeTypeOf('string')
  })
})
