// A worker process SIGKILLed in the middle of a night that the administrator asked for over the
// API, then started again: the run completes, every proposal is there once (identical to one
// match over the whole snapshot), every student has exactly one outcome, and no mail arrives twice
// — whether the kill lands while a part is stored, while the run is closed, or while a mail is with
// the SMTP server. A part whose worker dies on it twice fails the run, visibly, instead of leaving
// it running. Gates (./support/gates.ts) hold the workers at the step to kill them in.
import { createApiKey, loadSnapshot } from '@stagebrug/db'
import { seedSynthetic } from '@stagebrug/demo'
import { type MatchInput, match } from '@stagebrug/matching-core'
import { QUEUES, redisConnection, ZPartJob } from '@stagebrug/queue'
import { Queue } from 'bullmq'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeGate, closeOnePart, closePartGate, type Gate } from './support/gates.js'
import { alive, type Child, stop } from './support/processes.js'
import { openSystem, type System } from './support/system.js'

interface Run {
  id: string
  status: string
  parts: number | null
  seed: number
  today: string | null
  error: string | null
  counts: Record<string, number>
}

describe('a worker killed mid-run, end to end', { timeout: 240_000 }, () => {
  let sys: System
  let adminKey: string
  let gate: Gate | undefined
  let onePart: Gate | undefined

  beforeAll(async () => {
    sys = await openSystem({ env: { MATCH_PARTS: '8', MAIL_CONCURRENCY: '1', JOB_LOCK_MS: '1500' } })
    // Placements a school year ahead, so the workers' real clock is before every period.
    await seedSynthetic(sys.db, { students: 200, seed: 17, region: 'reg-kempen', schoolYearStart: 2027 })
    adminKey = (await createApiKey(sys.db, { name: 'beheer', role: 'admin', actor: 'test' })).key
    await sys.startApi()
  })
  afterAll(async () => {
    await gate?.open()
    await onePart?.open()
    await sys?.close()
  })

  const admin = () => sys.as(adminKey)
  async function trigger(): Promise<string> {
    const { jobId } = await admin().expect<{ jobId: string }>(202, 'POST', '/admin/runs', {})
    const job = await sys.waitFor('the run of the trigger job', async () => {
      const j = await admin().get<{ runId: string | null }>(`/admin/runs/jobs/${jobId}`)
      return j.runId ?? undefined
    })
    return job
  }
  const finished = (runId: string) =>
    sys.waitFor(`run ${runId} to succeed`, async () => {
      const run = await admin().get<Run>(`/admin/runs/${runId}`)
      if (run.status === 'failed') throw new Error(`run failed: ${run.error}\n${sys.logs()}`)
      return run.status === 'succeeded' ? run : undefined
    })
  const ledger = (runId: string) =>
    sys.db.selectFrom('mail_outbox').selectAll().where('run_id', '=', runId).execute()
  async function kill(w: Child) {
    expect(await stop(w, 'SIGKILL')).toBe('SIGKILL')
  }

  it('completes a run whose only worker was killed while storing a part, exactly as one match', async () => {
    const first = await sys.startWorker()
    const snapshot: MatchInput = await loadSnapshot(sys.db)
    gate = await closePartGate(sys.handle.url)
    const runId = await trigger()
    await sys.waitFor('the worker to wait at the gate with a matched part', async () =>
      (await gate!.waiting()) >= 1 ? true : undefined,
    )
    await kill(first)
    const mid = await admin().get<Run>(`/admin/runs/${runId}`)
    expect(mid.status).toBe('running')
    expect(mid.parts).toBeGreaterThan(2)
    await gate.open()
    // the killed session's insert was never committed
    expect(
      await sys.db.selectFrom('match_run_part').selectAll().where('run_id', '=', runId).execute(),
    ).toEqual([])

    const second = await sys.startWorker()
    const run = await finished(runId)
    expect(run.counts).toMatchObject({ students: snapshot.students.length })

    const whole = match(snapshot, { seed: run.seed, today: run.today! })
    expect(whole.summary.matched).toBeGreaterThan(50)
    const key = (s: string, p: string, rank: number) => `${s} ${p} ${rank}`
    const stored = await sys.db.selectFrom('proposal').selectAll().where('run_id', '=', runId).execute()
    expect(stored.map((p) => key(p.student_id, p.place_id, p.rank)).sort()).toEqual(
      whole.students.flatMap((o) => o.proposals.map((p) => key(p.student, p.place, p.rank))).sort(),
    )
    const parts = await sys.db
      .selectFrom('match_run_part')
      .select('part')
      .where('run_id', '=', runId)
      .execute()
    expect(parts.map((p) => p.part).sort((a, b) => a - b)).toEqual([...Array(run.parts).keys()])
    const outcomes = await sys.db
      .selectFrom('match_outcome')
      .select(['student_id', 'status'])
      .where('run_id', '=', runId)
      .execute()
    expect(outcomes.map((o) => o.student_id).sort()).toEqual(snapshot.students.map((s) => s.id).sort())
    expect(outcomes.filter((o) => o.status === 'matched')).toHaveLength(whole.summary.matched)

    // every mail of the run reaches its recipient once
    const rows = await sys.waitFor('every mail of the run sent', async () => {
      const r = await ledger(runId)
      return r.length > 0 && r.every((m) => m.status === 'sent') ? r : undefined
    })
    const received = sys.smtp.messages.map((m) => m.messageId)
    expect(new Set(received).size).toBe(received.length)
    expect(received.sort()).toEqual(rows.map((r) => r.message_id).sort())
    for (const row of rows) {
      expect(sys.smtp.messages.filter((m) => m.messageId === row.message_id).map((m) => m.to)).toEqual([
        [row.to_address],
      ])
    }
    expect(second.output.join('')).toContain('"part stored"')
  })

  it('sends no mail twice when the worker is killed while the SMTP server holds a mail', async () => {
    const before = sys.smtp.messages.length
    // Each 250 comes 10 s after the message is stored: the kill lands where SMTP has the mail but
    // the worker never learns it (one mail at a time: MAIL_CONCURRENCY=1).
    sys.smtp.setReplyDelay(10_000)
    const runId = await trigger()
    const run = await finished(runId)
    await sys.waitFor('the first mail of the second run at the SMTP server', async () =>
      sys.smtp.messages.length > before ? true : undefined,
    )
    const sender = sys.processes.filter((p) => p.name.startsWith('worker') && alive(p)).at(-1)!
    await kill(sender)
    sys.smtp.setReplyDelay(0)
    const inFlight = sys.smtp.messages.slice(before)
    expect(inFlight).toHaveLength(1)

    await sys.startWorker()
    const rows = await sys.waitFor('every mail of the second run settled', async () => {
      const r = await ledger(run.id)
      return r.every((m) => m.status === 'sent' || m.status === 'unknown') ? r : undefined
    })
    // The mail the dead worker was sending is never sent again blindly: it is "unknown".
    const unknown = rows.filter((r) => r.status === 'unknown')
    expect(unknown.map((r) => r.message_id)).toEqual([inFlight[0]!.messageId])
    const received = sys.smtp.messages.slice(before).map((m) => m.messageId)
    expect(new Set(received).size).toBe(received.length)
    expect(received.sort()).toEqual(rows.map((r) => r.message_id).sort())
  })

  it('completes a run whose worker was killed while closing it, with one ledger row and one mail per recipient', async () => {
    gate = await closeGate(sys.handle.url, 'mail_outbox')
    const before = sys.smtp.messages.length
    const runId = await trigger()
    await sys.waitFor('the worker closing the run at the gate', async () =>
      (await gate!.waiting()) >= 1 ? true : undefined,
    )
    const mid = await admin().get<Run>(`/admin/runs/${runId}`)
    expect(mid.status).toBe('running')
    const parts = await sys.db
      .selectFrom('match_run_part')
      .select('part')
      .where('run_id', '=', runId)
      .execute()
    expect(parts).toHaveLength(mid.parts!)
    await Promise.all(sys.processes.filter((p) => p.name.startsWith('worker') && alive(p)).map(kill))
    await gate.open()

    await sys.startWorker()
    const run = await finished(runId)
    const rows = await sys.waitFor('every mail of the run sent', async () => {
      const r = await ledger(run.id)
      return r.length > 0 && r.every((m) => m.status === 'sent') ? r : undefined
    })
    const recipients = rows.map((r) => `${r.kind} ${r.to_address}`)
    expect(new Set(recipients).size).toBe(rows.length)
    const received = sys.smtp.messages.slice(before).map((m) => m.messageId)
    expect(received.sort()).toEqual(rows.map((r) => r.message_id).sort())
  })

  it('fails the run, visibly, when the worker holding a part dies a second time on it', async () => {
    // A part that kills its worker each time (say, out of memory) is retried once after a stall and
    // then failed by BullMQ without running our code: the run must not stay "running" forever.
    await Promise.all(
      sys.processes.filter((p) => p.name.startsWith('worker') && alive(p)).map((p) => stop(p)),
    )
    gate = await closePartGate(sys.handle.url)
    const first = await sys.startWorker()
    const runId = await trigger()
    await sys.waitFor('the worker at the gate with a part', async () =>
      (await gate!.waiting()) >= 1 ? true : undefined,
    )
    const queue = new Queue(QUEUES.match, {
      connection: redisConnection(sys.redisUrl, 'producer'),
      prefix: sys.prefix,
    })
    try {
      const held = (await queue.getActive()).filter((j) => j.name === 'part')
      expect(held).toHaveLength(1)
      const part = ZPartJob.parse(held[0]!.data).part
      await kill(first)
      await gate.open()
      onePart = await closeOnePart(sys.handle.url, runId, part)

      await sys.startWorker()
      await sys.waitFor(`part ${part} taken again after its stall, and held`, async () => {
        const again = (await queue.getActive()).some(
          (j) => j.name === 'part' && ZPartJob.parse(j.data).part === part,
        )
        return again && (await onePart!.waiting()) >= 1 ? true : undefined
      })
      await kill(sys.processes.at(-1)!)
      await sys.startWorker()
      const run = await sys.waitFor(
        `run ${runId} to fail`,
        async () => {
          const r = await admin().get<Run>(`/admin/runs/${runId}`)
          return r.status === 'failed' ? r : undefined
        },
        60_000,
      )
      expect(run.error).toBe(`part ${part}: job stalled more than allowable limit`)
      await onePart.open()
      expect(await ledger(runId)).toEqual([])
    } finally {
      await queue.close()
    }
  })
})
