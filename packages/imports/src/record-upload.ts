import { createHash } from 'node:crypto'
import { type Database, json, type UploadKind } from '@stagebrug/db'
import type { MappingOverride, ReadLimits, RowError } from '@stagebrug/uploads'
import type { Kysely, Transaction } from 'kysely'
import { STORED_ERRORS_LIMIT } from './report.js'

export interface UploadMeta {
  readonly bytes: Uint8Array
  readonly filename: string
  /** Who uploaded: an API key id or an e-mail address. */
  readonly uploadedBy: string
  /** File size and row limits; default 10 MB and 20,000 rows (see `@stagebrug/uploads`). */
  readonly limits?: ReadLimits
  /** The uploader's column → field choices (`--map`, the API's `mapping`); they win over the automatic mapping. */
  readonly mapping?: MappingOverride
}

/** Writes the upload record (accepted or rejected) and returns its id. */
export async function recordUpload(
  db: Kysely<Database> | Transaction<Database>,
  meta: UploadMeta,
  kind: UploadKind,
  schoolId: string | null,
  outcome:
    | { accepted: true; counts: Record<string, number> }
    | { accepted: false; errors: readonly RowError[] },
): Promise<string> {
  const row = await db
    .insertInto('upload')
    .values({
      uploaded_by: meta.uploadedBy,
      kind,
      school_id: schoolId,
      file_sha256: createHash('sha256').update(meta.bytes).digest('hex'),
      filename: withoutNul(meta.filename),
      outcome: outcome.accepted ? 'accepted' : 'rejected',
      errors: json(outcome.accepted ? [] : outcome.errors.slice(0, STORED_ERRORS_LIMIT).map(storable)),
      counts: json(outcome.accepted ? outcome.counts : { errors: outcome.errors.length }),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

// PostgreSQL stores no NUL in text or jsonb; a refused file's errors may quote one.
const withoutNul = (text: string) => text.replaceAll('\u0000', '\uFFFD')
const storable = (e: RowError): RowError => ({
  row: e.row,
  column: withoutNul(e.column),
  value: withoutNul(e.value),
  message: withoutNul(e.message),
})
