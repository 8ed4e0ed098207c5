// A redis-server of the test's own on a spare port, so it can be stopped and started again without
// touching the shared Redis on 6379.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { alive, type Child, freePort, sleep, stop, tail } from './processes.js'

export interface OwnRedis {
  readonly url: string
  readonly port: number
  /** Every redis-server process started so far, the current one last. */
  readonly processes: Child[]
  /** SHUTDOWN by SIGTERM (Redis flushes the append-only file first); resolves once it exited. */
  stop(): Promise<void>
  /** Starts it again on the same port and directory; resolves once it accepts connections. */
  start(): Promise<void>
  /** Kills it and removes its directory. */
  destroy(): Promise<void>
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort()
  const dir = await mkdtemp(join(tmpdir(), 'sb-redis-'))
  const processes: Child[] = []
  const start = async () => {
    // The queue must survive the restart: without persistence a restarted Redis is empty and every
    // waiting, delayed and active job of the night is gone. docker/compose.yml runs Redis with
    // --appendonly yes for the same reason; RDB snapshots (--save) are off, the AOF is enough.
    const child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--dir', dir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const output: string[] = []
    child.stdout?.on('data', (d: Buffer) => output.push(d.toString()))
    child.stderr?.on('data', (d: Buffer) => output.push(d.toString()))
    const exited = new Promise<number | string>((resolve) =>
      child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
    )
    const c: Child = { name: `redis-server #${processes.length + 1}`, child, output, exited }
    processes.push(c)
    const until = Date.now() + 20_000
    while (!output.join('').includes('Ready to accept connections')) {
      if (!alive(c)) throw new Error(`redis-server exited:\n${tail(c)}`)
      if (Date.now() > until) {
        child.kill('SIGKILL')
        throw new Error(`redis-server did not start:\n${tail(c)}`)
      }
      await sleep(25)
    }
  }
  await start()
  const current = () => processes.at(-1)!
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    processes,
    async stop() {
      const code = await stop(current(), 'SIGTERM')
      if (code !== 0) throw new Error(`redis-server stopped with ${code}:\n${tail(current())}`)
    },
    start,
    async destroy() {
      for (const p of processes) await stop(p, 'SIGKILL')
      await rm(dir, { recursive: true, force: true })
    },
  }
}
