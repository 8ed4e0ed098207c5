import { loadSnapshot } from '@stagebrug/db'
import { seedSynthetic } from '@stagebrug/demo'
import { createMailer } from '@stagebrug/mail'
import { match } from '@stagebrug/matching-core'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb } from '../../../test/support/databases.js'
import { startTestSmtp, type TestSmtp } from '../../mail/test/support/smtp.js'
import { runNightInline, type WorkerDeps } from '../src/index.js'

describe.each(ENGINES)('a night in one process on %s', (engine) => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  let smtp: TestSmtp
  let deps: WorkerDeps
  let today: string

  beforeAll(async () => {
    handle = await openSeededDb(engine)
    today = (await seedSynthetic(handle.db, { students: 300, seed: 5, region: 'reg-kempen' })).today
    smtp = await startTestSmtp()
    deps = {
      db: handle.db,
      mailer: createMailer(smtp.url, 'noreply@stagebrug.test'),
      logger: pino({ level: 'silent' }),
      now: () => new Date(`${today}T03:00:00Z`),
      settings: {
        matchParts: 3,
        timeZone: 'Europe/Brussels',
        platformName: 'Stagebrug',
        adminEmail: null,
        publicUrl: null,
        messageIdDomain: 'stagebrug.test',
      },
    }
  })
  afterAll(async () => {
    deps?.mailer.close()
    await smtp?.close()
    await handle?.close()
  })

  it('plans, matches every part, closes the run and sends each mail once, reporting progress', async () => {
    const snapshot = await loadSnapshot(handle.db)
    const stages: string[] = []
    const night = await runNightInline(
      deps,
      { jobKey: 'inline-1', requestedBy: 'test', publish: true },
      (stage, done, total) => {
        if (done === total) stages.push(stage)
      },
    )
    expect([...new Set(stages)]).toEqual(['plan', 'part', 'finalize', 'mail'])
    const whole = match(snapshot, { seed: Number(night.run.seed), today })
    expect(night.summary).toEqual(whole.summary)
    const rows = await handle.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('run_id', '=', night.run.id)
      .execute()
    expect(rows.length).toBeGreaterThan(1)
    expect(rows.every((r) => r.status === 'sent')).toBe(true)
    expect(night.mails).toEqual({ sent: rows.length })
    expect(smtp.messages).toHaveLength(rows.length)
    const run = await handle.db
      .selectFrom('match_run')
      .selectAll()
      .where('id', '=', night.run.id)
      .executeTakeFirstOrThrow()
    expect(run).toMatchObject({ status: 'succeeded', today, trigger: 'manual' })
    expect(run.published_at).not.toBeNull()
  })

  it('matches with the seed it is given, so the same seed gives the same night', async () => {
    const night = await runNightInline(deps, {
      jobKey: 'inline-seeded',
      requestedBy: 'test',
      publish: false,
      seed: 4242,
    })
    expect(Number(night.run.seed)).toBe(4242)
  })

  it('refuses to run the same request twice', async () => {
    await expect(
      runNightInline(deps, { jobKey: 'inline-1', requestedBy: 'test', publish: true }),
    ).rejects.toThrow(/planned before/)
  })

  it('keeps company mails back when the run is not published', async () => {
    const night = await runNightInline(deps, { jobKey: 'inline-held', requestedBy: 'test', publish: false })
    const kinds = await handle.db
      .selectFrom('mail_outbox')
      .select('kind')
      .where('run_id', '=', night.run.id)
      .execute()
    expect(kinds.length).toBeGreaterThan(0)
    expect(kinds.every((k) => k.kind === 'coordinator')).toBe(true)
  })
})
