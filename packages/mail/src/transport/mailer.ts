import nodemailer from 'nodemailer'
import { MailSendError, toMailSendError } from './mail-send-error.js'

export interface OutgoingMail {
  to: string
  subject: string
  text: string
  html: string
  /** Deterministic Message-ID chosen by the caller, e.g. `<run-42.school-7@stagebrug.be>`; brackets are added if missing. */
  messageId: string
  /** Optional List-Unsubscribe target (`mailto:` or `https:` URL). */
  listUnsubscribe?: string
}

export interface SendResult {
  /** The server accepted the message for every recipient. */
  accepted: boolean
  /** The server's final reply, e.g. "250 OK: queued as …". */
  response: string
}

/** The SMTP port the worker uses. */
export interface Mailer {
  /** Sends one mail. Throws MailSendError (kind transient or permanent) when it was not accepted. */
  send(mail: OutgoingMail): Promise<SendResult>
  /** Closes the transport. */
  close(): void
}

export interface MailerOptions {
  /** Connect, greeting and per-command timeout in ms (default 10 000). */
  timeoutMs?: number
  /** Parallel SMTP connections of the pool (default 4). */
  maxConnections?: number
}

/**
 * An SMTP mailer over nodemailer, with a small pool of reused connections.
 * @example createMailer('smtp://127.0.0.1:1025', 'Stagebrug <noreply@stagebrug.be>')
 */
export function createMailer(smtpUrl: string, from: string, options: MailerOptions = {}): Mailer {
  const timeout = options.timeoutMs ?? 10_000
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    // A night sends hundreds of mails: reusing connections costs ~8 ms a mail here, a fresh
    // connection per mail ~110 ms. Failures are still reported per message.
    pool: true,
    maxConnections: options.maxConnections ?? 4,
    maxMessages: 100,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
  })
  return {
    async send(mail) {
      const info = await transport
        .sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: bracketed(mail.messageId),
          ...(mail.listUnsubscribe ? { list: { unsubscribe: mail.listUnsubscribe } } : {}),
        })
        .catch((err: unknown) => {
          throw toMailSendError(err)
        })
      const accepted = info.accepted.length > 0 && info.rejected.length === 0
      return { accepted, response: info.response }
    },
    close() {
      transport.close()
    },
  }
}

/** The Message-ID as a header value, `<local@domain>`; anything else is refused as permanent. */
export function bracketed(messageId: string): string {
  const id = messageId.trim()
  if (!/^(<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/.test(id)) {
    throw new MailSendError(`Not a Message-ID: ${JSON.stringify(messageId)}`, { kind: 'permanent' })
  }
  return id.startsWith('<') ? id : `<${id}>`
}
