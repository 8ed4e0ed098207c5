import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { EmlFile } from '@stagebrug/mail'
import { type IndexMail, renderIndexHtml } from './index-html.js'
import type { MailRow } from './report.js'
import type { DemoSummary } from './summary.js'

export const MAILS_DIR = 'mails'
/** What the demo writes at the top of its folder, now and in earlier versions (students/places.json). */
const OWN_FILES = ['index.html', 'summary.json', 'students.json', 'places.json']
const OWN_MAIL = /^\d{4,}-[^/\\]+\.(eml|html)$/

/** Removes what an earlier demo wrote into `out`, and nothing else. */
export function clearOutputs(out: string): void {
  for (const file of OWN_FILES) rmSync(join(out, file), { force: true })
  const mails = join(out, MAILS_DIR)
  if (!existsSync(mails)) return
  for (const file of readdirSync(mails)) if (OWN_MAIL.test(file)) rmSync(join(mails, file), { force: true })
}

/** Writes each mail's HTML part next to its .eml (same name, `.html`); returns the mails as index.html lists them. */
export function writeMailPages(
  out: string,
  mails: readonly MailRow[],
  written: readonly EmlFile[],
): IndexMail[] {
  mkdirSync(join(out, MAILS_DIR), { recursive: true })
  const fileOf = new Map(written.map((w) => [w.messageId, w.file]))
  return mails.map((m): IndexMail => {
    const eml = m.messageId ? fileOf.get(m.messageId) : undefined
    if (!eml) return { kind: m.kind, to: m.to, subject: m.subject, eml: null, html: null, status: m.status }
    const html = eml.replace(/\.eml$/, '.html')
    writeFileSync(join(out, MAILS_DIR, html), m.html)
    return {
      kind: m.kind,
      to: m.to,
      subject: m.subject,
      eml: `${MAILS_DIR}/${eml}`,
      html: `${MAILS_DIR}/${html}`,
      status: m.status,
    }
  })
}

/** Writes index.html and summary.json. */
export function writeReport(out: string, summary: DemoSummary, mails: readonly IndexMail[]): void {
  writeFileSync(join(out, 'index.html'), renderIndexHtml(summary, mails))
  writeFileSync(join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`)
}
