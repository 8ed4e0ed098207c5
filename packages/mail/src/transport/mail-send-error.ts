/**
 * Failures of the message itself without a server reply (no valid recipient address): sending it
 * again fails the same way. Every other error without a reply code (ECONNECTION, ETIMEDOUT,
 * ESOCKET, EDNS, ECONNREFUSED, unknown ones) is transient.
 */
const PERMANENT_CODES: ReadonlySet<string> = new Set(['EENVELOPE'])

export type MailFailureKind = 'transient' | 'permanent'

/**
 * Why a mail was not sent. `transient`: retry later with backoff (SMTP 4xx, 503, connection,
 * timeout, DNS, and anything unknown). `permanent`: record it and do not retry (SMTP 5xx other
 * than 503, or an envelope the client refuses to send). `message` has e-mail addresses redacted,
 * so it can be logged; `response` keeps the server's reply as it was.
 */
export class MailSendError extends Error {
  override readonly name = 'MailSendError'
  readonly kind: MailFailureKind
  /** SMTP reply code, when the server answered. */
  readonly responseCode?: number
  /** Nodemailer or Node.js error code, e.g. ECONNECTION. */
  readonly code?: string
  /** The server's reply line, unredacted (it may name the recipient). */
  readonly response?: string

  constructor(
    message: string,
    details: {
      kind: MailFailureKind
      responseCode?: number
      code?: string
      response?: string
      cause?: unknown
    },
  ) {
    super(redactAddresses(message), { cause: details.cause })
    this.kind = details.kind
    if (details.responseCode !== undefined) this.responseCode = details.responseCode
    if (details.code !== undefined) this.code = details.code
    if (details.response !== undefined) this.response = details.response
  }

  /** Whether a job should try again (error-crossing-a-job-boundary convention). */
  get retry(): boolean {
    return this.kind === 'transient'
  }
}

/**
 * Classifies an SMTP reply code: 4xx transient; 5xx permanent, except 503 (bad sequence of
 * commands: the session was off, not the message); anything else (an unexpected 2xx/3xx) transient.
 */
export function smtpReplyKind(responseCode: number): MailFailureKind {
  return responseCode >= 500 && responseCode < 600 && responseCode !== 503 ? 'permanent' : 'transient'
}

/** Turns whatever nodemailer threw into a MailSendError. Never throws. */
export function toMailSendError(err: unknown): MailSendError {
  if (err instanceof MailSendError) return err
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    message?: unknown
    code?: unknown
    originalCode?: unknown
    responseCode?: unknown
    response?: unknown
  }
  const message = typeof e.message === 'string' ? e.message : String(err)
  const code = typeof e.code === 'string' ? e.code : undefined
  const originalCode = typeof e.originalCode === 'string' ? e.originalCode : undefined
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined
  const response = typeof e.response === 'string' ? e.response : undefined
  const kind: MailFailureKind =
    responseCode !== undefined
      ? smtpReplyKind(responseCode)
      : code !== undefined && PERMANENT_CODES.has(code)
        ? 'permanent'
        : 'transient'
  const details: ConstructorParameters<typeof MailSendError>[1] = { kind, cause: err }
  if (responseCode !== undefined) details.responseCode = responseCode
  if (code !== undefined || originalCode !== undefined) details.code = (code ?? originalCode)!
  if (response !== undefined) details.response = response
  return new MailSendError(message, details)
}

function redactAddresses(text: string): string {
  return text.replace(/[^\s<>()[\]@,;:"']+@[^\s<>()[\],;:"']+/g, '[adres]')
}
