import type { RowError, UploadWarning } from '@stagebrug/uploads'

/** Header → field as the import chose it, so the uploader can check it. */
export interface ChosenColumn {
  readonly column: string
  readonly field: string
  readonly via: string
}

/** What an upload did. `rejected`: nothing was stored; `errors` says which row, column and why. */
export type ImportReport =
  | {
      readonly outcome: 'accepted'
      readonly uploadId: string
      readonly counts: Readonly<Record<string, number>>
      readonly mapping: readonly ChosenColumn[]
      readonly warnings: readonly UploadWarning[]
      /** Reading and validating the file, and writing it in its transaction, in milliseconds. */
      readonly timings: { readonly parseMs: number; readonly storeMs: number }
    }
  | {
      readonly outcome: 'rejected'
      readonly uploadId: string
      readonly errors: readonly RowError[]
      readonly mapping: readonly ChosenColumn[]
      readonly warnings: readonly UploadWarning[]
    }

/** At most this many row errors are stored with the upload record (all are returned). */
export const STORED_ERRORS_LIMIT = 1000
