// The command line as a user runs it: `stagebrug <args>` as a real child process (src/stagebrug.ts
// under tsx) against an embedded PGlite database in a temporary folder of the suite's own.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const exec = promisify(execFile)
const cwd = new URL('../..', import.meta.url).pathname

export interface CliResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

export interface CliWorkspace {
  /** The suite's folder (INIT_CWD of every run): files it writes go here. */
  readonly dir: string
  readonly databaseUrl: string
  /** Runs `stagebrug <args>`; never throws on a non-zero exit. */
  stagebrug(...args: string[]): Promise<CliResult>
  /** Removes the folder and its database. */
  remove(): void
}

/** A fresh folder with its own embedded database; call `remove()` in afterAll. */
export function cliWorkspace(prefix: string): CliWorkspace {
  const dir = mkdtempSync(join(tmpdir(), `stagebrug-${prefix}-`))
  const databaseUrl = `pglite://${join(dir, 'db')}`
  return {
    dir,
    databaseUrl,
    async stagebrug(...args) {
      const argv = ['--conditions=@stagebrug/source', '--import', 'tsx', 'src/stagebrug.ts', ...args]
      try {
        const { stdout, stderr } = await exec(process.execPath, argv, {
          cwd,
          env: { ...process.env, DATABASE_URL: databaseUrl, INIT_CWD: dir, REDIS_URL: '' },
        })
        return { code: 0, stdout, stderr }
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string }
        return { code: e.code, stdout: e.stdout, stderr: e.stderr }
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}
