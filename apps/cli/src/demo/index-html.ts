import type { MailKind } from '@stagebrug/db'
import { escapeHtml } from '@stagebrug/mail'
import {
  type DemoSummary,
  KIND_NL,
  mailsByKind,
  num,
  pct,
  reasonsByCount,
  seconds,
  UNMATCHED_NL,
} from './summary.js'

export interface IndexMail {
  readonly kind: MailKind
  readonly to: string
  readonly subject: string
  /** Paths relative to index.html; null when the mail was not written. */
  readonly eml: string | null
  readonly html: string | null
  readonly status: string
}

const CSS = `body{font:14px/1.45 system-ui,Arial,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{padding:.25rem .75rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
th{border-bottom:2px solid #bbb}td.n{text-align:right;font-variant-numeric:tabular-nums}tr.sub td:first-child{padding-left:2rem;color:#555}
.meta{color:#555}code{font-size:13px}`

/** `out/demo/index.html`: the night's summary and every mail, self-contained, in Dutch. */
export function renderIndexHtml(s: DemoSummary, mails: readonly IndexMail[]): string {
  const e = escapeHtml
  const where = s.regions.length === 0 ? 'heel Vlaanderen' : s.regions.join(' en ')
  const placed = s.matched + s.pinned
  const row = (cells: readonly string[], cls = '') =>
    `<tr${cls ? ` class="${cls}"` : ''}>${cells.map((c, i) => (i === 0 ? `<td>${c}</td>` : `<td class="n">${c}</td>`)).join('')}</tr>`
  const result = [
    row(['leerlingen', num(s.students), '']),
    row(['geplaatst', num(placed), pct(placed, s.students)]),
    row(['voorstel van de nacht', num(s.matched), pct(s.matched, s.students)], 'sub'),
    row(['vastgelegd door de school', num(s.pinned), pct(s.pinned, s.students)], 'sub'),
    row(['niet geplaatst', num(s.unmatched), pct(s.unmatched, s.students)]),
    ...reasonsByCount(s).map(([code, n]) => row([e(UNMATCHED_NL[code]), num(n), pct(n, s.students)], 'sub')),
    row([
      'kwetsbare leerlingen geplaatst',
      `${num(s.priorityPlaced)} van ${num(s.priorityStudents)}`,
      pct(s.priorityPlaced, s.priorityStudents),
    ]),
    row(['plaatsen / zitjes', `${num(s.places)} / ${num(s.seats)}`, '']),
    row(['mails verstuurd', num(s.mails.sent), e(mailsByKind(s))]),
  ].join('\n')
  const regions = s.byRegion
    .map((r) =>
      row([e(r.label), num(r.schools), num(r.students), num(r.matched + r.pinned), num(r.unmatched)]),
    )
    .join('\n')
  const mailRows = mails
    .map((m, i) => {
      const links = [
        m.eml ? `<a href="${e(m.eml)}">.eml</a>` : '',
        m.html ? `<a href="${e(m.html)}">bekijken</a>` : '',
      ].filter(Boolean)
      return (
        `<tr><td class="n">${i + 1}</td><td>${e(KIND_NL[m.kind][0])}</td><td><code>${e(m.to)}</code></td>` +
        `<td>${e(m.subject)}${m.status === 'sent' ? '' : ` <em>(${e(m.status)})</em>`}</td><td>${links.join(' · ')}</td></tr>`
      )
    })
    .join('\n')
  const times = Object.entries(s.timingsMs)
    .map(([stage, ms]) => `<tr><td>${e(stage)}</td><td class="n">${seconds(ms)}</td></tr>`)
    .join('\n')
  const example = s.example
    ? `<p>Voorbeeld: <strong>${e(s.example.student)}</strong> (${e(s.example.school)}) → ${e(s.example.place)}: ${e(s.example.reasons.join(', '))}.</p>`
    : ''
  return `<!doctype html>
<html lang="nl-BE">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stagebrug demo — nacht van ${e(s.today)}</title>
<style>${CSS}</style></head>
<body>
<h1>Stagebrug demo — nacht van ${e(s.today)}</h1>
<p class="meta">${e(where)}: ${num(s.schools)} scholen, ${num(s.students)} leerlingen, ${num(s.companies)} bedrijven · seed ${s.seed} · run <code>${e(s.runId)}</code></p>
<p>Eén nachtelijke run van Stagebrug in één proces: de leerlingen van elke school zijn gematcht op de vrije plaatsen, en elke trajectbegeleider en elk bedrijf kreeg een mail met de voorstellen en de redenen. Bedrijven zien geen namen, enkel een kandidaatcode.</p>
${example}
<h2>Resultaat</h2>
<table><thead><tr><th></th><th>aantal</th><th></th></tr></thead><tbody>
${result}
</tbody></table>
<h2>Per regio (van de school)</h2>
<table><thead><tr><th>regio</th><th>scholen</th><th>leerlingen</th><th>geplaatst</th><th>niet geplaatst</th></tr></thead><tbody>
${regions}
</tbody></table>
<h2 id="mails">Mails (${num(mails.length)})</h2>
<table><thead><tr><th>#</th><th>aan</th><th>adres</th><th>onderwerp</th><th>bestanden</th></tr></thead><tbody>
${mailRows}
</tbody></table>
<h2>Tijd</h2>
<table><tbody>
${times}
</tbody></table>
<p class="meta">Alle scholen, leerlingen, bedrijven en personen zijn verzonnen; de postcodes, gemeenten, studierichtingen en competenties zijn echt. De mails zijn niet verstuurd maar als .eml-bestand bewaard in <code>mails/</code>.</p>
</body>
</html>
`
}
