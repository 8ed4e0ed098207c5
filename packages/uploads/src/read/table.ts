/** A sheet as strings: the header row and the data rows; `rows[i]` is spreadsheet row `i + 2`. */
export interface Table {
  readonly headers: string[]
  readonly rows: string[][]
}

export interface ReadLimits {
  /** Largest accepted file, in bytes. Default 10 MB. */
  readonly maxBytes?: number
  /** Most data rows accepted (header excluded). Default 20,000. */
  readonly maxRows?: number
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024
export const DEFAULT_MAX_ROWS = 20_000
