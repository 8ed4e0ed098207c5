// `pnpm stagebrug <args>` as a user runs it: a real child process (apps/cli/src/stagebrug.ts under
// tsx) on the database a suite names. The command line's own suites and the API suites that compare
// both doors call it.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const exec = promisify(execFile)
const CLI_CWD = new URL('../../apps/cli/', import.meta.url).pathname

export interface CliResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs `stagebrug <args>` on `databaseUrl` (files relative to `initCwd`); never throws on a non-zero exit. */
export async function runStagebrug(
  databaseUrl: string,
  args: readonly string[],
  initCwd?: string,
): Promise<CliResult> {
  const argv = ['--conditions=@stagebrug/source', '--import', 'tsx', 'src/stagebrug.ts', ...args]
  try {
    const { stdout, stderr } = await exec(process.execPath, argv, {
      cwd: CLI_CWD,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        REDIS_URL: '',
        ...(initCwd === undefined ? {} : { INIT_CWD: initCwd }),
      },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}
