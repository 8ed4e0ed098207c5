/** Why a file could not be read at all (as opposed to row-level validation errors). */
export type UploadErrorCode =
  | 'too_large'
  | 'too_many_rows'
  | 'unsupported_format'
  | 'corrupt_file'
  /** UTF-8 and Windows-1252 in one file: storing it would turn "Zoë" into "ZoÃ«". */
  | 'mixed_encoding'
  | 'empty_file'

/**
 * Thrown when an upload cannot be turned into a table. The message is Dutch first, then English,
 * separated by " / ", so it can be shown to the uploader as is.
 */
export class UploadError extends Error {
  override readonly name = 'UploadError'
  readonly code: UploadErrorCode
  readonly messageNl: string
  readonly messageEn: string

  constructor(code: UploadErrorCode, nl: string, en: string, options?: { cause?: unknown }) {
    super(`${nl} / ${en}`, options)
    this.code = code
    this.messageNl = nl
    this.messageEn = en
  }
}

/** One problem in one cell. `row` is the spreadsheet row (the header is row 1). */
export interface RowError {
  readonly row: number
  readonly column: string
  readonly value: string
  readonly message: string
}

/** Something the uploader should know about that does not block the upload. */
export interface UploadWarning {
  readonly row: number | null
  readonly column: string | null
  /** The cell's value, for a warning about one cell (an invalid optional value left empty). */
  readonly value?: string
  readonly message: string
}

/** Joins a Dutch and an English message the way every upload message is shown. */
export const bilingual = (nl: string, en: string): string => `${nl} / ${en}`
