import { foldName } from '@stagebrug/matching-core'
import type { Table } from '../read/table.js'
import { looksLikeNationalNumber } from './identifiers.js'

/** Share of a column's filled cells that must pass the RRN/BIS check before the column is refused. */
const THRESHOLD = 0.2

/** True for headers such as "Rijksregisternummer", "INSZ", "RRN", "BIS-nummer", "LPV1 INSZ". */
export function isNationalNumberHeader(header: string): boolean {
  const folded = foldName(header)
  const compact = folded.replace(/ /g, '')
  const words = folded.split(' ')
  return (
    compact.includes('rijksregister') ||
    compact.includes('insz') ||
    compact.includes('nationaalnummer') ||
    compact.includes('nationalnumber') ||
    compact.startsWith('bisnummer') ||
    words.includes('rrn') ||
    words.includes('bis')
  )
}

export interface NationalNumberColumn {
  readonly column: string
  readonly index: number
  readonly reason: 'header' | 'values'
}

/**
 * Finds columns holding rijksregister/BIS numbers: by header, or when more than 20% of the filled
 * cells pass the RRN/BIS checksum (domain.md §6). The caller refuses the upload.
 */
export function findNationalNumberColumns(table: Table): NationalNumberColumn[] {
  const found: NationalNumberColumn[] = []
  const width = Math.max(table.headers.length, ...table.rows.map((r) => r.length))
  for (let index = 0; index < width; index++) {
    const column = table.headers[index] ?? `kolom ${index + 1}`
    if (isNationalNumberHeader(column)) {
      found.push({ column, index, reason: 'header' })
      continue
    }
    let filled = 0
    let hits = 0
    for (const row of table.rows) {
      const value = row[index]?.trim() ?? ''
      if (value === '') continue
      filled++
      if (looksLikeNationalNumber(value)) hits++
    }
    if (filled > 0 && hits / filled > THRESHOLD) found.push({ column, index, reason: 'values' })
  }
  return found
}
