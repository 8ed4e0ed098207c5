// Redis restarted in the middle of a night: the test runs a redis-server of its own (append-only
// file on, as in docker/compose.yml), the API and two workers on it, stops Redis while both workers
// hold a part, and starts it again on the same port and directory. The jobs resume after the
// reconnect: the run completes, identical to one match, every student has one outcome, and every
// mail arrives exactly once. Meanwhile the API says it is not ready and refuses to queue a run.
// Redis going away while mails are at the SMTP server sends none twice and marks none unknown.
import { createApiKey, loadSnapshot } from '@stagebrug/db'
import { seedSynthetic } from '@stagebrug/demo'
import { type MatchInput, match } from '@stagebrug/matching-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closePartGate, type Gate } from './support/gates.js'
import { sleep } from './support/processes.js'
import { type OwnRedis, startOwnRedis } from './support/redis-server.js'
import { openSystem, type System } from './support/system.js'

interface Run {
  id: string
  status: string
  parts: number | null
  seed: number
  today: string | null
  error: string | null
}

const JOB_LOCK_MS = 2000

function isJsonObject(line: string): boolean {
  try {
    return typeof JSON.parse(line) === 'object'
  } catch {
    return false
  }
}

describe('Redis restarted mid-run, end to end', { timeout: 240_000 }, () => {
  let redis: OwnRedis
  let sys: System
  let adminKey: string
  let gate: Gate | undefined

  beforeAll(async () => {
    redis = await startOwnRedis()
    sys = await openSystem({
      redisUrl: redis.url,
      env: { MATCH_PARTS: '8', MAIL_CONCURRENCY: '2', JOB_LOCK_MS: String(JOB_LOCK_MS) },
    })
    await seedSynthetic(sys.db, { students: 200, seed: 29, region: 'reg-kempen', schoolYearStart: 2027 })
    adminKey = (await createApiKey(sys.db, { name: 'beheer', role: 'admin', actor: 'test' })).key
    await sys.startApi()
    await Promise.all([sys.startWorker(), sys.startWorker()])
  })
  afterAll(async () => {
    await gate?.open()
    await sys?.close()
    await redis?.destroy()
  })

  const admin = () => sys.as(adminKey)
  const finished = (runId: string) =>
    sys.waitFor(`run ${runId} to succeed`, async () => {
      const run = await admin().get<Run>(`/admin/runs/${runId}`)
      if (run.status === 'failed') throw new Error(`run failed: ${run.error}\n${sys.logs()}`)
      return run.status === 'succeeded' ? run : undefined
    })
  const storedParts = async (runId: string) =>
    (await sys.db.selectFrom('match_run_part').select('part').where('run_id', '=', runId).execute()).length

  it('completes a run after Redis went down and came back while both workers held a part', async () => {
    const snapshot: MatchInput = await loadSnapshot(sys.db)
    gate = await closePartGate(sys.handle.url)
    const { jobId } = await admin().expect<{ jobId: string }>(202, 'POST', '/admin/runs', {})
    const runId = await sys.waitFor('the run of the trigger job', async () => {
      const j = await admin().get<{ runId: string | null }>(`/admin/runs/jobs/${jobId}`)
      return j.runId ?? undefined
    })
    await sys.waitFor('both workers at the gate, each with a matched part', async () =>
      (await gate!.waiting()) >= 2 ? true : undefined,
    )
    expect(await admin().get<Run>(`/admin/runs/${runId}`)).toMatchObject({ status: 'running' })

    await redis.stop()
    const down = await sys.as(null).request('GET', '/readyz')
    expect([down.status, down.json()]).toEqual([
      503,
      { ok: false, checks: { postgres: 'ok', redis: expect.not.stringMatching(/^ok$/) } },
    ])
    const refused = await admin().request('POST', '/admin/runs', { json: {} })
    expect([refused.status, refused.json<{ type: string }>().type]).toEqual([
      503,
      'https://stagebrug.be/problems/unavailable',
    ])

    // The two parts are stored while Redis is away; their jobs can only be completed after it returns.
    await gate.open()
    await sys.waitFor('the two held parts stored', async () =>
      (await storedParts(runId)) >= 2 ? true : undefined,
    )
    // Down for longer than a job lock: the workers' locks are gone when Redis is back, so the two
    // part jobs come back as stalled and are taken again (storing nothing twice).
    await sleep(JOB_LOCK_MS + 500)
    await redis.start()
    await sys.waitFor('the API ready again', async () =>
      (await sys.as(null).request('GET', '/readyz')).status === 200 ? true : undefined,
    )

    const run = await finished(runId)
    const whole = match(snapshot, { seed: run.seed, today: run.today! })
    expect(whole.summary.matched).toBeGreaterThan(50)
    const key = (s: string, p: string, rank: number) => `${s} ${p} ${rank}`
    const stored = await sys.db.selectFrom('proposal').selectAll().where('run_id', '=', runId).execute()
    expect(stored.map((p) => key(p.student_id, p.place_id, p.rank)).sort()).toEqual(
      whole.students.flatMap((o) => o.proposals.map((p) => key(p.student, p.place, p.rank))).sort(),
    )
    expect(await storedParts(runId)).toBe(run.parts)
    const outcomes = await sys.db
      .selectFrom('match_outcome')
      .select('student_id')
      .where('run_id', '=', runId)
      .execute()
    expect(outcomes.map((o) => o.student_id).sort()).toEqual(snapshot.students.map((s) => s.id).sort())

    const rows = await sys.waitFor('every mail of the run sent', async () => {
      const r = await sys.db.selectFrom('mail_outbox').selectAll().where('run_id', '=', runId).execute()
      return r.length > 0 && r.every((m) => m.status === 'sent') ? r : undefined
    })
    const received = sys.smtp.messages.map((m) => m.messageId)
    expect(new Set(received).size).toBe(received.length)
    expect(received.sort()).toEqual(rows.map((r) => r.message_id).sort())

    // The outage is in the structured log of every process, and nothing else was printed: no raw
    // stack traces of BullMQ producers without an 'error' listener.
    for (const p of sys.processes) {
      const lines = p.output
        .join('')
        .split('\n')
        .filter((l) => l.trim() !== '')
      expect([p.name, lines.filter((l) => !isJsonObject(l)).slice(0, 5)]).toEqual([p.name, []])
      expect([p.name, lines.some((l) => l.includes('ECONNREFUSED'))]).toEqual([p.name, true])
    }
  })

  it('queues and runs the next night over the API on the restarted Redis', async () => {
    const { jobId } = await admin().expect<{ jobId: string }>(202, 'POST', '/admin/runs', {})
    const runId = await sys.waitFor('the run of the trigger job', async () => {
      const j = await admin().get<{ runId: string | null }>(`/admin/runs/jobs/${jobId}`)
      return j.runId ?? undefined
    })
    const run = await finished(runId)
    expect(await storedParts(runId)).toBe(run.parts)
    await sys.waitFor('every mail of the next night sent', async () => {
      const r = await sys.db.selectFrom('mail_outbox').select('status').where('run_id', '=', runId).execute()
      return r.length > 0 && r.every((m) => m.status === 'sent') ? true : undefined
    })
    // both workers are still the ones started before the restart
    expect(sys.processes.filter((p) => p.name.startsWith('worker'))).toHaveLength(2)
  })

  it('sends every mail once, and marks none unknown, when Redis goes away while mails are at the SMTP server', async () => {
    const before = sys.smtp.messages.length
    // Each 250 comes 3 s after the message is stored: Redis stops while mails are in flight.
    sys.smtp.setReplyDelay(3000)
    const { jobId } = await admin().expect<{ jobId: string }>(202, 'POST', '/admin/runs', {})
    const runId = await sys.waitFor('the run of the trigger job', async () => {
      const j = await admin().get<{ runId: string | null }>(`/admin/runs/jobs/${jobId}`)
      return j.runId ?? undefined
    })
    await finished(runId)
    await sys.waitFor('the first mails of the run at the SMTP server', async () =>
      sys.smtp.messages.slice(before).some((m) => m.messageId?.includes(runId)) ? true : undefined,
    )
    await redis.stop()
    sys.smtp.setReplyDelay(0)
    const ledger = () => sys.db.selectFrom('mail_outbox').selectAll().where('run_id', '=', runId).execute()
    // The mails in flight are finished and recorded in PostgreSQL while Redis is away.
    await sys.waitFor('no mail in flight', async () =>
      (await ledger()).every((r) => r.status !== 'sending') ? true : undefined,
    )
    const sentDuringOutage = (await ledger()).filter((r) => r.status === 'sent').length
    expect(sentDuringOutage).toBeGreaterThan(0)
    await sleep(JOB_LOCK_MS + 500)
    await redis.start()

    const rows = await sys.waitFor('every mail of the run sent', async () => {
      const r = await ledger()
      return r.every((m) => m.status === 'sent' || m.status === 'unknown' || m.status === 'failed')
        ? r
        : undefined
    })
    expect(rows.filter((r) => r.status !== 'sent').map((r) => [r.status, r.last_error])).toEqual([])
    const received = sys.smtp.messages.slice(before).map((m) => m.messageId)
    expect(new Set(received).size).toBe(received.length)
    expect(received.sort()).toEqual(rows.map((r) => r.message_id).sort())
  })
})
