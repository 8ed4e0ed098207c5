import { parse } from 'csv-parse/sync'
import { UploadError } from '../errors.js'
import { decodeText } from './decode.js'
import type { Table } from './table.js'
import { tooManyRows } from './xlsx.js'

const DELIMITERS = [';', ',', '\t'] as const

/** Picks `;`, `,` or tab by counting them, outside quotes, on the header line. `;` wins ties. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]))
  let quoted = false
  for (const ch of text) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) break
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  }
  let best: string = ';'
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d
  return best
}

/**
 * Reads CSV bytes into a table. Throws UploadError on unparseable input, and on more than `maxRows`
 * data rows: those are counted, not kept, so a file of a million rows costs no more memory than the limit.
 */
export function readCsv(bytes: Uint8Array, maxRows = Number.POSITIVE_INFINITY): Table {
  const text = decodeText(bytes)
  if (text.trim() === '') throw new UploadError('empty_file', 'Het bestand is leeg', 'The file is empty')
  if (text.includes('\u0000'))
    throw new UploadError(
      'corrupt_file',
      'Het bestand bevat NUL-tekens: het is geen tekstbestand, of UTF-16 zonder BOM; sla het op als "CSV UTF-8"',
      'The file contains NUL characters: it is not a text file, or UTF-16 without a byte order mark; save it as "CSV UTF-8"',
    )
  const delimiter = detectDelimiter(text)
  // A quick count first: csv-parse takes seconds for a million records, and more for short ones.
  const counted = countFilledRecords(text, delimiter) - 1
  if (counted > maxRows) throw tooManyRows(counted, maxRows)
  let records: string[][]
  let count = 0
  let lastFilled = 0
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
      on_record: (record: string[]) => {
        count++
        if (record.some((cell) => cell.trim() !== '')) lastFilled = count
        return count <= maxRows + 2 ? record : null
      },
    }) as string[][]
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause)
    throw new UploadError(
      'corrupt_file',
      `Het CSV-bestand kan niet gelezen worden (${detail})`,
      `The CSV file cannot be read (${detail})`,
      { cause },
    )
  }
  if (lastFilled - 1 > maxRows) throw tooManyRows(lastFilled - 1, maxRows)
  const [headers = [], ...rows] = records
  while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell.trim() === '')) rows.pop()
  return { headers: headers.map((h) => h.trim()), rows }
}

/**
 * Counts records up to the last one with content, outside quotes, without building them: a line
 * break inside a quoted field is part of the field; `\r\n`, `\n` and `\r` end a record.
 */
export function countFilledRecords(text: string, delimiter: string): number {
  const d = delimiter.charCodeAt(0)
  let count = 0
  let lastFilled = 0
  let filled = false
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) {
      quoted = !quoted
      filled = true
    } else if (!quoted && (c === 0x0a || c === 0x0d)) {
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++
      count++
      if (filled) lastFilled = count
      filled = false
    } else if (!filled && c !== d && c !== 0x20 && c !== 0x09 && c !== 0xfeff) filled = true
  }
  if (filled) lastFilled = count + 1
  return lastFilled
}
