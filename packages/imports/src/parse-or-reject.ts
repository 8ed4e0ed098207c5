import type { Database, UploadKind } from '@stagebrug/db'
import { type RowError, UploadError, type UploadResult } from '@stagebrug/uploads'
import type { Kysely } from 'kysely'
import { recordUpload, type UploadMeta } from './record-upload.js'
import type { ChosenColumn, ImportReport } from './report.js'

/**
 * Parses an upload; an unreadable file or invalid rows are recorded as a rejected upload and
 * returned as the report. Only an accepted parse comes back as `parsed`.
 */
export async function parseOrReject<Row>(
  db: Kysely<Database>,
  meta: UploadMeta,
  target: { readonly kind: UploadKind; readonly schoolId: string | null },
  parse: () => Promise<UploadResult<Row>>,
  extraErrors: (rows: readonly Row[]) => RowError[] = () => [],
): Promise<
  | { report: ImportReport }
  | { parsed: Extract<UploadResult<Row>, { ok: true }>; mapping: ChosenColumn[]; parseMs: number }
> {
  const reject = async (
    errors: readonly RowError[],
    mapping: ChosenColumn[],
    warnings: ImportReport['warnings'],
  ) => {
    const uploadId = await recordUpload(db, meta, target.kind, target.schoolId, { accepted: false, errors })
    return { report: { outcome: 'rejected', uploadId, errors, mapping, warnings } as const }
  }
  let parsed: UploadResult<Row>
  const t0 = performance.now()
  try {
    parsed = await parse()
  } catch (error) {
    if (!(error instanceof UploadError)) throw error
    return reject(
      [{ row: 0, column: '', value: '', message: `${error.messageNl} / ${error.messageEn}` }],
      [],
      [],
    )
  }
  const mapping = parsed.mapping.mapping.map((m) => ({ column: m.column, field: m.field, via: m.via }))
  if (!parsed.ok) return reject(parsed.errors, mapping, parsed.warnings)
  const errors = extraErrors(parsed.rows)
  if (errors.length > 0) return reject(errors, mapping, parsed.warnings)
  return { parsed, mapping, parseMs: Math.round(performance.now() - t0) }
}
