// The uploader's own column → field choices (`--map "kolom=veld"`, the API's `mapping` field) and the
// school's remembered mapping, checked against the file's headers (issue 15).
import { createHash } from 'node:crypto'
import { fieldsOf, type UploadKind } from './fields.js'
import { headerKey } from './map-headers.js'

/** Column header → field (its key such as `periodStart`, or its template header such as `startdatum`). */
export type MappingOverride = Readonly<Record<string, string>>

/** An override that names a column the file does not have, or a field the upload does not know. */
export class MappingError extends Error {
  override readonly name = 'MappingError'
  constructor(
    readonly messageNl: string,
    readonly messageEn: string,
  ) {
    super(`${messageNl} / ${messageEn}`)
  }
}

/** The field key an override names: its key, template header, Dutch or English label (case and accents ignored). */
export function fieldKeyOf(kind: UploadKind, name: string): string | undefined {
  const key = headerKey(name)
  return fieldsOf(kind).find((f) => [f.key, f.template, f.nl, f.en].some((n) => headerKey(n) === key))?.key
}

/**
 * Turns an override into column index → field key. Throws MappingError (Dutch, then English) when a
 * column is not in the file, a field is unknown, or two columns are given one field.
 * @example resolveOverride(['soort stage'], 'students', { 'soort stage': 'traject' }) // Map { 0 => 'track' }
 */
export function resolveOverride(
  headers: readonly string[],
  kind: UploadKind,
  override: MappingOverride,
): Map<number, string> {
  const keys = headers.map(headerKey)
  const fixed = new Map<number, string>()
  const fields = fieldsOf(kind)
  for (const [column, fieldName] of Object.entries(override)) {
    const index = keys.indexOf(headerKey(column))
    if (index < 0)
      throw new MappingError(
        `Kolom '${column}' uit de mapping staat niet in het bestand (kolommen: ${headers.join(', ')})`,
        `Column '${column}' of the mapping is not in the file (columns: ${headers.join(', ')})`,
      )
    const field = fieldKeyOf(kind, fieldName)
    if (field === undefined)
      throw new MappingError(
        `Veld '${fieldName}' uit de mapping bestaat niet (velden: ${fields.map((f) => f.template).join(', ')})`,
        `Field '${fieldName}' of the mapping does not exist (fields: ${fields.map((f) => f.template).join(', ')})`,
      )
    const twice = [...fixed].find(([i, f]) => f === field && i !== index)
    if (twice !== undefined)
      throw new MappingError(
        `Veld '${fieldName}' krijgt in de mapping twee kolommen: '${headers[twice[0]]}' en '${column}'`,
        `Field '${fieldName}' gets two columns in the mapping: '${headers[twice[0]]}' and '${column}'`,
      )
    fixed.set(index, field)
  }
  return fixed
}

/** Parses `kolom=veld` pairs (the command line's repeated `--map`); the last `=` splits, so a column may hold one. */
export function parseMapPairs(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const pair of pairs) {
    const cut = pair.lastIndexOf('=')
    const column = pair.slice(0, cut).trim()
    const field = pair.slice(cut + 1).trim()
    if (cut < 0 || column === '' || field === '')
      throw new MappingError(
        `--map verwacht "kolom=veld", niet "${pair}"`,
        `--map expects "column=field", not "${pair}"`,
      )
    out[column] = field
  }
  return out
}

/** The file's header signature: the same headers (case, accents and spaces ignored) give the same signature. */
export const headerSignature = (headers: readonly string[]): string =>
  createHash('sha256').update(headers.map(headerKey).join('\u0001')).digest('hex').slice(0, 32)
