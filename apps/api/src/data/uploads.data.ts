import { ImportError, type ImportReport, importPlaceRegistration, importStudentList } from '@stagebrug/imports'
import { parsePlaceRegistration, type RowError } from '@stagebrug/uploads'
import { AppError, notFound } from '../errors.js'
import { actorOf } from '../scope/scope.js'
import { visibleSchools } from '../scope/visible.js'
import { audit, type DataCtx } from './context.js'
import { runImport } from './import-slots.js'

export interface UploadedFile {
  readonly bytes: Uint8Array
  readonly filename: string
  /** The uploader's column → field mapping (multipart field or query `mapping`, issue 15). */
  readonly mapping?: Readonly<Record<string, string>>
}

export interface UploadLimits {
  readonly maxBytes: number
  readonly maxRows: number
}

type Accepted = Extract<ImportReport, { outcome: 'accepted' }>

/** The accepted report as the API returns it (plain, mutable JSON). */
export function accepted(r: Accepted) {
  return {
    outcome: r.outcome,
    uploadId: r.uploadId,
    counts: { ...r.counts },
    mapping: r.mapping.map((m) => ({ ...m })),
    warnings: r.warnings.map((w) => ({ ...w }) as Record<string, unknown>),
    timings: { ...r.timings },
  }
}
export type AcceptedUpload = ReturnType<typeof accepted>

export function rejected(report: Extract<ImportReport, { outcome: 'rejected' }>): AppError {
  return new AppError(
    'ROW_ERRORS',
    `${report.errors.length} ${report.errors.length === 1 ? 'fout' : 'fouten'} in het bestand; niets opgeslagen / ${report.errors.length} error(s) in the file; nothing stored`,
    { uploadId: report.uploadId, errors: report.errors, mapping: report.mapping, warnings: report.warnings },
  )
}

/**
 * Imports a placement list for one of the caller's schools (a group key names the school by its
 * instellingsnummer), all or nothing: the accepted report, or ROW_ERRORS with every row error.
 */
export async function uploadStudentList(
  ctx: DataCtx,
  file: UploadedFile,
  limits: UploadLimits,
  school?: string,
): Promise<AcceptedUpload> {
  const schools = await visibleSchools(ctx.db, ctx.caller.scope)
    .select(['sc.id', 'sc.instellingsnummer'])
    .$if(school !== undefined, (q) => q.where('sc.instellingsnummer', '=', school!))
    .execute()
  if (schools.length === 0) throw notFound('School')
  if (schools.length > 1)
    throw new AppError('INVALID_REQUEST', 'Deze sleutel hoort bij een scholengroep: geef ?school=<instellingsnummer> / Name the school')
  const target = schools[0]!
  let report: ImportReport
  try {
    report = await runImport(ctx.db, () =>
      importStudentList(ctx.db, {
        bytes: file.bytes,
        filename: file.filename,
        uploadedBy: actorOf(ctx.caller),
        school: target.instellingsnummer,
        limits,
        ...(file.mapping === undefined ? {} : { mapping: file.mapping }),
      }),
    )
  } catch (error) {
    if (error instanceof ImportError) throw new AppError('INVALID_REQUEST', `${error.messageNl} / ${error.message}`)
    throw error
  }
  await audit(ctx.db, ctx, 'upload.students', `upload:${report.uploadId}`, {
    school: target.id,
    filename: file.filename,
    outcome: report.outcome,
    ...(report.outcome === 'accepted' ? { counts: report.counts } : { errors: report.errors.length }),
  })
  if (report.outcome === 'rejected') throw rejected(report)
  return accepted(report)
}

/**
 * Imports a place registration file of the caller's company: every row must carry the company's
 * own KBO number (a file naming another company is refused with row errors, nothing stored).
 */
export async function uploadPlaceRegistration(ctx: DataCtx, file: UploadedFile, limits: UploadLimits): Promise<AcceptedUpload> {
  const scope = ctx.caller.scope
  if (scope.role !== 'company') throw new AppError('FORBIDDEN', 'Alleen bedrijven / Companies only')
  const company = await ctx.db
    .selectFrom('company')
    .select(['id', 'kbo_number'])
    .where('id', '=', scope.companyId)
    .executeTakeFirstOrThrow()
  const parsed = await parsePlaceRegistration(file.bytes, file.filename, { ...limits, mapping: file.mapping }).catch(
    () => null,
  )
  if (parsed?.ok) {
    const foreign: RowError[] = parsed.rows
      .filter((r) => r.companyNumber !== company.kbo_number)
      .map((r) => ({
        row: r.row,
        column: 'ondernemingsnummer',
        value: r.companyNumber,
        message: `Deze sleutel hoort bij onderneming ${company.kbo_number}, niet ${r.companyNumber} / This key belongs to company ${company.kbo_number}`,
      }))
    if (foreign.length > 0) {
      await audit(ctx.db, ctx, 'upload.places', 'upload', { filename: file.filename, outcome: 'rejected', foreignRows: foreign.length })
      throw new AppError('ROW_ERRORS', 'Rijen van een andere onderneming; niets opgeslagen / Rows of another company; nothing stored', {
        errors: foreign,
      })
    }
  }
  const report = await runImport(ctx.db, () =>
    importPlaceRegistration(ctx.db, {
      bytes: file.bytes,
      filename: file.filename,
      uploadedBy: actorOf(ctx.caller),
      limits,
      ...(file.mapping === undefined ? {} : { mapping: file.mapping }),
    }),
  ).catch((error: unknown) => {
    if (error instanceof ImportError) throw new AppError('INVALID_REQUEST', `${error.messageNl} / ${error.message}`)
    throw error
  })
  await audit(ctx.db, ctx, 'upload.places', `upload:${report.uploadId}`, {
    company: company.id,
    filename: file.filename,
    outcome: report.outcome,
    ...(report.outcome === 'accepted' ? { counts: report.counts } : { errors: report.errors.length }),
  })
  if (report.outcome === 'rejected') throw rejected(report)
  return accepted(report)
}
