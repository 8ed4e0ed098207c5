import { formatDate } from '../format.js'
import {
  BLANK_TEXT,
  type Block,
  type DocumentModel,
  FILL_IN_TEXT,
  type Inline,
  isBlank,
  type Text,
} from '../model/document.js'

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!)

function inline(part: Inline): string {
  if (typeof part === 'string') return escapeHtml(part)
  if (isBlank(part))
    return `<span class="blank" data-missing="${escapeHtml(part.missing)}">${escapeHtml(BLANK_TEXT)}</span>`
  return `<span class="fill-in">${FILL_IN_TEXT}</span>`
}
const text = (parts: Text): string => parts.map(inline).join('')

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h2>${escapeHtml(b.text)}</h2>`
    case 'paragraph':
      return `<p>${text(b.text)}</p>`
    case 'fields':
      return [
        '<table class="fields">',
        ...b.rows.map((r) => `<tr><th scope="row">${escapeHtml(r.label)}</th><td>${text(r.value)}</td></tr>`),
        '</table>',
      ].join('\n')
    case 'list':
      return ['<ul>', ...b.items.map((item) => `<li>${text(item)}</li>`), '</ul>'].join('\n')
    case 'checklist':
      return [
        '<ul class="checklist">',
        ...b.items.map(
          (item) =>
            `<li class="${item.checked ? 'checked' : 'unchecked'}"><span class="box" aria-hidden="true">${
              item.checked ? '☒' : '☐'
            }</span> ${escapeHtml(item.label)}${item.checked ? ' <span class="sr">(aangekruist)</span>' : ''}</li>`,
        ),
        '</ul>',
      ].join('\n')
    case 'table':
      if (b.rows.length === 0) return `<p class="empty">${text(b.empty)}</p>`
      return [
        '<table class="list">',
        `<thead><tr>${b.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
        '<tbody>',
        ...b.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`),
        '</tbody>',
        '</table>',
      ].join('\n')
    case 'notice':
      return `<p class="notice">${text(b.text)}</p>`
    case 'signatures':
      return [
        ...(b.intro.length > 0 ? [`<p>${text(b.intro)}</p>`] : []),
        '<div class="signatures">',
        ...b.parties.map(
          (p) =>
            `<div class="signature"><p class="party">${escapeHtml(p)}</p><p>Naam en handtekening</p><p class="line"></p></div>`,
        ),
        '</div>',
      ].join('\n')
  }
}

const STYLE = `
@page { size: A4; margin: 20mm 18mm; }
body { font-family: Helvetica, Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #111; margin: 0; }
main { max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
header { border-bottom: 1px solid #999; margin-bottom: 6mm; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; }
.subtitle, .issued { color: #444; margin: 0 0 2mm; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 2mm; }
table.fields th { text-align: left; font-weight: normal; color: #444; width: 38%; vertical-align: top; padding: 1mm 3mm 1mm 0; }
table.fields td { vertical-align: top; padding: 1mm 0; }
table.list th, table.list td { text-align: left; vertical-align: top; border-bottom: 1px solid #ccc; padding: 1mm 2mm 1mm 0; }
table.list td:first-child { white-space: nowrap; width: 24mm; }
.blank { color: #a00000; font-weight: bold; }
.notice { border: 1px solid #a00000; padding: 3mm; }
ul.checklist { list-style: none; padding-left: 0; columns: 2; }
.checklist .checked { font-weight: bold; }
.sr { position: absolute; left: -9999px; }
.signatures { display: flex; flex-wrap: wrap; gap: 6mm; margin-top: 4mm; }
.signature { flex: 1 1 40%; border: 1px solid #999; padding: 2mm 3mm; min-height: 28mm; }
.signature .party { font-weight: bold; margin: 0 0 1mm; }
.signature p { margin: 0; }
footer { border-top: 1px solid #999; margin-top: 8mm; padding-top: 2mm; color: #444; font-size: 9pt; }
`.trim()

/** A self-contained HTML page (inline CSS, A4 print styles), the same content as the PDF. */
export function renderHtml(doc: DocumentModel): string {
  return [
    '<!doctype html>',
    '<html lang="nl-BE">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(`${doc.title} — ${doc.subtitle}`)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    `<main class="document ${doc.kind}">`,
    '<header>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(doc.subtitle)}</p>`,
    `<p class="issued">Opgemaakt door Stagebrug op ${formatDate(doc.issuedOn)}</p>`,
    '</header>',
    ...doc.blocks.map(block),
    '<footer>',
    doc.missing.length === 0
      ? '<p>Alle verplichte gegevens zijn ingevuld.</p>'
      : `<p>Nog in te vullen (${doc.missing.length}): ${doc.missing.map(escapeHtml).join('; ')}.</p>`,
    '</footer>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
