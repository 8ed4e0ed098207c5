import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seedSynthetic } from '@stagebrug/demo'
import { createEmlMailer } from '@stagebrug/mail'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb } from '../../../test/support/databases.js'
import { reimportDualRecognitions, reimportMentors } from '../../../test/support/mentor-files.js'
import { finalizeRun, runNightInline, type WorkerDeps } from '../src/index.js'

const quiet = { info() {}, warn() {}, error() {} }

describe.each(ENGINES)('regional figures after the close, on %s', (engine) => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  let deps: WorkerDeps
  let today: string
  let dir: string

  beforeAll(async () => {
    handle = await openSeededDb(engine)
    today = (await seedSynthetic(handle.db, { students: 200, seed: 3, region: 'reg-kempen' })).today
    dir = mkdtempSync(join(tmpdir(), 'sb-figures-'))
    deps = {
      db: handle.db,
      mailer: createEmlMailer(dir, 'noreply@stagebrug.test'),
      logger: quiet,
      now: () => new Date(`${today}T03:00:00Z`),
      settings: {
        matchParts: 2,
        timeZone: 'Europe/Brussels',
        platformName: 'Stagebrug',
        adminEmail: null,
        publicUrl: 'https://stagebrug.test/',
        messageIdDomain: 'stagebrug.test',
      },
    }
  })
  afterAll(async () => {
    deps?.mailer.close()
    await handle?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const watchMails = (runId: string) =>
    handle.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('run_id', '=', runId)
      .where('recipient', 'like', 'watch:%')
      .orderBy('recipient')
      .execute()

  it('stores the figures and mails nobody when nothing is due', async () => {
    // Every mentor's training done, through the mentor file: none left to watch.
    await reimportMentors(handle.db, { completed: true, deadline: null }, { today })
    // The demo's recognitions (written by the seed as the recognition import does): none left to expire.
    await handle.db.deleteFrom('recognition').execute()
    const night = await runNightInline(deps, { jobKey: 'quiet-night', requestedBy: 'test', publish: true })
    const header = await handle.db
      .selectFrom('run_figures')
      .selectAll()
      .where('run_id', '=', night.run.id)
      .executeTakeFirst()
    expect(header).toMatchObject({ today, watch_items: 0 })
    expect(header!.rows).toBeGreaterThan(0)
    expect(await watchMails(night.run.id)).toEqual([])
  })

  it('mails each coordinator whose school relies on a watched place once, and sends it with the night', async () => {
    const due = new Date(Date.parse(`${today}T00:00:00Z`) + 85 * 86_400_000).toISOString().slice(0, 10)
    // Every mentor's training still to do, due in 85 days, through the mentor file: the duaal
    // pupils who start before that are still proposed there, so their schools rely on those places.
    await reimportMentors(handle.db, { completed: false, deadline: due }, { today })
    // The recognitions the quiet night took away, back through the recognition file (valid for years).
    await reimportDualRecognitions(handle.db)
    const night = await runNightInline(deps, { jobKey: 'watch-night', requestedBy: 'test', publish: true })
    const relying = await handle.db
      .selectFrom('proposal as p')
      .innerJoin('student as s', 's.id', 'p.student_id')
      .innerJoin('coordinator as c', 'c.school_id', 's.school_id')
      .select('c.id')
      .distinct()
      .where('p.run_id', '=', night.run.id)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('place_mentor as pm').select('pm.mentor_id').whereRef('pm.place_id', '=', 'p.place_id'),
        ),
      )
      .execute()
    expect(relying.length).toBeGreaterThan(0)
    const mails = await watchMails(night.run.id)
    expect(mails.map((m) => m.recipient)).toEqual(relying.map((r) => `watch:${r.id}`).sort())
    expect(mails.every((m) => m.kind === 'coordinator' && m.status === 'sent')).toBe(true)
    const [first] = mails
    expect(first!.subject).toMatch(/^Stagebrug: \d+ werkplek(ken)? om op te volgen \(erkenning, mentor\) — /)
    expect(first!.text_body).toContain(
      `de mentor moet de mentoropleiding afronden tegen ${due.split('-').reverse().join('/')} (over 85 dagen)`,
    )
    expect(first!.text_body).toContain(`https://stagebrug.test/runs/${night.run.id}/figures`)
    expect(first!.html_body).toMatch(/^<div[^>]*><p>Beste [^<]*,<\/p>/)
    expect(first!.html_body).not.toMatch(/<script/i)

    // A retried close finds the figures and the mails there and adds nothing.
    const before = await handle.db
      .selectFrom('mail_outbox')
      .select('id')
      .where('run_id', '=', night.run.id)
      .execute()
    expect(
      await finalizeRun(deps, { runId: night.run.id, publish: true, summary: night.summary, timings: {} }),
    ).toBe(false)
    const after = await handle.db
      .selectFrom('mail_outbox')
      .select('id')
      .where('run_id', '=', night.run.id)
      .execute()
    expect(after).toHaveLength(before.length)
  })

  it('mails the next night only about places a school newly relies on', async () => {
    const first = await handle.db
      .selectFrom('match_run')
      .select('id')
      .where('job_key', '=', 'watch-night')
      .executeTakeFirstOrThrow()
    const next = await runNightInline(deps, { jobKey: 'watch-night-2', requestedBy: 'test', publish: true })
    const pairs = async (runId: string) =>
      new Set(
        (
          await handle.db
            .selectFrom('proposal as p')
            .innerJoin('student as s', 's.id', 'p.student_id')
            .select(['s.school_id', 'p.place_id'])
            .where('p.run_id', '=', runId)
            .execute()
        ).map((r) => `${r.school_id} ${r.place_id}`),
      )
    const before = await pairs(first.id)
    const newSchools = new Set(
      [...(await pairs(next.run.id))].filter((p) => !before.has(p)).map((p) => p.split(' ')[0]!),
    )
    const coordinators = await handle.db.selectFrom('coordinator').select(['id', 'school_id']).execute()
    const expected = coordinators.filter((c) => newSchools.has(c.school_id)).map((c) => `watch:${c.id}`)
    expect((await watchMails(next.run.id)).map((m) => m.recipient)).toEqual(expected.sort())
    const stored = await handle.db
      .selectFrom('run_figures')
      .select('watch_items')
      .where('run_id', '=', next.run.id)
      .executeTakeFirstOrThrow()
    expect(stored.watch_items).toBeGreaterThan(0)
  })
})
