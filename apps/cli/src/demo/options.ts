import { isAbsolute, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ACCEPTED_URL_FORMS } from '@stagebrug/db'
import { loadNamedRegions, type NamedRegion } from '@stagebrug/reference-data'

export const MAX_STUDENTS = 20_000
export const DEFAULT_REGIONS = ['reg-kempen', 'reg-limburgse-kempen'] as const

export interface DemoOptions {
  readonly students: number
  readonly seed: number
  /** Empty: all of Flanders. */
  readonly regions: readonly NamedRegion[]
  /** Absolute path of the output folder. */
  readonly out: string
  readonly dbUrl: string
}

/** A bad command line; the message says which option and why. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/**
 * Parses `pnpm demo`'s arguments. Relative paths (`--out`, `--db pglite://<dir>`) are taken from
 * `cwd`, the folder the user ran pnpm in. Throws UsageError.
 */
export function parseDemoOptions(args: readonly string[], cwd: string): DemoOptions {
  const values = parse(args)
  const students = Number(values.students)
  if (!Number.isInteger(students) || students < 1 || students > MAX_STUDENTS)
    throw new UsageError(`--students must be 1–${MAX_STUDENTS}, got ${values.students}`)
  const seed = Number(values.seed)
  if (!Number.isInteger(seed) || Math.abs(seed) > 2 ** 31 - 1)
    throw new UsageError(`--seed must be a 32-bit integer, got ${values.seed}`)
  return {
    students,
    seed,
    regions: parseRegions(values.region),
    out: resolve(cwd, values.out),
    dbUrl: parseDbUrl(values.db, cwd),
  }
}

function parse(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: {
        students: { type: 'string', default: '4000' },
        region: { type: 'string', default: DEFAULT_REGIONS.join(',') },
        seed: { type: 'string', default: '42' },
        out: { type: 'string', default: 'out/demo' },
        db: { type: 'string', default: 'pglite://memory' },
      },
    }).values
  } catch (error) {
    // node:util names the unknown or incomplete option
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

function parseRegions(value: string): NamedRegion[] {
  if (value === 'vlaanderen') return []
  const known = loadNamedRegions()
  const keys = [...new Set(value.split(',').map((k) => k.trim()))]
  return keys.map((key) => {
    const region = known.find((r) => r.key === key)
    if (!region) {
      throw new UsageError(
        `unknown --region ${key}; choose vlaanderen or one of ${known.map((r) => r.key).join(', ')} (several: comma-separated)`,
      )
    }
    return region
  })
}

function parseDbUrl(url: string, cwd: string): string {
  if (/^postgres(ql)?:\/\//.test(url) || url === 'pglite://memory') return url
  if (url.startsWith('pglite://') && url.length > 'pglite://'.length) {
    const dir = url.slice('pglite://'.length)
    return `pglite://${isAbsolute(dir) ? dir : resolve(cwd, dir)}`
  }
  throw new UsageError(`--db must be one of ${ACCEPTED_URL_FORMS.join(', ')}, got ${url}`)
}
