import ExcelJS from 'exceljs'
import { UploadError } from '../errors.js'
import type { Table } from './table.js'

type CellValue = ExcelJS.CellValue

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** Excel stores times as dates on 1899-12-30; anything else is a calendar date. */
function dateToText(date: Date): string {
  if (Number.isNaN(date.getTime())) return ''
  if (date.getUTCFullYear() < 1900) return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`
  return date.toISOString().slice(0, 10)
}

function numberToText(n: number, numFmt: string | undefined): string {
  // A "0000000" format keeps the leading zeros the user sees (stamboeknummer typed as a number).
  if (numFmt !== undefined && /^0+$/.test(numFmt) && Number.isInteger(n)) return pad(n, numFmt.length)
  return String(n)
}

/** Converts one cell value to the text the user sees; formulas give their cached result, never the formula. */
export function cellToText(value: CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return numberToText(value, numFmt)
  if (typeof value === 'boolean') return value ? 'ja' : 'nee'
  if (value instanceof Date) return dateToText(value)
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((r) => r.text).join('')
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result
      if (result === undefined || result === null) return ''
      if (typeof result === 'object' && !(result instanceof Date) && 'error' in result)
        return String(result.error)
      return cellToText(result as CellValue, numFmt)
    }
    if ('error' in value) return String(value.error)
    if ('text' in value) return cellToText((value as { text: CellValue }).text, numFmt)
  }
  return String(value)
}

/** Reads the first worksheet of an XLSX file. Throws UploadError for corrupt or truncated files. */
export async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<Table> {
  const workbook = new ExcelJS.Workbook()
  try {
    // exceljs's typings want a Node Buffer; a view over the same memory avoids a copy.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never)
  } catch (cause) {
    throw new UploadError(
      'corrupt_file',
      'Het Excel-bestand is beschadigd of onvolledig; sla het opnieuw op als .xlsx',
      'The Excel file is corrupt or truncated; save it again as .xlsx',
      { cause },
    )
  }
  const sheet = workbook.worksheets[0]
  if (sheet === undefined || sheet.actualRowCount === 0) {
    throw new UploadError('empty_file', 'Het werkblad is leeg', 'The worksheet is empty')
  }
  if (sheet.rowCount - 1 > maxRows) throw tooManyRows(sheet.rowCount - 1, maxRows)
  const width = sheet.columnCount
  const readRow = (n: number): string[] => {
    const row = sheet.getRow(n)
    const cells: string[] = []
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c)
      cells.push(cellToText(cell.value, cell.numFmt).trim())
    }
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop()
    return cells
  }
  const rows: string[][] = []
  for (let n = 2; n <= sheet.rowCount; n++) rows.push(readRow(n))
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop()
  return { headers: readRow(1), rows }
}

const numberFormat = { nl: new Intl.NumberFormat('nl-BE'), en: new Intl.NumberFormat('en') }

/** `10 MB`, `10,1 MB` / `10.1 MB`, `800 kB`: a size as the uploader reads it, rounded up (never "10 MB > 10 MB"). */
export function fileSize(bytes: number, lang: 'nl' | 'en'): string {
  const format = (n: number) => numberFormat[lang].format(Math.ceil(n * 10) / 10)
  return bytes >= 1024 * 1024 ? `${format(bytes / 1024 / 1024)} MB` : `${format(bytes / 1024)} kB`
}

export function tooManyRows(count: number, max: number): UploadError {
  const [nl, en] = [numberFormat.nl.format, numberFormat.en.format]
  return new UploadError(
    'too_many_rows',
    `Het bestand heeft ${nl(count)} rijen; de limiet is ${nl(max)} rijen per upload. Splits het bestand`,
    `The file has ${en(count)} rows; the limit is ${en(max)} rows per upload. Split the file`,
  )
}
