import { bilingual, type RowError, type UploadWarning } from '../errors.js'
import { fieldsOf, type UploadKind } from '../headers/fields.js'
import { type HeaderMapping, type MapOptions, mapHeaders } from '../headers/map-headers.js'
import { headerSignature, MappingError, resolveOverride } from '../headers/override.js'
import { VALUE_TYPE_WORDS } from '../headers/value-types.js'
import { readTable } from '../read/read-table.js'
import type { Table } from '../read/table.js'
import { RowReport } from '../validate/cells.js'
import { findNationalNumberColumns } from '../validate/national-number.js'
import { normaliseIdentifier, normaliseName } from '../validate/normalise.js'
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

/** Longest cell and header we read, and most columns: anything longer is a mistake or an attack. */
export const MAX_CELL_CHARS = 2000
export const MAX_HEADER_CHARS = 200
export const MAX_COLUMNS = 500
// C0 control characters other than tab, line feed and carriage return, and DEL: PostgreSQL refuses NUL.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
const CONTROL_ALL = new RegExp(CONTROL.source, 'g')
/** Fields that identify something (NFKC: full-width digits are digits); every other cell is text (NFC). */
const IDENTIFIER_FIELDS: ReadonlySet<string> = new Set([
  'schoolId',
  'externalId',
  'companyNumber',
  'establishmentNumber',
  'postcode',
  'email',
  'contactEmail',
  'mentorEmail',
  'placeCodes',
])
/** Optional fields whose invalid value is a warning (the cell is left empty) instead of refusing the list. */
const SOFT_FIELDS: ReadonlySet<string> = new Set(['email', 'mentorEmail', 'track'])
/** How many non-empty values of a column decide whether a fuzzy header match fits the field's type. */
const SAMPLE_SIZE = 50
const normaliserOf = (field: string) => (IDENTIFIER_FIELDS.has(field) ? normaliseIdentifier : normaliseName)
const nlNumber = new Intl.NumberFormat('nl-BE')
const enNumber = new Intl.NumberFormat('en')

/** Errors on row 1 for a header that is not a header: too many columns, or a cell far too long for a title. */
function headerErrors(headers: readonly string[]): RowError[] {
  if (headers.length > MAX_COLUMNS)
    return [
      {
        row: 1,
        column: '',
        value: '',
        message: bilingual(
          `Het bestand heeft ${nlNumber.format(headers.length)} kolommen; hoogstens ${MAX_COLUMNS} kolommen`,
          `The file has ${enNumber.format(headers.length)} columns; at most ${MAX_COLUMNS} columns`,
        ),
      },
    ]
  return headers
    .filter((h) => h.length > MAX_HEADER_CHARS || CONTROL.test(h))
    .map((h) => ({
      row: 1,
      column: `${h.slice(0, 40).replace(CONTROL_ALL, '?')}${h.length > 40 ? '…' : ''}`,
      value: '',
      message:
        h.length > MAX_HEADER_CHARS
          ? bilingual(
              `Kolomkop van ${nlNumber.format(h.length)} tekens; hoogstens ${MAX_HEADER_CHARS} tekens`,
              `Column header of ${enNumber.format(h.length)} characters; at most ${MAX_HEADER_CHARS} characters`,
            )
          : bilingual(
              'Kolomkop met een ongeldig (stuur)teken',
              'Column header with an invalid (control) character',
            ),
    }))
}

/** Refuses a cell that is far too long or holds a control character, before it is validated. */
function checkCell(report: RowReport, field: string, value: string): boolean {
  if (value.length > MAX_CELL_CHARS) {
    report.fail(
      field,
      `Deze cel heeft ${nlNumber.format(value.length)} tekens; hoogstens ${nlNumber.format(MAX_CELL_CHARS)} tekens`,
      `This cell has ${enNumber.format(value.length)} characters; at most ${enNumber.format(MAX_CELL_CHARS)} characters`,
    )
    return false
  }
  if (CONTROL.test(value)) {
    report.fail(
      field,
      'Deze cel bevat een ongeldig (stuur)teken',
      'This cell contains an invalid (control) character',
    )
    return false
  }
  return true
}

/**
 * The columns fixed before the automatic mapping: the uploader's override (an unknown column or field
 * throws MappingError), else the school's remembered mapping for these headers (ignored when it no
 * longer fits). Also the sampler the fuzzy type check reads.
 */
async function chosenColumns(
  table: Table,
  kind: UploadKind,
  ctx: ParseContext,
): Promise<{ options: MapOptions }> {
  const sample = (index: number): string[] => {
    const values: string[] = []
    for (const row of table.rows) {
      const v = (row[index] ?? '').trim()
      if (v !== '') values.push(v)
      if (values.length >= SAMPLE_SIZE) break
    }
    return values
  }
  if (ctx.mapping !== undefined && Object.keys(ctx.mapping).length > 0)
    return {
      options: { sample, fixed: resolveOverride(table.headers, kind, ctx.mapping), fixedVia: 'override' },
    }
  const remembered = await ctx.recallMapping?.(headerSignature(table.headers))
  if (remembered !== undefined) {
    try {
      const fixed = resolveOverride(table.headers, kind, remembered)
      return { options: { sample, fixed, fixedVia: 'remembered' } }
    } catch (error) {
      if (!(error instanceof MappingError)) throw error
    }
  }
  return { options: { sample } }
}

/** Reads, maps and validates an upload; all or nothing. Rejects only with UploadError. */
export async function runUpload<R>(
  bytes: Uint8Array,
  filename: string,
  ctx: ParseContext,
  spec: UploadSpec<R>,
): Promise<UploadResult<R>> {
  const table = await readTable(bytes, filename, ctx)
  const warnings: UploadWarning[] = []

  // Mapped first, so the national-number check knows which columns are KBO columns (a header with
  // too many columns is refused below, before its mapping is used).
  const { options } =
    table.headers.length <= MAX_COLUMNS ? await chosenColumns(table, spec.kind, ctx) : { options: {} }
  const mapping: HeaderMapping =
    table.headers.length <= MAX_COLUMNS
      ? { ...mapHeaders(table.headers, spec.kind, options), signature: headerSignature(table.headers) }
      : EMPTY_MAPPING
  const enterpriseColumns = new Set(
    mapping.mapping
      .filter((m) => m.field === 'companyNumber' || m.field === 'establishmentNumber')
      .map((m) => m.index),
  )
  const national = findNationalNumberColumns(table, enterpriseColumns)
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

  const broken = headerErrors(table.headers)
  if (broken.length > 0) return { ok: false, errors: broken, mapping: EMPTY_MAPPING, warnings }

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
  for (const u of mapping.unmapped.filter((c) => c.reason !== 'type-mismatch')) {
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
  if (mapping.mapping.some((m) => m.via === 'remembered'))
    warnings.push({
      row: 1,
      column: null,
      message: bilingual(
        'Mapping van de vorige upload hergebruikt (zelfde kolommen); geef een mapping mee om ze te wijzigen',
        'Mapping of the previous upload reused (same columns); send a mapping to change it',
      ),
    })
  for (const u of mapping.unmapped.filter((c) => c.refused !== undefined)) {
    const target = fields.find((d) => d.key === u.refused?.field)?.template ?? u.refused?.field
    const words = VALUE_TYPE_WORDS[u.refused?.type ?? 'text']
    warnings.push({
      row: 1,
      column: u.column,
      message: bilingual(
        `Kolom '${u.column}' lijkt op '${target}', maar de waarden zijn geen ${words.nl}; niet gebruikt`,
        `Column '${u.column}' resembles '${target}', but its values are not ${words.en}; not used`,
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
    // One normalisation for every door (validate/normalise.ts): a pupil number in full-width digits
    // or with a zero-width space is the same pupil.
    for (const m of mapping.mapping) cells[m.field] = normaliserOf(m.field)(cellsOfRow[m.index] ?? '')
    const report = new RowReport(rowNumber, cells, columns, SOFT_FIELDS)
    const warn = (field: string | null, nl: string, en: string) =>
      warnings.push({
        row: rowNumber,
        column: field === null ? null : (columns.get(field) ?? field),
        message: bilingual(nl, en),
      })
    const readable = mapping.mapping
      .map((m) => checkCell(report, m.field, cells[m.field] ?? ''))
      .every(Boolean)
    const row = readable ? spec.validateRow({ report, lookups, ctx, warn }) : undefined
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
    warnings.push(...report.warnings)
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
