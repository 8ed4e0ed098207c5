import { escapeHtml, oneLine } from './format.js'

/** What every mail ends with: who sends it, why the recipient gets it and how to stop it. */
export interface FooterInfo {
  /** Shown in the subject and the footer, e.g. "Stagebrug". */
  platformName: string
  /** Why the recipient gets this mail, e.g. "U ontvangt deze mail omdat u trajectbegeleider bent van …". */
  why: string
  /** How to stop it, as a sentence, e.g. "Geen mails meer? Schrijf naar privacy@stagebrug.be." */
  unsubscribe: string
  /** Optional `mailto:` or `https:` link for the unsubscribe sentence in the HTML part. */
  unsubscribeHref?: string
}

export interface RenderedMail {
  subject: string
  text: string
  html: string
}

export const STYLE = {
  body: 'margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4;color:#1a1a1a;background:#ffffff;',
  h2: 'margin:24px 0 4px;font-size:16px;',
  meta: 'margin:0 0 8px;color:#555555;',
  table: 'border-collapse:collapse;width:100%;margin:0 0 8px;',
  th: 'text-align:left;padding:4px 8px;border-bottom:2px solid #cccccc;font-size:13px;',
  td: 'vertical-align:top;padding:4px 8px;border-bottom:1px solid #eeeeee;font-size:13px;',
  footer: 'margin:24px 0 0;padding-top:8px;border-top:1px solid #cccccc;font-size:12px;color:#555555;',
} as const

export function footerText(f: FooterInfo): string {
  return ['-- ', `${oneLine(f.platformName)}`, oneLine(f.why), oneLine(f.unsubscribe)].join('\n')
}

export function footerHtml(f: FooterInfo): string {
  const stop = escapeHtml(oneLine(f.unsubscribe))
  const href = f.unsubscribeHref && /^(mailto:|https:)/i.test(f.unsubscribeHref) ? f.unsubscribeHref : null
  return (
    `<div style="${STYLE.footer}">` +
    `<p style="margin:0 0 4px;">${escapeHtml(oneLine(f.platformName))}</p>` +
    `<p style="margin:0 0 4px;">${escapeHtml(oneLine(f.why))}</p>` +
    `<p style="margin:0;">${href ? `<a href="${escapeHtml(href)}" style="color:#555555;">${stop}</a>` : stop}</p>` +
    `</div>`
  )
}

/** Wraps body HTML into a complete, self-contained document (inline styles, no external assets). */
export function htmlDocument(title: string, body: string): string {
  return (
    '<!doctype html>\n<html lang="nl-BE">\n<head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(title)}</title></head>\n` +
    `<body style="${STYLE.body}">\n${body}\n</body>\n</html>\n`
  )
}

/** A table with a header row; cells are already escaped HTML. */
export function htmlTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = headers.map((h) => `<th style="${STYLE.th}">${escapeHtml(h)}</th>`).join('')
  const body = rows
    .map((cells) => `<tr>${cells.map((c) => `<td style="${STYLE.td}">${c}</td>`).join('')}</tr>`)
    .join('\n')
  return `<table style="${STYLE.table}">\n<tr>${head}</tr>\n${body}\n</table>`
}

export function greeting(name: string | null, fallback: string): string {
  return name && oneLine(name) ? `Beste ${oneLine(name)},` : `Beste ${fallback},`
}
