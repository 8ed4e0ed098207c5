// Valid upload files for the bad-input corpus to break: a placement list, a place registration, a
// recognition file and a mentor file as CSV and XLSX, and the ways a spreadsheet can be damaged (truncated, a part missing, a zip bomb).

import { loadProgrammes } from '@stagebrug/reference-data'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import {
  csv,
  MENTOR_HEADER,
  mentor,
  PLACE_HEADER,
  place,
  pupil,
  RECOGNITION_HEADER,
  recognition,
  STUDENT_HEADER,
  table,
  utf8,
} from '../support/upload-files.js'

/** The world's school and company the corpus uploads for (see apps/api/test/support/world.ts). */
export interface Tenant {
  readonly school: string
  readonly kbo: string
}

export type Target = 'students' | 'places' | 'recognitions' | 'mentors'

/** Three programmes a recognition file names, by number (resolved like every programme). */
const RECOGNISED_PROGRAMMES = loadProgrammes()
  .filter((p) => p.grade === 3 && p.duaal)
  .slice(0, 3)
  .map((p) => String(p.id))

/** Rows (header first) of a valid file for the tenant; `n` data rows. */
export function validRows(target: Target, tenant: Tenant, n = 3): string[][] {
  if (target === 'students') {
    const records = Array.from({ length: n }, (_, i) =>
      pupil(`S${String(i + 1).padStart(6, '0')}`, {
        instellingsnummer: tenant.school,
        postcode: '2440',
        gemeente: 'Geel',
      }),
    )
    return table(STUDENT_HEADER, records)
  }
  if (target === 'recognitions')
    return table(
      RECOGNITION_HEADER,
      Array.from({ length: n }, (_, i) =>
        recognition({
          ondernemingsnummer: tenant.kbo,
          studierichting: RECOGNISED_PROGRAMMES[i % RECOGNISED_PROGRAMMES.length]!,
          erkenningsnummer: `ERK-2025-${String(i + 1).padStart(4, '0')}`,
          'geldig tot': '31/08/2030',
        }),
      ),
    )
  if (target === 'mentors')
    return table(
      MENTOR_HEADER,
      Array.from({ length: n }, (_, i) =>
        mentor({
          ondernemingsnummer: tenant.kbo,
          naam: `Noël Vermeulen ${i + 1}`,
          'e-mail': `mentor${i + 1}@x.test`,
          // The world's first place: a valid file would link it.
          plaatscodes: i === 0 ? 'X1' : '',
        }),
      ),
    )
  const records = Array.from({ length: n }, (_, i) =>
    place(`BAD-${i + 1}`, { ondernemingsnummer: tenant.kbo, postcode: '2440', gemeente: 'Geel' }),
  )
  return table(PLACE_HEADER, records)
}

export const csvBytes = (rows: readonly (readonly string[])[], delimiter = ';') =>
  utf8(csv(rows, delimiter), true)

const FIXED_DATE = new Date(Date.UTC(2026, 10, 23))

/** An XLSX workbook of these rows, all cells text, written by exceljs. */
export async function xlsxBytes(rows: readonly (readonly string[])[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  workbook.created = workbook.modified = FIXED_DATE
  workbook.addWorksheet('Blad1').addRows(rows.map((r) => [...r]))
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

/** The same workbook with its zip changed: entries removed or replaced (deflated). */
export async function rezip(
  xlsx: Uint8Array,
  change: { readonly remove?: readonly string[]; readonly replace?: Readonly<Record<string, string>> },
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx)
  for (const name of change.remove ?? []) zip.remove(name)
  for (const [name, content] of Object.entries(change.replace ?? {}))
    zip.file(name, content, { date: FIXED_DATE })
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } })
}

/** A worksheet XML with `rows` row elements (one inline-string cell each, or empty rows). */
export function sheetXml(
  rows: number,
  opts: { readonly empty?: boolean; readonly numbered?: boolean; readonly lastRow?: number } = {},
): string {
  const body: string[] = []
  const cell = (r: number) => `<c r="A${r}" t="inlineStr"><is><t>x</t></is></c>`
  for (let r = 1; r <= rows; r++)
    body.push(
      opts.empty && r > 1 ? (opts.numbered ? `<row r="${r}"/>` : '<row/>') : `<row r="${r}">${cell(r)}</row>`,
    )
  if (opts.lastRow !== undefined) body.push(`<row r="${opts.lastRow}">${cell(opts.lastRow)}</row>`)
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body.join('')}</sheetData></worksheet>`
}

/** A shared-strings part of about `bytes` characters that deflates to almost nothing. */
export function hugeSharedStrings(bytes: number): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>${'A'.repeat(bytes)}</t></si></sst>`
}

/** CSV text of `rows` data rows under a one-column header, built without keeping an array of rows. */
export function manyRowsCsv(rows: number, line = 'x'): Uint8Array {
  const header = 'stamboeknummer\r\n'
  const unit = `${line}\r\n`
  const bytes = new Uint8Array(header.length + unit.length * rows)
  const enc = new TextEncoder()
  bytes.set(enc.encode(header), 0)
  const u = enc.encode(unit)
  for (let i = 0, at = header.length; i < rows; i++, at += u.length) bytes.set(u, at)
  return bytes
}
