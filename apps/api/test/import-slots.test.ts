// Uploads share the database pool with every read; at most IMPORT_SLOTS of them use it at once,
// the others wait their turn without a connection. An import PostgreSQL aborted to break a
// deadlock (with a night's part being stored) runs again.
import { describe, expect, it } from 'vitest'
import { retryDeadlocks, Slots } from '../src/data/import-slots.js'

describe('Slots', () => {
  it('runs at most `size` tasks at once, first come first served, and frees a slot on failure', async () => {
    const slots = new Slots(2)
    const started: number[] = []
    const finish: (() => void)[] = []
    const task = (n: number, fail = false) =>
      slots.run(async () => {
        started.push(n)
        await new Promise<void>((resolve) => finish.push(resolve))
        if (fail) throw new Error(`task ${n} failed`)
        return n
      })
    const results = [task(1, true), task(2), task(3), task(4)].map((p) =>
      p.then(
        (v) => `ok ${v}`,
        (e: Error) => e.message,
      ),
    )
    await new Promise((r) => setTimeout(r, 0))
    expect(started).toEqual([1, 2])
    expect(slots.load).toEqual({ running: 2, waiting: 2 })
    finish[0]!()
    await results[0]
    await new Promise((r) => setTimeout(r, 0))
    expect(started).toEqual([1, 2, 3])
    for (const f of finish.slice(1)) f()
    await new Promise((r) => setTimeout(r, 0))
    for (const f of finish.slice(3)) f()
    expect(await Promise.all(results)).toEqual(['task 1 failed', 'ok 2', 'ok 3', 'ok 4'])
    expect(slots.load).toEqual({ running: 0, waiting: 0 })
  })
})

describe('retryDeadlocks', () => {
  const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code })

  it('runs an import again when PostgreSQL broke a deadlock with it, up to three times', async () => {
    let calls = 0
    const result = await retryDeadlocks(async () => {
      calls++
      if (calls < 3) throw pgError('40P01')
      return 'stored'
    })
    expect([result, calls]).toEqual(['stored', 3])
    calls = 0
    await expect(
      retryDeadlocks(async () => {
        calls++
        throw pgError('40P01')
      }),
    ).rejects.toThrow('pg 40P01')
    expect(calls).toBe(3)
  })

  it('does not retry any other failure', async () => {
    let calls = 0
    await expect(
      retryDeadlocks(async () => {
        calls++
        throw pgError('23505')
      }),
    ).rejects.toThrow('pg 23505')
    expect(calls).toBe(1)
  })
})
