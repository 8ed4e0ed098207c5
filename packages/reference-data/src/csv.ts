import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'

/** The package's `data/` folder; `../data/` resolves the same from `src/` and from `dist/`. */
export const DATA_DIR: URL = new URL('../data/', import.meta.url)

export type CsvRow = Readonly<Record<string, string>>

/** Parses a UTF-8 CSV file with a header row into one record per row. */
export function readCsvFile(file: URL): CsvRow[] {
  return parse<Record<string, string>>(readFileSync(file, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
  })
}

/** Reads `relativePath` (e.g. `geo/be_postcodes.csv`) below `dir`. */
export function readCsv(relativePath: string, dir: URL = DATA_DIR): CsvRow[] {
  return readCsvFile(new URL(relativePath, dir))
}

/** Every `*.csv` file directly in `folder`, sorted by name; none when the folder is missing. */
export function csvFilesIn(folder: URL): URL[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .filter((name) => name.endsWith('.csv'))
    .sort()
    .map((name) => new URL(name, folder))
}

/** A required column value; throws on a missing column so a changed header fails loudly. */
export function col(row: CsvRow, name: string): string {
  const value = row[name]
  if (value === undefined) throw new Error(`reference-data: missing column "${name}"`)
  return value
}

/** Splits a " | "-separated list; an empty cell gives an empty list. */
export function splitList(value: string, separator = '|'): string[] {
  return value
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
}

/** Parses an integer cell; empty or non-numeric gives null. */
export function intOrNull(value: string): number | null {
  if (value.trim() === '') return null
  const n = Number(value)
  return Number.isInteger(n) ? n : null
}

export function emptyToNull(value: string): string | null {
  return value === '' ? null : value
}
