// The command line as a user runs it, against an embedded PGlite database in a temporary folder of
// the suite's own (the runner itself is test/support/stagebrug-cli.ts).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type CliResult, runStagebrug } from '../../../../test/support/stagebrug-cli.js'

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
    stagebrug: (...args) => runStagebrug(databaseUrl, args, dir),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}
