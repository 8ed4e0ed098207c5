// Audit rows of reads go in batches (group commit), and every read still answers only after its own
// row is committed: concurrent reads make fewer inserts than requests, and none is left behind.
import { describe, expect, it } from 'vitest'
import { AuditBatcher, auditBatcherOf } from '../src/data/audit-batch.js'
import { openWorld } from './support/world.js'

const entry = (n: number) => ({ actor: 'test', action: 'student.read', subject: `student:${n}` })

describe('AuditBatcher', () => {
  it('writes the entries that arrive during an insert together in the next one', async () => {
    const batches: number[] = []
    let release = () => {}
    const batcher = new AuditBatcher(async (entries) => {
      batches.push(entries.length)
      if (batches.length === 1) await new Promise<void>((r) => (release = r))
    })
    const first = batcher.add(entry(0))
    const rest = [1, 2, 3, 4].map((n) => batcher.add(entry(n)))
    release()
    await Promise.all([first, ...rest])
    expect(batches).toEqual([1, 4])
    expect(batcher.inserts).toBe(2)
  })

  it('fails the requests of a failed insert only, and goes on with the next', async () => {
    let calls = 0
    let release = () => {}
    const batcher = new AuditBatcher(async () => {
      calls++
      if (calls === 1) await new Promise<void>((r) => (release = r))
      if (calls === 2) throw new Error('insert failed')
    })
    const first = batcher.add(entry(0))
    const failed = Promise.allSettled([batcher.add(entry(1)), batcher.add(entry(2))])
    release()
    await first
    expect((await failed).map((r) => (r.status === 'rejected' ? String(r.reason) : r.status))).toEqual([
      'Error: insert failed',
      'Error: insert failed',
    ])
    await expect(batcher.add(entry(3))).resolves.toBeUndefined()
  })

  it('splits a long queue into inserts of at most max rows', async () => {
    const batches: number[] = []
    const batcher = new AuditBatcher(async (entries) => {
      batches.push(entries.length)
    }, 3)
    await Promise.all(Array.from({ length: 8 }, (_, n) => batcher.add(entry(n))))
    expect(batches).toEqual([1, 3, 3, 1])
  })
})

describe('audited reads under load', () => {
  it('answers 40 concurrent reads after their rows are committed, in fewer inserts', async () => {
    const w = await openWorld()
    try {
      const id = w.ids.students.a1!
      const inserts = auditBatcherOf(w.db).inserts
      const responses = await Promise.all(
        Array.from({ length: 40 }, () => w.call('schoolA', { url: `/school/students/${id}` })),
      )
      expect(responses.map((r) => r.statusCode)).toEqual(Array(40).fill(200))
      // Read at once, without waiting or flushing: every answered read has its row.
      const rows = await w.db
        .selectFrom('audit_log')
        .select(['actor', 'action', 'subject'])
        .where('action', '=', 'student.read')
        .execute()
      expect(rows).toHaveLength(40)
      expect(new Set(rows.map((r) => `${r.actor} ${r.subject}`))).toEqual(
        new Set([`apikey:${w.keyIds.schoolA} student:${id}`]),
      )
      expect(auditBatcherOf(w.db).inserts - inserts).toBeLessThan(40)
    } finally {
      await w.close()
    }
  })
})
