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

const port = (min: 0 | 1) =>
  z.coerce
    .number({ error: 'moet een poortnummer zijn / must be a port number' })
    .int('moet een geheel getal zijn / must be a whole number')
    .min(min, `tussen ${min} en 65535 / between ${min} and 65535`)
    .max(65_535, `tussen ${min} en 65535 / between ${min} and 65535`)

/** Variables the worker and the API read alike, with the same rules and defaults. */
const shared = {
  DATABASE_URL: url(['postgres', 'postgresql', 'pglite'], 'postgres://stagebrug@127.0.0.1:5432/stagebrug'),
  REDIS_URL: url(['redis', 'rediss'], 'redis://127.0.0.1:6379'),
  ADMIN_EMAIL: email.optional(),
  PUBLIC_URL: z.url('geen geldige URL / not a valid URL').optional(),
  QUEUE_PREFIX: z.string().trim().min(1).default('stagebrug'),
  MAIL_ATTEMPTS: count(8, 50),
  /** First retry delay of a mail; it doubles with every attempt. */
  MAIL_BACKOFF_MS: z.coerce.number().int().min(10, 'minstens 10 / at least 10').default(30_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
}

/** What the worker reads from the environment. */
export const ZWorkerEnv = z.object({
  ...shared,
  SMTP_URL: url(['smtp', 'smtps'], 'smtp://127.0.0.1:1025'),
  MAIL_FROM: z
    .string({ error: 'ontbreekt; bv. Stagebrug <noreply@stagebrug.be> / missing' })
    .trim()
    .refine((v) => email.safeParse(v.match(/<([^>]+)>\s*$/)?.[1] ?? v).success, {
      message: 'geen geldig afzenderadres, bv. Stagebrug <noreply@stagebrug.be> / not a valid sender address',
    }),
  MATCH_CRON: cron,
  /** auto: a night's proposals reach companies as soon as it succeeds; hold: only once an administrator publishes it. */
  MATCH_PUBLISH: z.enum(['auto', 'hold'], { error: 'auto of hold / auto or hold' }).default('auto'),
  TZ: timeZone,
  MATCH_CONCURRENCY: count(1, 64),
  MAIL_CONCURRENCY: count(4, 64),
  MATCH_PARTS: count(8, 1024),
  /** How long a worker holds a job without renewing its lock before another worker takes it over. */
  JOB_LOCK_MS: z.coerce.number().int().min(1000, 'minstens 1000 / at least 1000').default(30_000),
  /** Port of the health endpoint (GET /healthz: 200 while PostgreSQL and Redis answer, 503 otherwise); unset: none. */
  HEALTH_PORT: port(1).optional(),
  /** Address the health endpoint listens on; 0.0.0.0 when probed from outside the container. */
  HEALTH_HOST: z.string().trim().min(1).default('127.0.0.1'),
})

export type WorkerEnv = Readonly<z.infer<typeof ZWorkerEnv>>

const bytes = (fallback: number) =>
  z.coerce
    .number({ error: 'moet een aantal bytes zijn / must be a number of bytes' })
    .int('moet een geheel getal zijn / must be a whole number')
    .min(1024, 'minstens 1024 / at least 1024')
    .max(1024 ** 3, 'hoogstens 1 GiB / at most 1 GiB')
    .default(fallback)

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'true of false / true or false' })
    .transform((v) => v === 'true' || v === '1' || v === 'yes')
    .default(fallback)

/** What the API server reads from the environment. */
export const ZApiEnv = z.object({
  ...shared,
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: port(0).default(3000),
  /** Largest JSON body. */
  BODY_LIMIT_BYTES: bytes(1024 * 1024),
  /** Largest uploaded file (placement list, place registration). */
  UPLOAD_MAX_BYTES: bytes(10 * 1024 * 1024),
  UPLOAD_MAX_ROWS: count(20_000, 1_000_000),
  /** Requests per key (or per address without a key) in each window. */
  RATE_LIMIT_MAX: count(300, 1_000_000),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1000, 'minstens 1000 / at least 1000').default(60_000),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  TRUST_PROXY: flag(false),
  /** Serve the OpenAPI document and its UI at /docs. */
  API_DOCS: flag(true),
})

export type ApiEnv = Readonly<z.infer<typeof ZApiEnv>>

function parseEnv<S extends z.ZodType>(
  schema: S,
  env: Readonly<Record<string, string | undefined>>,
): Readonly<z.infer<S>> {
  // An empty variable counts as unset, as in a compose file with `FOO=`.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''),
  )
  const parsed = schema.safeParse(present)
  if (!parsed.success) {
    throw new EnvError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })),
    )
  }
  return Object.freeze(parsed.data as z.infer<S>)
}

/** Parses the environment once; throws EnvError naming every missing or bad variable. */
export function loadWorkerEnv(env: Readonly<Record<string, string | undefined>>): WorkerEnv {
  return parseEnv(ZWorkerEnv, env)
}

/** The API server's environment, parsed once; throws EnvError naming every missing or bad variable. */
export function loadApiEnv(env: Readonly<Record<string, string | undefined>>): ApiEnv {
  return parseEnv(ZApiEnv, env)
}
