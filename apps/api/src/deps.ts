import type { Database } from '@stagebrug/db'
import type { Queues } from '@stagebrug/queue'
import type { FastifyBaseLogger } from 'fastify'
import type { Kysely } from 'kysely'

/** Limits and settings of the API, from the environment (server.ts) or a test. */
export interface ApiSettings {
  /** Largest JSON body, in bytes. */
  readonly bodyLimitBytes: number
  /** Largest uploaded file, in bytes, and most data rows in it. */
  readonly uploadMaxBytes: number
  readonly uploadMaxRows: number
  /** Requests per key (per address without a key) in each window. */
  readonly rateLimit: { readonly max: number; readonly windowMs: number }
  readonly trustProxy: boolean
  /** Serve the OpenAPI document and its UI at /docs. */
  readonly docs: boolean
  /** For the company mails a published run sends. */
  readonly platformName: string
  readonly adminEmail: string | null
  readonly publicUrl: string | null
}

/** What the API needs from the outside world; server.ts builds it, tests build their own. */
export interface ApiDeps {
  readonly db: Kysely<Database>
  /** Producer side only: the API enqueues runs and mails, it never processes jobs. */
  readonly queues: Queues
  readonly settings: ApiSettings
  /** A pino logger, or none (tests). */
  readonly logger?: FastifyBaseLogger
  readonly now?: () => Date
}
