import { bilingual, type RowError, type UploadWarning } from '../errors.js'
import { fieldsOf, type UploadKind } from '../headers/fields.js'
import { type HeaderMapping, mapHeaders } from '../headers/map-headers.js'
import { readTable } from '../read/read-table.js'
import { RowReport } from '../validate/cells.js'
import { findNationalNumberColumns } from '../validate/national-number.js'
import { defaultReferenceData, Lookups, type ParseContext } from './context.js'

export type UploadResult<R> =
  | {
      readonly ok: true
      readonly rows: R[]
      readonly mapping: HeaderMapping
      readonly warnings: UploadWarning[]
    }
  | {
      readonly ok: false
      readonly errors: RowError[]
      readonly mapping: HeaderMapping
      readonly warnings: UploadWarning[]
    }

export interface RowInput {
  readonly report: RowReport
  readonly lookups: Lookups
  readonly ctx: ParseContext
  readonly warn: (field: string | null, nl: string, en: string) => void
}

export interface UploadSpec<R> {
  readonly kind: UploadKind
  readonly validateRow: (input: RowInput) => R | undefined
  /** Identity of a row for duplicate detection, with the field to blame and its label. */
  readonly identity: (row: R) => { key: string; field: string; nl: string; en: string; shown: string }
}

const EMPTY_MAPPING: HeaderMapping = { mapping: [], unmapped: [], missing: [] }

/** Reads, maps and validates an upload; all or nothing. Rejects only with UploadError. */
export async function runUpload<R>(
  bytes: Uint8Array,
  filename: string,
  ctx: ParseContext,
  spec: UploadSpec<R>,
): Promise<UploadResult<R>> {
  const table = await readTable(bytes, filename, ctx)
  const warnings: UploadWarning[] = []

  const national = findNationalNumberColumns(table)
  if (national.length > 0) {
    const errors = national.map(({ column }) => ({
      row: 1,
      column,
      value: '',
      message: bilingual(
        `Kolom '${column}' bevat rijksregister- of BIS-nummers; die mogen niet opgeladen worden. Verwijder de kolom en laad het bestand opnieuw op`,
        `Column '${column}' contains national register or BIS numbers, which must not be uploaded. Remove the column and upload the file again`,
      ),
    }))
    return { ok: false, errors, mapping: EMPTY_MAPPING, warnings }
  }

  const mapping = mapHeaders(table.headers, spec.kind)
  const fields = fieldsOf(spec.kind)
  const errors: RowError[] = mapping.missing.map((key) => {
    const f = fields.find((d) => d.key === key)!
    return {
      row: 1,
      column: f.template,
      value: '',
      message: bilingual(
        `Verplichte kolom '${f.template}' ontbreekt`,
        `Required column '${f.template}' (${f.en}) is missing`,
      ),
    }
  })
  for (const u of mapping.unmapped) {
    warnings.push({
      row: 1,
      column: u.column,
      message:
        u.reason === 'duplicate'
          ? bilingual(
              `Kolom '${u.column}' is dubbel en wordt genegeerd`,
              `Column '${u.column}' is a duplicate and is ignored`,
            )
          : bilingual(
              `Kolom '${u.column}' is onbekend en wordt genegeerd`,
              `Column '${u.column}' is unknown and is ignored`,
            ),
    })
  }
  for (const m of mapping.mapping.filter((c) => c.via === 'fuzzy')) {
    const target = fields.find((d) => d.key === m.field)?.template ?? m.field
    warnings.push({
      row: 1,
      column: m.column,
      message: bilingual(
        `Kolom '${m.column}' gelezen als '${target}'`,
        `Column '${m.column}' read as '${target}'`,
      ),
    })
  }
  if (errors.length > 0) return { ok: false, errors, mapping, warnings }

  const columns = new Map(mapping.mapping.map((m) => [m.field, m.column]))
  const lookups = new Lookups(ctx.reference ?? defaultReferenceData())
  const rows: R[] = []
  const seen = new Map<string, number>()
  table.rows.forEach((cellsOfRow, i) => {
    if (cellsOfRow.every((c) => c.trim() === '')) return
    const rowNumber = i + 2
    const cells: Record<string, string> = {}
    for (const m of mapping.mapping) cells[m.field] = cellsOfRow[m.index] ?? ''
    const report = new RowReport(rowNumber, cells, columns)
    const warn = (field: string | null, nl: string, en: string) =>
      warnings.push({
        row: rowNumber,
        column: field === null ? null : (columns.get(field) ?? field),
        message: bilingual(nl, en),
      })
    const row = spec.validateRow({ report, lookups, ctx, warn })
    if (row !== undefined && report.errors.length === 0) {
      const id = spec.identity(row)
      const first = seen.get(id.key)
      if (first === undefined) {
        seen.set(id.key, rowNumber)
        rows.push(row)
      } else {
        report.fail(
          id.field,
          `${id.nl} '${id.shown}' komt al voor op rij ${first}`,
          `${id.en} '${id.shown}' already appears on row ${first}`,
        )
      }
    }
    errors.push(...report.errors)
  })
  if (rows.length === 0 && errors.length === 0) {
    errors.push({
      row: 2,
      column: '',
      value: '',
      message: bilingual('Het bestand bevat geen rijen', 'The file has no rows'),
    })
  }
  return errors.length > 0 ? { ok: false, errors, mapping, warnings } : { ok: true, rows, mapping, warnings }
}
