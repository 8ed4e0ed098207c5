import type { Socket } from 'node:net'
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
  CONFLICT: 'Conflict / Conflict',
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
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|is not queryable/i.test(
      e.message,
    )
  )
    return true
  return Array.isArray(e.errors) && e.errors.some(isUnavailable)
}

// Data exceptions of PostgreSQL (class 22): a value the schema let through but the database cannot
// store, e.g. a NUL character (22021) or a number out of range (22003). The request is at fault.
const DATA_EXCEPTION: Readonly<Record<string, string>> = {
  '22021': 'Tekst met een ongeldig teken (zoals NUL) / Text with an invalid character (such as NUL)',
  '22P05': 'Tekst met een ongeldig teken (zoals NUL) / Text with an invalid character (such as NUL)',
  '22001': 'Een waarde is te lang / A value is too long',
  '22003': 'Een getal is te groot / A number is out of range',
  '22007': 'Ongeldige datum of tijd / Invalid date or time',
  '22008': 'Ongeldige datum of tijd / Invalid date or time',
  '22P02': 'Ongeldige waarde / Invalid value',
}

// Fastify's and @fastify/multipart's own refusals, in Dutch first (their English message follows).
const FASTIFY_NL: Readonly<Record<string, string>> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Lege JSON-inhoud',
  FST_ERR_CTP_INVALID_JSON_BODY: 'Geen geldige JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Dit inhoudstype wordt niet aanvaard',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Content-Length klopt niet met de inhoud',
  FST_ERR_CTP_BODY_TOO_LARGE: 'De inhoud is te groot',
  FST_ERR_CTP_INVALID_TYPE: 'Ongeldig inhoudstype',
  FST_ERR_CTP_INVALID_CHARSET: 'Deze tekenset wordt niet aanvaard',
  FST_ERR_BAD_URL: 'Ongeldige URL (verkeerde %-codering)',
  FST_ERR_MAX_PARAM_LENGTH: 'Een parameter in de URL is te lang',
  FST_PROTO_VIOLATION: 'Verboden sleutel (__proto__ of constructor) in de JSON',
  FST_REQ_FILE_TOO_LARGE: 'Het bestand is te groot',
  FST_FILES_LIMIT: 'Stuur één bestand per upload',
  FST_FIELDS_LIMIT: 'Te veel velden in de upload',
  FST_PARTS_LIMIT: 'Te veel delen in de upload',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'Dit is geen multipart/form-data-upload',
}

const BY_STATUS: Readonly<Record<number, AppErrorCode>> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  406: 'UNSUPPORTED_MEDIA_TYPE',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'INVALID_REQUEST',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
}

/** A message of fastify may quote the whole URL or body; the problem shows its start. */
const shorten = (message: string) => (message.length > 300 ? `${message.slice(0, 300)}…` : message)

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
  if (typeof e.code === 'string' && DATA_EXCEPTION[e.code] !== undefined)
    return new AppError('INVALID_REQUEST', DATA_EXCEPTION[e.code]!, { code: e.code })
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
    const nl =
      (e.code && FASTIFY_NL[e.code]) ??
      (error instanceof SyntaxError ? 'Geen geldige JSON' : 'Onleesbare aanvraag')
    return new AppError(
      code,
      `${nl} / ${shorten(e.message ?? 'Bad request')}`,
      e.code ? { code: e.code } : {},
    )
  }
  // Errors of the multipart parser (busboy) carry no status: a broken upload body is the client's.
  if (
    error instanceof Error &&
    /^(Unexpected end of (form|multipart data)|Malformed part header|Multipart: |Part terminated early|Boundary not found)/i.test(
      error.message,
    )
  )
    return new AppError(
      'MALFORMED_BODY',
      `Onvolledige of kapotte multipart-upload / ${shorten(error.message)}`,
    )
  return new AppError('INTERNAL', 'Er ging iets mis; het is gelogd / Something went wrong; it was logged')
}

/** Fastify's error handler: every error becomes problem+json; only 5xx are logged as errors. */
export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const app = toAppError(error)
  const status = HTTP_STATUS[app.code]
  if (status >= 500) request.log.error({ err: error }, 'request failed')
  else request.log.info({ code: app.code, status }, 'request refused')
  // A client still sending a body over the limit is cut off: no reading (and discarding) the rest.
  if (app.code === 'PAYLOAD_TOO_LARGE') reply.header('connection', 'close')
  if (app.code === 'UNAUTHENTICATED' && !reply.hasHeader('www-authenticate'))
    reply.header('www-authenticate', 'Bearer realm="stagebrug"')
  return sendProblem(reply, app, request.url.split('?')[0])
}

const CLIENT_ERRORS: Readonly<Record<string, readonly [number, string]>> = {
  HPE_HEADER_OVERFLOW: [431, 'De headers zijn te groot / Request headers too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'De aanvraag duurde te lang / Request timeout'],
}

/**
 * Node's `clientError`: bytes that are not HTTP, or headers over the limit. Answers a problem+json
 * 400 (431, 408) on the raw socket when it can still be written, and closes it. Never throws.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy()
    return
  }
  const [status, detail] = CLIENT_ERRORS[error.code ?? ''] ?? [
    400,
    'Dit is geen geldige HTTP-aanvraag / This is not a valid HTTP request',
  ]
  const body = JSON.stringify({
    type: problemType(status === 400 ? 'MALFORMED_BODY' : 'INVALID_REQUEST'),
    title: status === 400 ? TITLE.MALFORMED_BODY : TITLE.INVALID_REQUEST,
    status,
    detail,
  })
  socket.end(
    `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}
