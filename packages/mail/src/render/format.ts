import { isoToYmd } from '@stagebrug/matching-core'

/** Escapes a value for HTML text and double-quoted attributes. */
export function escapeHtml(value: string | number): string {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/** Collapses line breaks and runs of whitespace, so a value cannot break the layout of a line. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

/** `2026-11-23` → `23/11/2026`. Throws on anything that is not a calendar date. */
export function formatDate(iso: string): string {
  isoToYmd(iso)
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
}

export function formatPeriod(period: { start: string; end: string }): string {
  return `${formatDate(period.start)} – ${formatDate(period.end)}`
}

/** `count(1, 'leerling', 'leerlingen')` → `1 leerling`; every other count takes the plural. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

// One formatter for every score: `toLocaleString` builds a new one per call (3 s of a 6 s render).
const SCORE = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 1 })

/** A score of 0–100 with at most one decimal, Belgian style (`72,5`). */
export function formatScore(score: number): string {
  return SCORE.format(score)
}

/** `3` → `3de graad` (Flemish secondary education has three graden). */
export function formatGrade(grade: number): string {
  return `${grade}${grade === 1 ? 'ste' : 'de'} graad`
}
