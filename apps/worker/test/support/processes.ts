// Workers as real child processes (`src/main.ts` under tsx), configured through the environment
// exactly as in production, with their output kept for the failure message.
import { type ChildProcess, spawn } from 'node:child_process'

const cwd = new URL('../..', import.meta.url).pathname

export interface WorkerProcess {
  readonly child: ChildProcess
  readonly output: string[]
  /** Resolves with the exit code (or the signal's name). */
  readonly exited: Promise<number | string>
}

export function spawnWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(
    process.execPath,
    ['--conditions=@stagebrug/source', '--import', 'tsx', 'src/main.ts'],
    {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const output: string[] = []
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()))
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()))
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  )
  return { child, output, exited }
}

/** Resolves once the worker logged that it started (or rejects with its output if it died). */
export async function started(w: WorkerProcess, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!w.output.join('').includes('"worker started"')) {
    if (w.child.exitCode !== null) throw new Error(`worker exited early:\n${w.output.join('')}`)
    if (Date.now() > until) throw new Error(`worker did not start:\n${w.output.join('')}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}
