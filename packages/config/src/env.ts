import { z } from 'zod'

/** A bad or missing environment variable, with every problem listed (Dutch first, then English). */
export class EnvError extends Error {
  readonly problems: readonly { readonly variable: string; readonly message: string }[]
  constructor(problems: readonly { readonly variable: string; readonly message: string }[]) {
    super(
      `Ongeldige configuratie / Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`,
    )
    this.name = 'EnvError'
    this.problems = problems
  }
}

const url = (schemes: readonly string[], example: string) =>
  z
    .string({ error: `ontbreekt; bv. ${example} / missing; e.g. ${example}` })
    .trim()
    .refine((v) => schemes.some((s) => v.startsWith(`${s}:`)), {
      message: `moet beginnen met ${schemes.map((s) => `${s}://`).join(' of ')} (bv. ${example}) / must start with ${schemes.map((s) => `${s}://`).join(' or ')}`,
    })

const count = (fallback: number, max: number) =>
  z.coerce
    .number({ error: 'moet een geheel getal zijn / must be a whole number' })
    .int('moet een geheel getal zijn / must be a whole number')
    .min(1, 'minstens 1 / at least 1')
    .max(max, `hoogstens ${max} / at most ${max}`)
    .default(fallback)

// Five fields separated by spaces (minute hour day month weekday); BullMQ's cron-parser checks the rest.
const cron = z
  .string()
  .trim()
  .regex(/^(\S+\s+){4}\S+$/, 'vijf velden, bv. "0 2 * * *" / five fields, e.g. "0 2 * * *"')
  .default('0 2 * * *')

const timeZone = z
  .string()
  .trim()
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz })
        return true
      } catch {
        return false
      }
    },
    { message: 'onbekende tijdzone, bv. Europe/Brussels / unknown time zone, e.g. Europe/Brussels' },
  )
  .default('Europe/Brussels')

const email = z.email('geen geldig e-mailadres / not a valid e-mail address')

/** What the worker reads from the environment. */
export const ZWorkerEnv = z.object({
  DATABASE_URL: url(['postgres', 'postgresql', 'pglite'], 'postgres://stagebrug@127.0.0.1:5432/stagebrug'),
  REDIS_URL: url(['redis', 'rediss'], 'redis://127.0.0.1:6379'),
  SMTP_URL: url(['smtp', 'smtps'], 'smtp://127.0.0.1:1025'),
  MAIL_FROM: z
    .string({ error: 'ontbreekt; bv. Stagebrug <noreply@stagebrug.be> / missing' })
    .trim()
    .refine((v) => email.safeParse(v.match(/<([^>]+)>\s*$/)?.[1] ?? v).success, {
      message: 'geen geldig afzenderadres, bv. Stagebrug <noreply@stagebrug.be> / not a valid sender address',
    }),
  ADMIN_EMAIL: email.optional(),
  MATCH_CRON: cron,
  TZ: timeZone,
  MATCH_CONCURRENCY: count(1, 64),
  MAIL_CONCURRENCY: count(4, 64),
  MATCH_PARTS: count(8, 1024),
  PUBLIC_URL: z.url('geen geldige URL / not a valid URL').optional(),
  QUEUE_PREFIX: z.string().trim().min(1).default('stagebrug'),
  /** How long a worker holds a job without renewing its lock before another worker takes it over. */
  JOB_LOCK_MS: z.coerce.number().int().min(1000, 'minstens 1000 / at least 1000').default(30_000),
  MAIL_ATTEMPTS: count(8, 50),
  /** First retry delay of a mail; it doubles with every attempt. */
  MAIL_BACKOFF_MS: z.coerce.number().int().min(10, 'minstens 10 / at least 10').default(30_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type WorkerEnv = Readonly<z.infer<typeof ZWorkerEnv>>

/** Parses the environment once; throws EnvError naming every missing or bad variable. */
export function loadWorkerEnv(env: Readonly<Record<string, string | undefined>>): WorkerEnv {
  // An empty variable counts as unset, as in a compose file with `FOO=`.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''),
  )
  const parsed = ZWorkerEnv.safeParse(present)
  if (!parsed.success) {
    throw new EnvError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })),
    )
  }
  return Object.freeze(parsed.data)
}
