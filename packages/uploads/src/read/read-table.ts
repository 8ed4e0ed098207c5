import { UploadError } from '../errors.js'
import { readCsv } from './csv.js'
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS, type ReadLimits, type Table } from './table.js'
import { fileSize, readXlsx, tooManyRows } from './xlsx.js'
import { guardXlsx } from './zip-guard.js'

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b
const isOle = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11

/**
 * Reads an uploaded CSV or XLSX file into header + rows of strings (see `Table`). Rejects only with
 * UploadError: too large, too many rows, legacy .xls, corrupt or truncated files.
 * @example const { headers, rows } = await readTable(bytes, 'leerlingen.csv')
 */
export async function readTable(
  bytes: Uint8Array,
  filename: string,
  limits: ReadLimits = {},
): Promise<Table> {
  const { maxBytes = DEFAULT_MAX_BYTES, maxRows = DEFAULT_MAX_ROWS } = limits
  if (bytes.byteLength > maxBytes) {
    const [size, limit] = [bytes.byteLength, maxBytes]
    throw new UploadError(
      'too_large',
      `Het bestand is ${fileSize(size, 'nl')}; de limiet is ${fileSize(limit, 'nl')} per upload. Verwijder overbodige kolommen of splits het bestand`,
      `The file is ${fileSize(size, 'en')}; the limit is ${fileSize(limit, 'en')} per upload. Remove unneeded columns or split the file`,
    )
  }
  if (bytes.byteLength === 0) throw new UploadError('empty_file', 'Het bestand is leeg', 'The file is empty')
  const extension = /\.([^.]+)$/.exec(filename.toLowerCase())?.[1] ?? ''
  if (extension === 'xls' || extension === 'ods' || isOle(bytes)) {
    throw new UploadError(
      'unsupported_format',
      'Dit bestandsformaat wordt niet ondersteund; sla het op als .xlsx of .csv',
      'This file format is not supported; save it as .xlsx or .csv',
    )
  }
  const xlsx = extension === 'xlsx' || extension === 'xlsm' || (extension !== 'csv' && isZip(bytes))
  if (xlsx) guardXlsx(bytes, { maxBytes, maxRows })
  const table = xlsx ? await readXlsx(bytes, maxRows) : readCsv(bytes, maxRows)
  if (table.rows.length > maxRows) throw tooManyRows(table.rows.length, maxRows)
  return table
}
