import { createApiKey, createDb, runMigrations, seedReferenceData } from '@stagebrug/db'
import { seedSynthetic } from '@stagebrug/demo'
import { runNightInline } from '@stagebrug/night'
import { sql } from 'kysely'
import pg from 'pg'
import { nightDeps } from '../support/world.js'

const url = 'postgres://postgres@127.0.0.1:5432/sb_bench_api_tmp'
const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' })
await admin.connect()
const exists = (await admin.query(`select 1 from pg_database where datname='sb_bench_api_tmp'`)).rowCount
if (!exists) await admin.query('create database sb_bench_api_tmp')
await admin.end()
const h = createDb(url)
if (!exists) {
  const m = await runMigrations(h.db)
  if (m.error) throw m.error
  await seedReferenceData(h.db)
  const seeded = await seedSynthetic(h.db, { students: 10000, seed: 20261123 })
  await runNightInline(
    { ...nightDeps(h.db), now: () => new Date(`${seeded.today}T03:00:00Z`) },
    { jobKey: 'bench', requestedBy: 'b', publish: true },
  )
}
const school = await h.db
  .selectFrom('student')
  .select(['school_id', sql<number>`count(*)`.as('n')])
  .groupBy('school_id')
  .orderBy(sql`count(*)`, 'desc')
  .executeTakeFirstOrThrow()
console.log(school, (await sql`select count(*) from proposal`.execute(h.db)).rows)
const run = (
  await sql<{ id: string }>`select id from match_run order by created_at desc limit 1`.execute(h.db)
).rows[0]!.id
const q = sql`explain analyze select p.id, s.first_name from proposal p join student s on s.id=p.student_id join place pl on pl.id = p.place_id join match_run r on r.id=p.run_id
 join programme g on g.id = s.programme_id join company c on c.id = pl.company_id join postcode pc on pc.postcode = pl.establishment_postcode join school sc on sc.id = s.school_id left join contact_release cr on cr.proposal_id = p.id
 where s.school_id in (${school.school_id}) and p.run_id = ${run} order by s.last_name || ' ' || s.first_name || ' ' || s.id::text || ' ' || lpad(p.rank::text, 3, '0'), p.id::text limit 51`
for (const r of (await q.execute(h.db)).rows as any[]) console.log(r['QUERY PLAN'])
await h.destroy()
