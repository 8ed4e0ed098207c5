import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'

/**
 * Every error the API answers with. Thrown by the data layer and the routes; `errorHandler` turns
 * it into `application/problem+json` (RFC 9457) with a stable `type`.
 */
export type AppErrorCode =
  /** No key, an unknown key or a revoked key. */
  | 'UNAUTHENTICATED'
  /** The key's role may not use this endpoint. */
  | 'FORBIDDEN'
  /** No such resource, or not in the caller's scope (the two are indistinguishable on purpose). */
  | 'NOT_FOUND'
  /** The resource is not in a state that allows this (e.g. publishing a run twice). */
  | 'CONFLICT'
  /** The request does not fit its schema (query, params or body). */
  | 'INVALID_REQUEST'
  /** The body is not valid JSON or not a multipart upload as expected. */
  | 'MALFORMED_BODY'
  /** An uploaded file has invalid rows; nothing of it was stored. */
  | 'ROW_ERRORS'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  /** The database or Redis cannot be reached. */
  | 'UNAVAILABLE'
  | 'INTERNAL'

export const HTTP_STATUS: Readonly<Record<AppErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_REQUEST: 400,
  MALFORMED_BODY: 400,
  ROW_ERRORS: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
}

const SLUG: Readonly<Record<AppErrorCode, string>> = {
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not-found',
  CONFLICT: 'conflict',
  INVALID_REQUEST: 'invalid-request',
  MALFORMED_BODY: 'malformed-body',
  ROW_ERRORS: 'row-errors',
  PAYLOAD_TOO_LARGE: 'payload-too-large',
  UNSUPPORTED_MEDIA_TYPE: 'unsupported-media-type',
  RATE_LIMITED: 'rate-limited',
  UNAVAILABLE: 'unavailable',
  INTERNAL: 'internal',
}

const TITLE: Readonly<Record<AppErrorCode, string>> = {
  UNAUTHENTICATED: 'Geen geldige sleutel / No valid API key',
  FORBIDDEN: 'Niet toegestaan / Forbidden',
  NOT_FOUND: 'Niet gevonden / Not found',
  CONFLICT: 'Conflict',
  INVALID_REQUEST: 'Ongeldige aanvraag / Invalid request',
  MALFORMED_BODY: 'Onleesbare inhoud / Malformed body',
  ROW_ERRORS: 'Rijen met fouten, niets opgeslagen / Rows with errors, nothing stored',
  PAYLOAD_TOO_LARGE: 'Te groot / Payload too large',
  UNSUPPORTED_MEDIA_TYPE: 'Verkeerd formaat / Unsupported media type',
  RATE_LIMITED: 'Te veel aanvragen / Too many requests',
  UNAVAILABLE: 'Tijdelijk niet beschikbaar / Temporarily unavailable',
  INTERNAL: 'Interne fout / Internal error',
}

export const problemType = (code: AppErrorCode) => `https://stagebrug.be/problems/${SLUG[code]}`

export class AppError extends Error {
  readonly code: AppErrorCode
  /** Extra members of the problem document, e.g. the row errors of an upload. */
  readonly extra: Readonly<Record<string, unknown>>
  constructor(code: AppErrorCode, detail: string, extra: Record<string, unknown> = {}) {
    super(detail)
    this.name = 'AppError'
    this.code = code
    this.extra = extra
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} bestaat niet / does not exist`)

export interface Problem {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly detail: string
  readonly instance?: string
  readonly [extra: string]: unknown
}

export function problemOf(error: AppError, instance?: string): Problem {
  return {
    type: problemType(error.code),
    title: TITLE[error.code],
    status: HTTP_STATUS[error.code],
    detail: error.message,
    ...(instance ? { instance } : {}),
    ...error.extra,
  }
}

export function sendProblem(reply: FastifyReply, error: AppError, instance?: string) {
  const problem = problemOf(error, instance)
  return reply.code(problem.status).type('application/problem+json').send(problem)
}

// Error codes of pg and node that mean the database is not there (connection refused, shutting down,
// too many connections, connection failure).
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '53300',
])

function isUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const e = error as { code?: unknown; message?: unknown; errors?: unknown[] }
  if (typeof e.code === 'string' && (UNAVAILABLE_CODES.has(e.code) || e.code.startsWith('08'))) return true
  if (
    typeof e.message === 'string' &&
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(e.message)
  )
    return true
  return Array.isArray(e.errors) && e.errors.some(isUnavailable)
}

const BY_STATUS: Readonly<Record<number, AppErrorCode>> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  406: 'UNSUPPORTED_MEDIA_TYPE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
}

/** Maps anything thrown to an AppError: ours, schema validation, fastify's own 4xx, database trouble. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error
  if (hasZodFastifySchemaValidationErrors(error)) {
    return new AppError('INVALID_REQUEST', error.message, {
      errors: error.validation.map((v) => ({
        in: (error as { validationContext?: string }).validationContext ?? 'body',
        path: v.instancePath,
        message: v.message,
      })),
    })
  }
  if (isUnavailable(error))
    return new AppError('UNAVAILABLE', 'De databank is niet bereikbaar / The database cannot be reached')
  const e = error as Partial<FastifyError> & { code?: string }
  // Integrity constraints of PostgreSQL (unique, foreign key, check): the request clashes with stored data.
  if (typeof e.code === 'string' && /^23\d{3}$/.test(e.code))
    return new AppError('CONFLICT', 'Dit botst met bestaande gegevens / This conflicts with stored data', {
      code: e.code,
    })
  if (
    !isResponseSerializationError(error) &&
    typeof e.statusCode === 'number' &&
    e.statusCode >= 400 &&
    e.statusCode < 500
  ) {
    const code = BY_STATUS[e.statusCode] ?? 'MALFORMED_BODY'
    return new AppError(code, e.message ?? 'Bad request', e.code ? { code: e.code } : {})
  }
  return new AppError('INTERNAL', 'Er ging iets mis; het is gelogd / Something went wrong; it was logged')
}

/** Fastify's error handler: every error becomes problem+json; only 5xx are logged as errors. */
export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const app = toAppError(error)
  const status = HTTP_STATUS[app.code]
  if (status >= 500) request.log.error({ err: error }, 'request failed')
  else request.log.info({ code: app.code, status }, 'request refused')
  if (app.code === 'UNAUTHENTICATED' && !reply.hasHeader('www-authenticate'))
    reply.header('www-authenticate', 'Bearer realm="stagebrug"')
  return sendProblem(reply, app, request.url.split('?')[0])
}
