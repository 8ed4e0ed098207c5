import type { MailKind } from '@stagebrug/db'
import { type MatchSummary, UNMATCHED_LABELS_NL, type UnmatchedCode } from '@stagebrug/matching-core'
import type { Example, RegionRow } from './report.js'

/** Everything the demo reports about its night; also the shape of summary.json. */
export interface DemoSummary extends MatchSummary {
  /** Labels of the regions the data was generated in; empty: all of Flanders. */
  readonly regions: readonly string[]
  readonly seed: number
  readonly today: string
  readonly runId: string
  readonly schools: number
  readonly companies: number
  readonly byRegion: readonly RegionRow[]
  readonly mails: {
    readonly sent: number
    readonly notSent: number
    readonly byKind: Readonly<Partial<Record<MailKind, number>>>
  }
  /** Wall time per stage and in total. */
  readonly timingsMs: Readonly<Record<string, number>>
  readonly example: Example | null
}

export const UNMATCHED_NL = UNMATCHED_LABELS_NL

// Counted per mail, not per person: a trajectbegeleider can get a shortlist and a watch-list mail.
export const KIND_NL: Readonly<Record<MailKind, readonly [string, string]>> = {
  coordinator: ['aan een trajectbegeleider', 'aan trajectbegeleiders'],
  company: ['aan een bedrijf', 'aan bedrijven'],
  admin: ['aan de beheerder', 'aan de beheerder'],
}

export const num = (n: number) => n.toLocaleString('nl-BE')
export const pct = (n: number, of: number) =>
  `${(of === 0 ? 0 : (100 * n) / of).toLocaleString('nl-BE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`
export const seconds = (ms: number) =>
  `${(ms / 1000).toLocaleString('nl-BE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`

/** The unmatched reasons that occurred, most frequent first. */
export function reasonsByCount(s: MatchSummary): [UnmatchedCode, number][] {
  return (Object.entries(s.unmatchedByReason) as [UnmatchedCode, number][])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
}

export function mailsByKind(s: DemoSummary): string {
  return (Object.entries(s.mails.byKind) as [MailKind, number][])
    .map(([kind, n]) => `${num(n)} ${KIND_NL[kind][n === 1 ? 0 : 1]}`)
    .join(', ')
}

/** The plain-text report printed at the end of `pnpm demo`, in Dutch. */
export function renderSummaryTable(s: DemoSummary, files: readonly (readonly [string, string])[]): string {
  const where = s.regions.length === 0 ? 'heel Vlaanderen' : s.regions.join(' + ')
  const placed = s.matched + s.pinned
  const result: (readonly [string, string, string])[] = [
    ['leerlingen', num(s.students), ''],
    ['geplaatst', num(placed), pct(placed, s.students)],
    ['  voorstel van de nacht', num(s.matched), pct(s.matched, s.students)],
    ['  vastgelegd door de school', num(s.pinned), pct(s.pinned, s.students)],
    ['niet geplaatst', num(s.unmatched), pct(s.unmatched, s.students)],
    ...reasonsByCount(s).map(([code, n]) => [`  ${UNMATCHED_NL[code]}`, num(n), pct(n, s.students)] as const),
    [
      'kwetsbare leerlingen geplaatst',
      `${num(s.priorityPlaced)}/${num(s.priorityStudents)}`,
      pct(s.priorityPlaced, s.priorityStudents),
    ],
    ['plaatsen / zitjes', `${num(s.places)}/${num(s.seats)}`, ''],
    ['mails verstuurd', num(s.mails.sent), mailsByKind(s)],
    ...(s.mails.notSent > 0 ? [['mails niet verstuurd', num(s.mails.notSent), ''] as const] : []),
  ]
  const regions = table(
    ['regio (van de school)', 'scholen', 'leerlingen', 'geplaatst', 'niet geplaatst'],
    s.byRegion.map((r) => [
      r.label,
      num(r.schools),
      num(r.students),
      num(r.matched + r.pinned),
      num(r.unmatched),
    ]),
  )
  const times = Object.entries(s.timingsMs)
    .map(([stage, ms]) => `${stage} ${seconds(ms)}`)
    .join(' · ')
  const example = s.example
    ? [
        '',
        `Voorbeeld: ${s.example.student} (${s.example.school}) → ${s.example.place}`,
        `  ${s.example.reasons.join(', ')}`,
      ]
    : []
  return [
    `Stagebrug demo — ${where}: ${num(s.schools)} scholen, ${num(s.students)} leerlingen, ${num(s.companies)} bedrijven; seed ${s.seed}, nacht van ${s.today}`,
    ...example,
    '',
    table(['resultaat', 'aantal', ''], result),
    '',
    regions,
    '',
    `tijd: ${times}`,
    '',
    table(['bestanden', ''], files),
  ].join('\n')
}

/** Left-aligned first column, right-aligned numbers; a free last column stays left-aligned. */
function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [head, ...rows]
  const widths = head.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)))
  const last = head.length - 1
  return all
    .map((r) =>
      r
        .map((cell, c) =>
          c === 0 || (c === last && head[c] === '')
            ? cell.padEnd(c === last ? 0 : widths[c]!)
            : cell.padStart(widths[c]!),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}
