import { foldName } from '@stagebrug/matching-core'
import type { Table } from '../read/table.js'
import { looksLikeNationalNumber, normaliseEstablishmentNumber, normaliseKbo } from './identifiers.js'

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

/** True when a cell of a KBO or establishment column is what the column says: a number that passes its own check. */
const isEnterpriseNumber = (value: string): boolean =>
  normaliseKbo(value) !== null || normaliseEstablishmentNumber(value) !== null

/**
 * Finds columns holding rijksregister/BIS numbers: by header, or when more than 20% of the filled
 * cells pass the RRN/BIS checksum (domain.md §6). The caller refuses the upload.
 *
 * `enterpriseColumns` are the indexes of the columns whose header says ondernemingsnummer or
 * vestigingseenheidsnummer. There, a value that passes the KBO (or establishment) check is that
 * number, not a rijksregisternummer whose leading zero Excel dropped: a bare `1001234592` passes both
 * checks, and the column's meaning decides. An 11-digit RRN in such a column is still found.
 */
export function findNationalNumberColumns(
  table: Table,
  enterpriseColumns: ReadonlySet<number> = new Set(),
): NationalNumberColumn[] {
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
      if (enterpriseColumns.has(index) && isEnterpriseNumber(value)) continue
      if (looksLikeNationalNumber(value)) hits++
    }
    if (filled > 0 && hits / filled > THRESHOLD) found.push({ column, index, reason: 'values' })
  }
  return found
}
