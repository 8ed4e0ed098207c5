import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { simpleParser } from 'mailparser'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createEmlMailer, MailSendError, type OutgoingMail } from '../src/index.js'

const FROM = 'Stagebrug <noreply@stagebrug.test>'

function mail(n: number, to = 'els.wouters@school.example'): OutgoingMail {
  return {
    to,
    subject: `Stagebrug: voorstellen voor ${n} leerlingen (01/09/2026)`,
    text: `Beste Els,\n\n${n} voorstellen — zelfde studierichting.\n`,
    html: `<p>Beste Els,</p><p>${n} voorstellen — <b>zelfde studierichting</b>.</p>`,
    messageId: `<run-42.coordinator-${n}@stagebrug.test>`,
  }
}

describe('createEmlMailer', () => {
  let root: string
  let dir: string

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'stagebrug-eml-'))
    dir = join(root, 'out', 'mails')
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  it('writes each mail as an .eml file that parses back with its Message-ID, subject and bodies', async () => {
    const mailer = createEmlMailer(dir, FROM)
    const first = await mailer.send(mail(12))
    await mailer.send({
      ...mail(3, 'stage@garage-peeters.test'),
      messageId: 'run-42.company-3@stagebrug.test',
    })
    mailer.close()

    expect(first).toEqual({ accepted: true, response: '250 written to 0001-els.wouters@school.example.eml' })
    expect(readdirSync(dir).sort()).toEqual([
      '0001-els.wouters@school.example.eml',
      '0002-stage@garage-peeters.test.eml',
    ])
    expect(mailer.written.map((w) => [w.file, w.messageId, w.to])).toEqual([
      [
        '0001-els.wouters@school.example.eml',
        '<run-42.coordinator-12@stagebrug.test>',
        'els.wouters@school.example',
      ],
      [
        '0002-stage@garage-peeters.test.eml',
        '<run-42.company-3@stagebrug.test>',
        'stage@garage-peeters.test',
      ],
    ])
    const raw = readFileSync(join(dir, '0001-els.wouters@school.example.eml'))
    expect(raw.toString('utf8')).toMatch(/^Message-ID: <run-42\.coordinator-12@stagebrug\.test>\r$/m)
    const parsed = await simpleParser(raw)
    expect(parsed.messageId).toBe('<run-42.coordinator-12@stagebrug.test>')
    expect(parsed.subject).toBe('Stagebrug: voorstellen voor 12 leerlingen (01/09/2026)')
    expect(parsed.from?.value).toEqual([{ address: 'noreply@stagebrug.test', name: 'Stagebrug' }])
    expect(parsed.text?.trim()).toBe('Beste Els,\n\n12 voorstellen — zelfde studierichting.')
    expect(parsed.html).toBe('<p>Beste Els,</p><p>12 voorstellen — <b>zelfde studierichting</b>.</p>')
    const second = await simpleParser(readFileSync(join(dir, '0002-stage@garage-peeters.test.eml')))
    expect(second.messageId).toBe('<run-42.company-3@stagebrug.test>')
  })

  it('keeps a hostile recipient inside the folder', async () => {
    const mailer = createEmlMailer(dir, FROM)
    const hostile = [
      '../../escape@evil.test',
      '"..\\..\\x" <a/../../b@evil.test>',
      '/etc/passwd@evil.test',
      '....@evil.test',
      '\u0000',
    ]
    for (const [i, to] of hostile.entries()) {
      await mailer.send({ ...mail(i, to), messageId: `<h${i}@stagebrug.test>` }).catch((e: unknown) => {
        // nodemailer may refuse an address outright; then nothing may be written either
        expect(e).toBeInstanceOf(MailSendError)
      })
    }
    mailer.close()
    expect(readdirSync(root)).toEqual(['out'])
    expect(readdirSync(join(root, 'out'))).toEqual(['mails'])
    const files = readdirSync(dir)
    expect(files).toHaveLength(mailer.written.length)
    expect(mailer.written.length).toBeGreaterThan(0)
    for (const f of files) expect(f).toMatch(/^\d{4}-[a-z0-9@+-][a-z0-9@._+-]*\.eml$/)
    expect(files.every((f) => !f.includes('..'))).toBe(true)
  })

  it('never overwrites a file already in the folder', async () => {
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, '0001-els.wouters@school.example.eml'), 'keep me')
    const mailer = createEmlMailer(dir, FROM)
    await mailer.send(mail(1))
    mailer.close()
    expect(readFileSync(join(dir, '0001-els.wouters@school.example.eml'), 'utf8')).toBe('keep me')
    expect(mailer.written.map((w) => w.file)).toEqual(['0002-els.wouters@school.example.eml'])
  })

  it('refuses a Message-ID that is not one, permanently, without writing', async () => {
    const mailer = createEmlMailer(dir, FROM)
    const err = await mailer.send({ ...mail(5), messageId: 'no id here' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(MailSendError)
    expect((err as MailSendError).kind).toBe('permanent')
    expect(readdirSync(dir)).toEqual([])
  })
})
