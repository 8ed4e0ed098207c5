import { getMatchRun, loadSnapshot, type MatchRunRow, openMatchRun } from '@stagebrug/db'
import { type Seeded, seedSynthetic } from '@stagebrug/demo'
import { match } from '@stagebrug/matching-core'
import { jobIds, MATCH_JOBS, registerNightlySchedule, triggerRun } from '@stagebrug/queue'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSeededDb } from '../../../test/support/databases.js'
import { type Harness, openHarness, waitFor } from './support/harness.js'

describe('the nightly run on BullMQ, PostgreSQL and SMTP', () => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  let seeded: Seeded
  let h: Harness

  beforeAll(async () => {
    handle = await openSeededDb('postgres')
    seeded = await seedSynthetic(handle.db, { students: 600, seed: 11, region: 'reg-kempen' })
    h = await openHarness(handle.db, seeded.today)
    await h.startWorkers(2)
  })
  afterAll(async () => {
    await h?.close()
    await handle?.close()
  })

  async function runToEnd(requestedBy: string): Promise<MatchRunRow> {
    const jobId = await triggerRun(h.workers[0]!.queues.match, requestedBy)
    return waitFor(`run of job ${jobId}`, async () => {
      const run = await handle.db
        .selectFrom('match_run')
        .selectAll()
        .where('job_key', '=', `night.${jobId}`)
        .executeTakeFirst()
      if (run?.status === 'failed') throw new Error(`run failed: ${run.error}`)
      return run?.status === 'succeeded' ? run : undefined
    })
  }

  /** No mail of any run still on its way, so an SMTP failure set up next hits the next run's mails. */
  const quiet = () =>
    waitFor('the outbox to settle', async () => {
      const busy = await handle.db
        .selectFrom('mail_outbox')
        .select('id')
        .where('status', 'in', ['pending', 'sending'])
        .execute()
      return busy.length === 0 ? true : undefined
    })

  const mailsOf = (runId: string) =>
    handle.db.selectFrom('mail_outbox').selectAll().where('run_id', '=', runId).orderBy('recipient').execute()

  it('splits the night into parts that two workers share, and stores what one match would give', async () => {
    const snapshot = await loadSnapshot(handle.db)
    const run = await runToEnd('test')
    expect(run.parts).toBeGreaterThan(2)
    const parts = await handle.db
      .selectFrom('match_run_part')
      .selectAll()
      .where('run_id', '=', run.id)
      .execute()
    expect(parts).toHaveLength(run.parts!)

    const whole = match(snapshot, { seed: Number(run.seed), today: run.today! })
    const expected = whole.students
      .flatMap((o) =>
        o.proposals.map((p) => `${p.student} ${p.place} ${p.rank} ${p.kind} ${p.score.toFixed(2)}`),
      )
      .sort()
    const stored = await handle.db.selectFrom('proposal').selectAll().where('run_id', '=', run.id).execute()
    expect(
      stored
        .map((p) => `${p.student_id} ${p.place_id} ${p.rank} ${p.kind} ${Number(p.score).toFixed(2)}`)
        .sort(),
    ).toEqual(expected)
    expect(expected.length).toBeGreaterThan(seeded.students / 2)

    const outcomes = await handle.db
      .selectFrom('match_outcome')
      .selectAll()
      .where('run_id', '=', run.id)
      .execute()
    expect(outcomes).toHaveLength(seeded.students)
    expect(Object.fromEntries(outcomes.map((o) => [o.student_id, o.place_id]))).toEqual(whole.assignment)
    expect(run.counts).toMatchObject({
      students: seeded.students,
      matched: whole.summary.matched,
      unmatched: whole.summary.unmatched,
    })
    expect(stored.every((p) => p.reasons.length > 0)).toBe(true)
    // The parts' shares of the snapshot do not linger in Redis.
    expect(await h.workers[0]!.queues.match.getJob(jobIds.part(run.id, 0))).toBeUndefined()
  })

  it('mails every coordinator and every company contact exactly once, companies without names', async () => {
    const run = await handle.db
      .selectFrom('match_run')
      .selectAll()
      .where('status', '=', 'succeeded')
      .executeTakeFirstOrThrow()
    const rows = await mailsOf(run.id)
    // One shortlist per school; watch-list mails (`watch:<id>`, regional figures) come on top.
    const shortlists = rows.filter((r) => r.kind === 'coordinator' && r.recipient.startsWith('coordinator:'))
    expect(shortlists).toHaveLength(seeded.schools)
    expect(rows.filter((r) => r.kind === 'company').length).toBeGreaterThan(0)
    await waitFor('all mails sent', async () =>
      (await mailsOf(run.id)).every((r) => r.status === 'sent') ? true : undefined,
    )
    const received = h.smtp.messages.filter((m) => rows.some((r) => m.messageId?.includes(r.id)))
    expect(received).toHaveLength(rows.length)
    expect(new Set(received.map((m) => m.messageId)).size).toBe(rows.length)
    const mailOf = (rowId: string) => received.find((m) => m.messageId?.includes(rowId))!

    const students = await handle.db
      .selectFrom('student')
      .select(['school_id', 'first_name', 'last_name', 'email'])
      .execute()
    const coordinators = await handle.db.selectFrom('coordinator').select(['id', 'school_id']).execute()
    for (const row of shortlists) {
      const school = coordinators.find((c) => row.recipient === `coordinator:${c.id}`)!.school_id
      const text = mailOf(row.id).text
      for (const s of students) {
        // Every own student is listed; nobody else's.
        expect(text.includes(`${s.first_name} ${s.last_name}`)).toBe(s.school_id === school)
      }
      expect(text).toMatch(/km van huis/)
    }
    for (const row of rows.filter((r) => r.kind === 'company')) {
      const text = mailOf(row.id).text
      expect(text).toMatch(/K-[0-9A-HJKMNP-TV-Z]{12}/)
      for (const s of students) {
        expect(text).not.toContain(s.last_name)
        if (s.email) expect(text).not.toContain(s.email)
      }
    }
  })

  it('writes nothing twice when a part, the close or the mails are retried', async () => {
    const run = await handle.db
      .selectFrom('match_run')
      .selectAll()
      .where('status', '=', 'succeeded')
      .executeTakeFirstOrThrow()
    const before = {
      proposals: (await handle.db.selectFrom('proposal').select('id').where('run_id', '=', run.id).execute())
        .length,
      mails: h.smtp.messages.length,
    }
    const { runPart } = await import('@stagebrug/night')
    const { finalizeRun } = await import('@stagebrug/night')
    const snapshot = await loadSnapshot(handle.db)
    const again = await runPart(h.deps('retry'), {
      runId: run.id,
      part: 0,
      unconnected: false,
      input: snapshot,
      options: { seed: Number(run.seed), today: run.today! },
    })
    expect(again.written).toBe(false)
    const whole = match(snapshot, { seed: 1, today: run.today! })
    expect(
      await finalizeRun(h.deps('retry'), {
        runId: run.id,
        publish: true,
        summary: whole.summary,
        timings: {},
      }),
    ).toBe(false)
    const { enqueueMails } = await import('@stagebrug/queue')
    await enqueueMails(
      h.workers[0]!.queues.mail,
      (await mailsOf(run.id)).map((r) => r.id),
    )
    await new Promise((r) => setTimeout(r, 1500))
    expect(
      (await handle.db.selectFrom('proposal').select('id').where('run_id', '=', run.id).execute()).length,
    ).toBe(before.proposals)
    expect(h.smtp.messages.length).toBe(before.mails)
  })

  it('never resends a mail whose sending was interrupted, and reports it to the administrator once', async () => {
    const run = await handle.db
      .selectFrom('match_run')
      .selectAll()
      .where('status', '=', 'succeeded')
      .executeTakeFirstOrThrow()
    const [victim] = await mailsOf(run.id)
    // As if a worker claimed the row and died before it could record the outcome.
    await handle.db
      .updateTable('mail_outbox')
      .set({ status: 'sending' })
      .where('id', '=', victim!.id)
      .execute()
    const { sendMail } = await import('@stagebrug/night')
    expect((await sendMail(h.deps('x'), victim!.id, { last: false })).outcome).toBe('unknown')
    expect((await sendMail(h.deps('x'), victim!.id, { last: false })).outcome).toBe('already-done')

    const next = await runToEnd('test-2')
    const adminRows = (await mailsOf(next.id)).filter((r) => r.kind === 'admin')
    expect(adminRows).toHaveLength(1)
    expect(adminRows[0]!.text_body).toContain(victim!.id)
    const third = await runToEnd('test-3')
    expect((await mailsOf(third.id)).filter((r) => r.kind === 'admin')).toHaveLength(0)
  })

  it('retries a transient SMTP failure with backoff and records a permanent one without blocking others', async () => {
    await quiet()
    h.smtp.failNext(451, 2)
    const run = await runToEnd('smtp-trouble')
    await waitFor('mails settled', async () =>
      (await mailsOf(run.id)).every((r) => r.status === 'sent' || r.status === 'failed') ? true : undefined,
    )
    const rows = await mailsOf(run.id)
    expect(rows.every((r) => r.status === 'sent')).toBe(true)
    expect(rows.some((r) => r.attempts > 1)).toBe(true)

    await quiet()
    h.smtp.failNext(550, 1)
    const run2 = await runToEnd('smtp-refusal')
    const settled = await waitFor('mails settled', async () => {
      const r = await mailsOf(run2.id)
      return r.every((m) => m.status === 'sent' || m.status === 'failed') ? r : undefined
    })
    expect(settled.filter((r) => r.status === 'failed')).toHaveLength(1)
    expect(settled.find((r) => r.status === 'failed')!.last_error).toMatch(/550|Geweigerd/)
    expect(settled.filter((r) => r.status === 'sent')).toHaveLength(settled.length - 1)
  })

  it('takes accepted seats out of the next night and never proposes a declined pair again', async () => {
    const last = await handle.db
      .selectFrom('match_run')
      .selectAll()
      .where('status', '=', 'succeeded')
      .orderBy('finished_at', 'desc')
      .executeTakeFirstOrThrow()
    const proposals = await handle.db
      .selectFrom('proposal')
      .selectAll()
      .where('run_id', '=', last.id)
      .where('kind', '=', 'allocated')
      .orderBy('id')
      .limit(2)
      .execute()
    const [accepted, declined] = proposals
    await handle.db
      .updateTable('proposal')
      .set({ status: 'accepted' })
      .where('id', '=', accepted!.id)
      .execute()
    await handle.db
      .updateTable('proposal')
      .set({ status: 'declined' })
      .where('id', '=', declined!.id)
      .execute()
    const next = await runToEnd('after-decisions')
    const fresh = await handle.db.selectFrom('proposal').selectAll().where('run_id', '=', next.id).execute()
    expect(fresh.some((p) => p.student_id === accepted!.student_id)).toBe(false)
    expect(
      fresh.some((p) => p.student_id === declined!.student_id && p.place_id === declined!.place_id),
    ).toBe(false)
    const outcomes = await handle.db
      .selectFrom('match_outcome')
      .select('student_id')
      .where('run_id', '=', next.id)
      .execute()
    expect(outcomes).toHaveLength(seeded.students - 1)
  })

  it('registers one nightly schedule however many workers start', async () => {
    for (const w of h.workers) await registerNightlySchedule(w.queues.match, '0 2 * * *', 'Europe/Brussels')
    const schedulers = await h.workers[0]!.queues.match.getJobSchedulers()
    expect(schedulers).toHaveLength(1)
    expect(schedulers[0]).toMatchObject({ pattern: '0 2 * * *', tz: 'Europe/Brussels' })
    expect(await getMatchRun(handle.db, '00000000-0000-0000-0000-000000000000')).toBeUndefined()
  })

  it("starts a run from the scheduler's own job", async () => {
    const queue = h.workers[0]!.queues.match
    // Every second instead of 02:00, through the same template the worker registers.
    await registerNightlySchedule(queue, '* * * * * *', 'Europe/Brussels')
    const first = await waitFor('a scheduled run', () =>
      handle.db.selectFrom('match_run').selectAll().where('trigger', '=', 'scheduled').executeTakeFirst(),
    )
    await queue.removeJobScheduler(jobIds.nightlyScheduler)
    expect(first.params).toMatchObject({ requestedBy: 'scheduler', publish: true })
    const done = await waitFor('the scheduled run to finish', async () => {
      const run = await getMatchRun(handle.db, first.id)
      return run?.status === 'succeeded' ? run : undefined
    })
    expect(done.counts).toMatchObject({ students: expect.any(Number) })
  })

  it('marks the run failed, with the error, when one of its jobs fails for the last time', async () => {
    const run = await openMatchRun(handle.db, {
      jobKey: 'broken-run',
      seed: 1,
      today: seeded.today,
      trigger: 'manual',
    })
    // A part whose share is not a snapshot at all: it fails on every attempt.
    await h.workers[0]!.queues.match.add(
      MATCH_JOBS.part,
      {
        runId: run.id,
        part: 0,
        unconnected: false,
        options: { seed: 1, today: seeded.today },
        input: { students: 7 },
      },
      { attempts: 2, backoff: { type: 'fixed', delay: 50 } },
    )
    const failed = await waitFor('the run to fail', async () => {
      const r = await getMatchRun(handle.db, run.id)
      return r?.status === 'failed' ? r : undefined
    })
    expect(failed.error).toMatch(/TypeError|not iterable|students/)
    expect(failed.finished_at).not.toBeNull()
  })
})
