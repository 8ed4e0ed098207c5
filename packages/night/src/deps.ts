import type { Database } from '@stagebrug/db'
import type { Mailer } from '@stagebrug/mail'
import type { Kysely } from 'kysely'

/** The logging the services do: pino's Logger fits; so does anything with these three methods. */
export interface Logger {
  info(fields: object, message?: string): void
  warn(fields: object, message?: string): void
  error(fields: object, message?: string): void
}

/** What the services need from the outside world; main.ts builds it from the environment. */
export interface WorkerDeps {
  readonly db: Kysely<Database>
  readonly mailer: Mailer
  readonly logger: Logger
  readonly settings: WorkerSettings
  /** The clock, passed in so tests can fix the day of a run. */
  readonly now: () => Date
}

export interface WorkerSettings {
  /** At most this many parts per night (plus one for students without candidates). */
  readonly matchParts: number
  readonly timeZone: string
  /** Shown in mails, e.g. "Stagebrug". */
  readonly platformName: string
  /** Where `unknown` and failed mails are reported; unset: they are only logged and listed. */
  readonly adminEmail: string | null
  /** Base URL of the API for links in mails (figures), when there is one. */
  readonly publicUrl: string | null
  /** Domain of the deterministic Message-IDs. */
  readonly messageIdDomain: string
}
