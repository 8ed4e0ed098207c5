import { mkdirSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import nodemailer from 'nodemailer'
import { MailSendError, toMailSendError } from './mail-send-error.js'
import { bracketed, type Mailer } from './mailer.js'

/** One mail written by an EML mailer. */
export interface EmlFile {
  /** File name inside the mailer's folder, e.g. `0001-els.wouters@campus-geel.test.eml`. */
  readonly file: string
  /** With angle brackets, as in the header. */
  readonly messageId: string
  readonly to: string
  readonly subject: string
}

export interface EmlMailer extends Mailer {
  /** Every file written so far, in the order the mails came in. */
  readonly written: readonly EmlFile[]
}

/**
 * A mailer that writes each mail into `dir` as an `.eml` file (the RFC 5322 message SMTP would
 * carry, Message-ID included) instead of sending it. File names are a sequence number and the
 * recipient reduced to safe characters; a file is never written outside `dir` and never overwritten.
 * @example createEmlMailer('out/demo/mails', 'Stagebrug <noreply@stagebrug.test>')
 */
export function createEmlMailer(dir: string, from: string): EmlMailer {
  mkdirSync(dir, { recursive: true })
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
    disableFileAccess: true,
    disableUrlAccess: true,
  })
  const written: EmlFile[] = []
  let next = 1
  return {
    written,
    async send(mail) {
      const messageId = bracketed(mail.messageId)
      const info = await transport
        .sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId,
          ...(mail.listUnsubscribe ? { list: { unsubscribe: mail.listUnsubscribe } } : {}),
        })
        .catch((err: unknown) => {
          throw toMailSendError(err)
        })
      // buffer: true makes the message a Buffer; the types cannot tell
      const file = await writeNew(dir, safeName(mail.to), info.message as Buffer, () => next++)
      written.push({ file, messageId, to: mail.to, subject: mail.subject })
      return { accepted: true, response: `250 written to ${file}` }
    },
    close() {
      transport.close()
    },
  }
}

/** Writes `bytes` under the next free `<n>-<name>.eml`; returns the file name. */
async function writeNew(dir: string, name: string, bytes: Buffer, take: () => number): Promise<string> {
  for (;;) {
    const file = `${String(take()).padStart(4, '0')}-${name}.eml`
    try {
      await writeFile(join(dir, file), bytes, { flag: 'wx' })
      return file
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue
      throw new MailSendError(`Could not write ${file}: ${String(err)}`, { kind: 'transient', cause: err })
    }
  }
}

/** Lower case letters, digits and `@._+-` only, at most 80 characters: no separators, no `..` path. */
function safeName(to: string): string {
  const name = to
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9@._+-]+/g, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/^[._]+|[._]+$/g, '')
    .slice(0, 80)
  return name === '' ? 'mail' : name
}
