import { createServer, type Socket } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createMailer, type Mailer, MailSendError, type OutgoingMail, toMailSendError } from '../src/index.js'
import { startTestSmtp, type TestSmtp } from './support/smtp.js'

const FROM = 'Stagebrug <noreply@stagebrug.be>'

function mail(n: number): OutgoingMail {
  return {
    to: 'els.wouters@school.example',
    subject: `Stagebrug: voorstellen voor ${n} leerlingen (23/11/2026)`,
    text: `Beste Els,\n\n${n} voorstellen — zelfde studierichting.\n`,
    html: `<p>Beste Els,</p><p>${n} voorstellen — <b>zelfde studierichting</b>.</p>`,
    messageId: `<run-42.coordinator-${n}@stagebrug.be>`,
  }
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

describe('createMailer against a real SMTP server', () => {
  let smtp: TestSmtp
  let mailer: Mailer

  beforeAll(async () => {
    smtp = await startTestSmtp()
    mailer = createMailer(smtp.url, FROM)
  })
  afterEach(() => {
    smtp.messages.length = 0
  })
  afterAll(async () => {
    mailer.close()
    await smtp.close()
  })

  it('delivers the mail with the given Message-ID, subject, text and html', async () => {
    const result = await mailer.send(mail(12))
    expect(result.accepted).toBe(true)
    expect(result.response).toMatch(/^250/)
    expect(smtp.messages).toHaveLength(1)
    const [received] = smtp.messages
    expect(received!.messageId).toBe('<run-42.coordinator-12@stagebrug.be>')
    expect(received!.raw).toMatch(/^Message-ID: <run-42\.coordinator-12@stagebrug\.be>\r?$/m)
    expect(received!.from).toBe('noreply@stagebrug.be')
    expect(received!.to).toEqual(['els.wouters@school.example'])
    expect(received!.subject).toBe('Stagebrug: voorstellen voor 12 leerlingen (23/11/2026)')
    expect(received!.text.trim()).toBe('Beste Els,\n\n12 voorstellen — zelfde studierichting.')
    expect(received!.html).toBe('<p>Beste Els,</p><p>12 voorstellen — <b>zelfde studierichting</b>.</p>')
  })

  it('adds the angle brackets to a Message-ID given without them', async () => {
    await mailer.send({ ...mail(3), messageId: 'run-42.company-3@stagebrug.be' })
    expect(smtp.messages[0]!.messageId).toBe('<run-42.company-3@stagebrug.be>')
  })

  it('sets List-Unsubscribe when asked', async () => {
    await mailer.send({ ...mail(4), listUnsubscribe: 'mailto:privacy@stagebrug.be?subject=stop' })
    expect(smtp.messages[0]!.raw).toMatch(/^List-Unsubscribe: <mailto:privacy@stagebrug\.be\?subject=stop>/m)
  })

  it('refuses a Message-ID that is not one, permanently, without sending', async () => {
    for (const messageId of ['no id here', '<run-42@stagebrug.be', 'a@b@c']) {
      const err = await mailer.send({ ...mail(5), messageId }).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(MailSendError)
      expect((err as MailSendError).kind).toBe('permanent')
    }
    expect(smtp.messages).toHaveLength(0)
  })

  it('classifies a 451 reply to DATA as transient, and the next attempt goes through', async () => {
    smtp.failNext(451)
    const err = await mailer.send(mail(6)).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(MailSendError)
    expect(err).toMatchObject({ kind: 'transient', responseCode: 451, retry: true })
    expect(smtp.messages).toHaveLength(0)
    await expect(mailer.send(mail(6))).resolves.toMatchObject({ accepted: true })
    expect(smtp.messages).toHaveLength(1)
  })

  it('classifies a 550 reply to DATA as permanent', async () => {
    smtp.failNext(550)
    const err = await mailer.send(mail(7)).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(MailSendError)
    expect(err).toMatchObject({ kind: 'permanent', responseCode: 550, retry: false })
  })

  it('classifies a refused recipient by its reply code and keeps addresses out of the message', async () => {
    smtp.failNext(550, 1, 'rcpt')
    const permanent = (await mailer.send(mail(8)).catch((e: unknown) => e)) as MailSendError
    expect(permanent).toMatchObject({ kind: 'permanent', responseCode: 550, code: 'EENVELOPE' })
    expect(permanent.message).not.toContain('@')

    smtp.failNext(450, 1, 'rcpt')
    const transient = (await mailer.send(mail(8)).catch((e: unknown) => e)) as MailSendError
    expect(transient).toMatchObject({ kind: 'transient', responseCode: 450 })
    expect(smtp.messages).toHaveLength(0)
  })

  it('fails the next N messages when asked to', async () => {
    smtp.failNext(421, 2)
    await expect(mailer.send(mail(9))).rejects.toMatchObject({ kind: 'transient' })
    await expect(mailer.send(mail(9))).rejects.toMatchObject({ kind: 'transient' })
    await expect(mailer.send(mail(9))).resolves.toMatchObject({ accepted: true })
    await expect(smtp.waitForMessages(1)).resolves.toHaveLength(1)
  })
})

describe('createMailer without a server', () => {
  it('classifies a refused connection as transient', async () => {
    const port = await closedPort()
    const mailer = createMailer(`smtp://127.0.0.1:${port}`, FROM, { timeoutMs: 2_000 })
    try {
      const err = await mailer.send(mail(1)).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(MailSendError)
      expect(err).toMatchObject({ kind: 'transient', responseCode: undefined })
      expect((err as MailSendError).code).toMatch(/^E(SOCKET|CONNECTION|CONNREFUSED)$/)
    } finally {
      mailer.close()
    }
  })

  it('classifies a server that never greets as transient (timeout)', async () => {
    const sockets = new Set<Socket>()
    const silent = createServer((socket) => void sockets.add(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const address = silent.address()
    if (address === null || typeof address === 'string') throw new Error('no port')
    const mailer = createMailer(`smtp://127.0.0.1:${address.port}`, FROM, { timeoutMs: 300 })
    try {
      const err = await mailer.send(mail(1)).catch((e: unknown) => e)
      expect(err).toMatchObject({ kind: 'transient', code: 'ETIMEDOUT' })
    } finally {
      mailer.close()
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => silent.close(() => resolve()))
    }
  })
})

describe('toMailSendError', () => {
  it.each([
    [{ code: 'EENVELOPE', responseCode: 421 }, 'transient'],
    [{ code: 'EMESSAGE', responseCode: 452 }, 'transient'],
    [{ code: 'EENVELOPE', responseCode: 553 }, 'permanent'],
    [{ code: 'EMESSAGE', responseCode: 554 }, 'permanent'],
    [{ code: 'EPROTOCOL', responseCode: 503 }, 'transient'],
    [{ code: 'ECONNECTION' }, 'transient'],
    [{ code: 'ETIMEDOUT' }, 'transient'],
    [{ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }, 'transient'],
    [{ code: 'ECONNREFUSED' }, 'transient'],
    [{ code: 'EDNS' }, 'transient'],
    [{ code: 'EENVELOPE' }, 'permanent'],
    [{}, 'transient'],
  ] as const)('%j → %s', (fields, kind) => {
    const err = Object.assign(new Error('boom'), fields)
    expect(toMailSendError(err).kind).toBe(kind)
  })

  it('treats a thrown non-error as transient', () => {
    expect(toMailSendError('weird').kind).toBe('transient')
    expect(toMailSendError(undefined).kind).toBe('transient')
  })
})
