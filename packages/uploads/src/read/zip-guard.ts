import { inflateRawSync } from 'node:zlib'
import { UploadError } from '../errors.js'
import { fileSize, tooManyRows } from './xlsx.js'

/** An XLSX may unpack to at most this many times its upload limit (a real workbook unpacks 5–10×). */
export const UNPACK_FACTOR = 20

interface Entry {
  readonly name: string
  readonly method: number
  readonly compressed: number
  readonly size: number
  readonly localOffset: number
}

const corrupt = (nl: string, en: string) =>
  new UploadError(
    'corrupt_file',
    `Het Excel-bestand is beschadigd of onvolledig (${nl}); sla het opnieuw op als .xlsx`,
    `The Excel file is corrupt or truncated (${en}); save it again as .xlsx`,
  )

/** The zip's central directory, or an UploadError for anything that is not a well-formed zip. */
function entries(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let end = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i
      break
    }
  if (end < 0) throw corrupt('geen zip-inhoudstafel', 'no zip directory')
  const count = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  const out: Entry[] = []
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      throw corrupt('zip-inhoudstafel onvolledig', 'zip directory incomplete')
    const nameLength = view.getUint16(at + 28, true)
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
    out.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    })
    at += 46 + skip
  }
  return out
}

/** The unpacked bytes of one entry, never more than `budget` (a bomb stops there). */
function unpack(bytes: Uint8Array, entry: Entry, budget: number): Buffer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = entry.localOffset
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50)
    throw corrupt(`onderdeel ${entry.name} ontbreekt`, `part ${entry.name} is missing`)
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
  const data = bytes.subarray(start, start + entry.compressed)
  if (data.length < entry.compressed)
    throw corrupt(`onderdeel ${entry.name} is afgebroken`, `part ${entry.name} is cut off`)
  if (entry.method === 0) return Buffer.from(data)
  if (entry.method !== 8)
    throw corrupt(`onbekende compressie in ${entry.name}`, `unknown compression in ${entry.name}`)
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) })
  } catch (cause) {
    if ((cause as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw unpackedTooLarge(budget)
    throw corrupt(`onderdeel ${entry.name} is onleesbaar`, `part ${entry.name} cannot be unpacked`)
  }
}

function unpackedTooLarge(limit: number) {
  return new UploadError(
    'too_large',
    `Het Excel-bestand is uitgepakt groter dan ${fileSize(limit, 'nl')}; verwijder overbodige inhoud of splits het bestand`,
    `The Excel file is larger than ${fileSize(limit, 'en')} unpacked; remove unneeded content or split the file`,
  )
}

/** Counts `<row` elements and reads the last row number of a worksheet's XML. */
function rowsOf(xml: Buffer): number {
  let count = 0
  for (let i = xml.indexOf('<row'); i >= 0; i = xml.indexOf('<row', i + 4)) {
    const next = xml[i + 4]
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d)
      count++
  }
  const last = xml.lastIndexOf('<row ')
  const r =
    last >= 0 ? /^<row [^>]*?\br="(\d+)"/.exec(xml.subarray(last, last + 200).toString('latin1')) : null
  return Math.max(count, r ? Number(r[1]) : 0)
}

/** The zip path of the workbook's first sheet (by its relationship id), `xl/worksheets/sheet1.xml` when unnamed. */
function firstSheetPath(workbook: string, rels: string): string {
  // The first <sheet …> tag, cut to 2,000 characters before any regex runs on it (no slow matching on a hostile part).
  const at = workbook.search(/<(?:\w{1,20}:)?sheet[\s/>]/)
  const end = at < 0 ? -1 : workbook.indexOf('>', at)
  const tag = at < 0 ? '' : workbook.slice(at, end < 0 ? at + 2000 : Math.min(end + 1, at + 2000))
  const rid = /\s\w{1,20}:id="([^"]{1,100})"/.exec(tag)?.[1]
  if (rid === undefined) return 'xl/worksheets/sheet1.xml'
  const target = /<Relationship\b[^>]*>/g
  for (const tag of rels.match(target) ?? []) {
    if (/\bId="([^"]*)"/.exec(tag)?.[1] !== rid) continue
    const to = /\bTarget="([^"]*)"/.exec(tag)?.[1]
    if (to !== undefined) return to.startsWith('/') ? to.slice(1) : `xl/${to}`
  }
  return 'xl/worksheets/sheet1.xml'
}

/**
 * Checks an XLSX before exceljs loads it: a readable zip with the parts a workbook needs, unpacking
 * to at most `UNPACK_FACTOR` × `maxBytes` (a zip bomb stops there), and a first worksheet of at most
 * `maxRows` data rows (counted in its XML, without building the rows). Throws UploadError.
 */
export function guardXlsx(
  bytes: Uint8Array,
  limits: { readonly maxBytes: number; readonly maxRows: number },
): void {
  const list = entries(bytes)
  const budget = UNPACK_FACTOR * limits.maxBytes
  if (list.reduce((sum, e) => sum + e.size, 0) > budget) throw unpackedTooLarge(budget)
  const byName = new Map(list.map((e) => [e.name, e]))
  for (const part of ['[Content_Types].xml', 'xl/workbook.xml'])
    if (!byName.has(part)) throw corrupt(`onderdeel ${part} ontbreekt`, `part ${part} is missing`)
  const text = (name: string) =>
    byName.has(name) ? unpack(bytes, byName.get(name)!, budget).toString('utf8') : ''
  if (!text('[Content_Types].xml').includes('<Types'))
    throw corrupt('[Content_Types].xml is onleesbaar', '[Content_Types].xml is unreadable')
  const path = firstSheetPath(text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels'))
  // Unpack every part within the budget (a bomb in any of them stops here); keep only the first sheet.
  let left = budget
  let sheet: Buffer | undefined
  for (const e of list) {
    const content = unpack(bytes, e, left)
    left -= content.length
    if (e.name === path) sheet = content
  }
  // A chart sheet first: exceljs reads the first worksheet after it, and counts its rows itself.
  if (!path.startsWith('xl/worksheets/')) return
  if (sheet === undefined) throw corrupt(`werkblad ${path} ontbreekt`, `worksheet ${path} is missing`)
  const rows = rowsOf(sheet)
  if (rows - 1 > limits.maxRows) throw tooManyRows(rows - 1, limits.maxRows)
}
