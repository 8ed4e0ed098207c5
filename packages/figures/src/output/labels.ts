import { UNMATCHED_LABELS_NL } from '@stagebrug/matching-core'
import type { FigureLevel } from '../compute/model.js'

/** The unmatched codes in short Dutch, for tables and CSV. */
export const REASON_LABELS_NL: Readonly<Record<string, string>> = {
  ...UNMATCHED_LABELS_NL,
  // Shorter than the core's sentence: it heads a table column.
  outranked: 'anderen stonden hoger gerangschikt',
  unknown: 'onbekend',
  // The reasons of fewer than 5 pupils together (protectRows).
  other: 'andere redenen (kleine aantallen)',
}

export const LEVEL_LABELS_NL: Readonly<Record<FigureLevel, string>> = {
  flanders: 'Vlaanderen',
  province: 'provincie',
  arrondissement: 'arrondissement',
  region: 'regio',
  country: 'land (buitenland)',
}

/** The title shown for the row of all programmes together. */
export const ALL_PROGRAMMES_NL = 'alle studierichtingen'

/** An integer ×100 as a Belgian decimal: 57 → "0,57"; null → "". */
export function hundredths(value: number | null): string {
  if (value === null) return ''
  const sign = value < 0 ? '-' : ''
  const abs = Math.abs(value)
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`
}
