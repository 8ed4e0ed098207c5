import type { Database, RecognitionSource } from '@stagebrug/db'
import { upsertRecognitions } from '@stagebrug/db'
import { parseRecognitions, type RecognitionRow, type RowError } from '@stagebrug/uploads'
import type { Kysely } from 'kysely'
import { parseOrReject } from './parse-or-reject.js'
import { recordUpload, type UploadMeta } from './record-upload.js'
import type { ImportReport } from './report.js'

export interface RecognitionImportRequest extends UploadMeta {
  /** Who declares the recognitions: the company itself or a school on its behalf. */
  readonly source: RecognitionSource
  /** When set, every row must carry this KBO number (a company's own upload). */
  readonly onlyCompany?: string
}

/**
 * Imports a recognition file (erkenningen), all or nothing: every row valid and of a registered
 * company (and, for a company's own upload, of that company), then the recognitions upserted by
 * company × vestigingseenheid × programme in one transaction. Recognitions missing from the file
 * stay as they are; withdrawing one is a row with status `ingetrokken` (or a DELETE through the API).
 */
export async function importRecognitions(
  db: Kysely<Database>,
  req: RecognitionImportRequest,
): Promise<ImportReport> {
  let companies = new Map<string, string>()
  const outcome = await parseOrReject(
    db,
    req,
    { kind: 'recognitions', schoolId: null },
    async () => {
      const parsed = await parseRecognitions(req.bytes, req.filename, req.limits)
      if (parsed.ok) companies = await companiesByKbo(db, parsed.rows)
      return parsed
    },
    (rows) => companyErrors(rows, companies, req.onlyCompany),
  )
  if ('report' in outcome) return outcome.report
  const { parsed, mapping, parseMs } = outcome
  const rows = parsed.rows
  const t0 = performance.now()
  const { uploadId, counts } = await db.transaction().execute(async (trx) => {
    const { created, updated, unchanged } = await upsertRecognitions(
      trx,
      rows.map((r) => ({
        companyId: companies.get(r.companyNumber)!,
        establishmentNumber: r.establishmentNumber,
        programmeId: r.programme,
        reference: r.reference,
        validFrom: r.validFrom,
        validUntil: r.validUntil,
        status: r.status,
        source: req.source,
      })),
    )
    const counts = {
      recognitions: rows.length,
      created,
      updated,
      unchanged,
      recognised: rows.filter((r) => r.status === 'erkend').length,
    }
    const uploadId = await recordUpload(trx, req, 'recognitions', null, { accepted: true, counts })
    return { uploadId, counts }
  })
  const timings = { parseMs, storeMs: Math.round(performance.now() - t0) }
  return { outcome: 'accepted', uploadId, counts, mapping, warnings: parsed.warnings, timings }
}

async function companiesByKbo(db: Kysely<Database>, rows: readonly RecognitionRow[]) {
  const numbers = [...new Set(rows.map((r) => r.companyNumber))]
  if (numbers.length === 0) return new Map<string, string>()
  const found = await db
    .selectFrom('company')
    .select(['id', 'kbo_number'])
    .where('kbo_number', 'in', numbers)
    .execute()
  return new Map(found.map((c) => [c.kbo_number, c.id]))
}

/** Rows of another company than the uploader's, or of a company Stagebrug does not know yet. */
function companyErrors(
  rows: readonly RecognitionRow[],
  known: ReadonlyMap<string, string>,
  onlyCompany: string | undefined,
): RowError[] {
  const errors: RowError[] = []
  for (const r of rows) {
    const at = { row: r.row, column: 'ondernemingsnummer', value: r.companyNumber }
    if (onlyCompany !== undefined && r.companyNumber !== onlyCompany)
      errors.push({
        ...at,
        message: `Deze sleutel hoort bij onderneming ${onlyCompany}, niet ${r.companyNumber} / This key belongs to company ${onlyCompany}, not ${r.companyNumber}`,
      })
    else if (!known.has(r.companyNumber))
      errors.push({
        ...at,
        message: `Onderneming ${r.companyNumber} is niet geregistreerd; laad eerst haar plaatsen op / Company ${r.companyNumber} is not registered; upload its places first`,
      })
  }
  return errors
}
