// An in-process SMTP server for tests (smtp-server + mailparser): it keeps every message it
// accepts, parsed, and can be told to refuse the next ones with a given reply code.
import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server'

export interface ReceivedMail {
  /** The Message-ID header, with its angle brackets. */
  messageId: string | undefined
  /** Envelope sender (MAIL FROM). */
  from: string
  /** Envelope recipients (RCPT TO). */
  to: string[]
  subject: string
  text: string
  html: string
  /** The message as it came over the wire. */
  raw: string
}

export type FailAt = 'data' | 'rcpt'

export interface TestSmtp {
  /** e.g. smtp://127.0.0.1:40123 */
  url: string
  port: number
  /** Every accepted message, in arrival order; a message is here before the client gets its 250. */
  messages: ReceivedMail[]
  /** Answer the next `times` (default 1) DATA (or RCPT TO) commands with `code`, e.g. 451 or 550. */
  failNext(code: number, times?: number, at?: FailAt): void
  /** Resolves once at least `n` messages have arrived; rejects after `timeoutMs` (default 10 s). */
  waitForMessages(n: number, timeoutMs?: number): Promise<ReceivedMail[]>
  /** Hold every 250 after DATA this long (the message is already stored): widens the window a crash can fall in. */
  setReplyDelay(ms: number): void
  close(): Promise<void>
}

/** Starts a server on 127.0.0.1 on a free port: no TLS, no authentication required. */
export async function startTestSmtp(): Promise<TestSmtp> {
  const messages: ReceivedMail[] = []
  const failures: { code: number; at: FailAt }[] = []
  const waiters = new Set<() => void>()
  let replyDelayMs = 0

  const takeFailure = (at: FailAt): Error | null => {
    const i = failures.findIndex((f) => f.at === at)
    if (i < 0) return null
    const [f] = failures.splice(i, 1)
    const err = new Error(`Simulated failure ${f!.code}`) as Error & { responseCode: number }
    err.responseCode = f!.code
    return err
  }

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 1_000,
    // No DNS on the loopback client: a reverse lookup would cost every connection a timeout here.
    disableReverseLookup: true,
    onRcptTo(_address, _session, callback) {
      callback(takeFailure('rcpt'))
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.once('error', (err) => {
        stream.removeAllListeners('end')
        callback(err)
      })
      stream.once('end', () => {
        const failure = takeFailure('data')
        if (failure) return callback(failure)
        const raw = Buffer.concat(chunks).toString('utf8')
        simpleParser(raw).then(
          (parsed) => {
            messages.push({
              messageId: parsed.messageId,
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              raw,
            })
            for (const wake of waiters) wake()
            if (replyDelayMs > 0) setTimeout(() => callback(), replyDelayMs)
            else callback()
          },
          (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
        )
      })
    },
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.server.address() as AddressInfo

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    failNext(code, times = 1, at = 'data') {
      for (let i = 0; i < times; i++) failures.push({ code, at })
    },
    waitForMessages(n, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < n) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve(messages.slice())
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`Expected ${n} messages, got ${messages.length} after ${timeoutMs} ms`))
        }, timeoutMs)
        waiters.add(check)
        check()
      })
    },
    setReplyDelay(ms) {
      replyDelayMs = ms
    },
    close() {
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
