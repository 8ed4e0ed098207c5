// The API and the workers as real child processes, started from their sources under tsx exactly as
// `pnpm --filter … start` does, configured only through the environment. Every line they print is
// kept, so a failing test can show what each process said.
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { promisify } from 'node:util'
import { spawnWorker, started } from '../../../apps/worker/test/support/processes.js'

const API_DIR = new URL('../../../apps/api/', import.meta.url).pathname
const NODE_ARGS = ['--conditions=@stagebrug/source', '--import', 'tsx']

export interface Child {
  readonly name: string
  readonly child: ChildProcess
  readonly output: string[]
  /** Resolves with the exit code (or the signal's name). */
  readonly exited: Promise<number | string>
}

export interface ApiProcess extends Child {
  /** e.g. http://127.0.0.1:40123 */
  readonly url: string
}

/** A process is alive until it exited or was ended by a signal. */
export const alive = (c: Child): boolean => c.child.exitCode === null && c.child.signalCode === null

/** The last `lines` lines a process printed, under its name: for failure messages. */
export function tail(c: Child, lines = 40): string {
  const all = c.output.join('').split('\n')
  return `--- ${c.name} (${alive(c) ? 'running' : `exited ${c.child.exitCode ?? c.child.signalCode}`}) ---\n${all.slice(-lines).join('\n')}`
}

/** A port nobody listens on right now (the OS picks it; a race with another process is possible but harmless here). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

/** Starts the API (`apps/api/src/server.ts`) on a port the OS picks; resolves once `/readyz` answers 200. */
export async function startApi(env: Record<string, string>, timeoutMs = 60_000): Promise<ApiProcess> {
  // As docker/Dockerfile starts it: a small young generation keeps garbage-collection pauses short.
  const child = spawn(process.execPath, ['--max-semi-space-size=8', ...NODE_ARGS, 'src/server.ts'], {
    cwd: API_DIR,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const c = keep('api', child)
  try {
    return { ...c, url: await listening(c, Date.now() + timeoutMs) }
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
}

/** The API's address from its "Server listening at" line, once `/readyz` answers 200 there. */
async function listening(c: Child, until: number): Promise<string> {
  let url: string | undefined
  while (url === undefined) {
    url = /"msg":"Server listening at (http:\/\/127\.0\.0\.1:\d+)"/.exec(c.output.join(''))?.[1]
    if (!alive(c)) throw new Error(`the API exited while starting:\n${tail(c)}`)
    if (Date.now() > until) throw new Error(`the API did not start:\n${tail(c)}`)
    if (url === undefined) await sleep(50)
  }
  for (;;) {
    // Refused while it is still binding: that is what this loop waits out.
    const status = await fetch(`${url}/readyz`).then(
      (res) => res.status,
      () => 0,
    )
    if (status === 200) return url
    if (Date.now() > until) throw new Error(`the API never became ready (last status ${status}):\n${tail(c)}`)
    await sleep(100)
  }
}

/** Starts a worker (`apps/worker/src/main.ts`); resolves once it logged that it started. */
export async function startWorkerProcess(name: string, env: Record<string, string>): Promise<Child> {
  const w = spawnWorker(env)
  const c = { name, ...w }
  await started(w, 60_000).catch((error: unknown) => {
    w.child.kill('SIGKILL')
    throw error
  })
  return c
}

/** Ends a process with `signal` and resolves with how it exited. */
export async function stop(c: Child, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | string> {
  if (alive(c)) c.child.kill(signal)
  return c.exited
}

/**
 * Runs `create-admin-key` as an administrator would on a migrated database (README "Admin API")
 * and returns the key it prints once.
 */
export async function createAdminKeyByCommand(databaseUrl: string, name: string): Promise<string> {
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    [...NODE_ARGS, 'src/create-admin-key.ts', name],
    { cwd: API_DIR, env: { ...process.env, DATABASE_URL: databaseUrl } },
  )
  if (!/Beheerderssleutel ".+" \([0-9a-f-]{36}\) aangemaakt/.test(stderr))
    throw new Error(`create-admin-key said:\n${stderr}`)
  return stdout.trim()
}

function keep(name: string, child: ChildProcess): Child {
  const output: string[] = []
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()))
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()))
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  )
  return { name, child, output, exited }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
