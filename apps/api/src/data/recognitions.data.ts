import { recognitionsOfPlace, upsertRecognitions } from '@stagebrug/db'
import { importRecognitions } from '@stagebrug/imports'
import { normaliseEstablishmentNumber, recognitionValidUntil } from '@stagebrug/uploads'
import { AppError, notFound } from '../errors.js'
import { programmeExists } from '../lookups/reference.js'
import { actorOf } from '../scope/scope.js'
import { ownPlaces, ownRecognitions } from '../scope/visible.js'
import { audit, type DataCtx, iso } from './context.js'
import { runImport } from './import-slots.js'
import { type AcceptedUpload, accepted, rejected, type UploadedFile, type UploadLimits } from './uploads.data.js'

type Status = 'erkend' | 'aangevraagd' | 'ingetrokken'

/** One recognition as a company declares it through JSON (the file has the same fields). */
export interface RecognitionFields {
  readonly establishmentNumber: string
  readonly programme: number
  readonly reference?: string | null | undefined
  readonly validFrom: string
  readonly validUntil?: string | undefined
  readonly status: Status
}

const COLUMNS = [
  'rc.id',
  'rc.establishment_number',
  'rc.programme_id',
  'rc.reference',
  'rc.valid_from',
  'rc.valid_until',
  'rc.status',
  'rc.source',
  'rc.updated_at',
] as const

function companyOf(ctx: DataCtx): string {
  const scope = ctx.caller.scope
  if (scope.role !== 'company') throw new AppError('FORBIDDEN', 'Alleen bedrijven / Companies only')
  return scope.companyId
}

function view(r: {
  id: string
  establishment_number: string
  programme_id: number
  reference: string | null
  valid_from: string
  valid_until: string
  status: Status
  source: 'company' | 'school'
  updated_at: Date
}) {
  return {
    id: r.id,
    establishmentNumber: r.establishment_number,
    programme: r.programme_id,
    reference: r.reference,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    status: r.status,
    source: r.source,
    updatedAt: iso(r.updated_at)!,
  }
}
export type RecognitionView = ReturnType<typeof view>

/** The caller's recognitions, by establishment and programme (a company has a handful, not pages). */
export async function listOwnRecognitions(ctx: DataCtx): Promise<RecognitionView[]> {
  const rows = await ownRecognitions(ctx.db, ctx.caller.scope)
    .select(COLUMNS)
    .orderBy('rc.establishment_number')
    .orderBy('rc.programme_id')
    .execute()
  return rows.map(view)
}

/**
 * Declares one recognition of the caller's company, keyed by establishment × programme: created,
 * or replaced when the key exists. Checked as the file's row is: the vestigingseenheidsnummer's
 * check digits, a known programme, until not before from (default from + 5 years − 1 day).
 */
export async function putRecognition(ctx: DataCtx, f: RecognitionFields): Promise<RecognitionView> {
  const companyId = companyOf(ctx)
  const establishmentNumber = normaliseEstablishmentNumber(f.establishmentNumber)
  if (establishmentNumber === null)
    throw new AppError(
      'INVALID_REQUEST',
      `'${f.establishmentNumber}' is geen geldig vestigingseenheidsnummer (10 cijfers, begint met 2–8, controlegetal mod 97) / not a valid establishment unit number (10 digits, starting with 2–8, mod-97 check)`,
    )
  if (!programmeExists(f.programme))
    throw new AppError('INVALID_REQUEST', `Onbekende studierichting / Unknown programme: ${f.programme}`)
  const validUntil = f.validUntil ?? recognitionValidUntil(f.validFrom)
  if (validUntil < f.validFrom)
    throw new AppError(
      'INVALID_REQUEST',
      `Geldig tot (${validUntil}) ligt voor geldig van (${f.validFrom}) / Valid until is before valid from`,
    )
  await ctx.db.transaction().execute(async (trx) => {
    const counts = await upsertRecognitions(trx, [
      {
        companyId,
        establishmentNumber,
        programmeId: f.programme,
        reference: f.reference ?? null,
        validFrom: f.validFrom,
        validUntil,
        status: f.status,
        source: 'company',
      },
    ])
    await audit(trx, ctx, 'recognition.put', `company:${companyId}`, {
      establishmentNumber,
      programme: f.programme,
      status: f.status,
      ...counts,
    })
  })
  const row = await ownRecognitions(ctx.db, ctx.caller.scope)
    .select(COLUMNS)
    .where('rc.establishment_number', '=', establishmentNumber)
    .where('rc.programme_id', '=', f.programme)
    .executeTakeFirstOrThrow()
  return view(row)
}

/** Deletes one of the caller's recognitions (a declaration made in error); 404 when it has none with that id. */
export async function deleteOwnRecognition(ctx: DataCtx, id: string): Promise<void> {
  companyOf(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const found = await ownRecognitions(trx, ctx.caller.scope)
      .select(['rc.id', 'rc.establishment_number', 'rc.programme_id'])
      .where('rc.id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!found) throw notFound('Erkenning / Recognition')
    await trx.deleteFrom('recognition').where('id', '=', found.id).execute()
    await audit(trx, ctx, 'recognition.delete', `recognition:${found.id}`, {
      establishmentNumber: found.establishment_number,
      programme: found.programme_id,
    })
  })
}

/**
 * The recognitions that apply to one of the caller's places: the `erkend` ones of its establishment
 * (what the night gives the place), each with whether it is valid today. 404 outside the scope.
 */
export async function recognitionsOfOwnPlace(ctx: DataCtx, placeId: string) {
  const row = await ownPlaces(ctx.db, ctx.caller.scope)
    .select(recognitionsOfPlace('pl').as('recognitions'))
    .where('pl.id', '=', placeId)
    .executeTakeFirst()
  if (!row) throw notFound('Plaats / Place')
  const today = ctx.now().toISOString().slice(0, 10)
  return row.recognitions.map((r) => ({
    programme: r.programme as number,
    validFrom: r.validFrom,
    validUntil: r.validTo,
    valid: r.validFrom <= today && today <= r.validTo,
  }))
}

/**
 * Imports a recognition file of the caller's company, all or nothing: every row must carry the
 * company's own KBO number (another company's row is a row error; nothing stored).
 */
export async function uploadRecognitions(
  ctx: DataCtx,
  file: UploadedFile,
  limits: UploadLimits,
): Promise<AcceptedUpload> {
  const companyId = companyOf(ctx)
  const company = await ctx.db
    .selectFrom('company')
    .select('kbo_number')
    .where('id', '=', companyId)
    .executeTakeFirstOrThrow()
  const report = await runImport(ctx.db, () =>
    importRecognitions(ctx.db, {
      bytes: file.bytes,
      filename: file.filename,
      uploadedBy: actorOf(ctx.caller),
      limits,
      source: 'company',
      onlyCompany: company.kbo_number,
    }),
  )
  await audit(ctx.db, ctx, 'upload.recognitions', `upload:${report.uploadId}`, {
    company: companyId,
    filename: file.filename,
    outcome: report.outcome,
    ...(report.outcome === 'accepted' ? { counts: report.counts } : { errors: report.errors.length }),
  })
  if (report.outcome === 'rejected') throw rejected(report)
  return accepted(report)
}
