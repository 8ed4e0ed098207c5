import {
  type Database,
  deleteMentor,
  getMentor,
  listMentors,
  type MentorInput,
  type MentorWithPlaces,
  setMentorPlaces,
  setPlaceMentors,
  updateMentor,
  upsertMentors,
} from '@stagebrug/db'
import { importMentors } from '@stagebrug/imports'
import type { Transaction } from 'kysely'
import { AppError, notFound } from '../errors.js'
import { actorOf } from '../scope/scope.js'
import { ownMentors, ownPlaces } from '../scope/visible.js'
import { audit, type DataCtx, iso } from './context.js'
import { runImport } from './import-slots.js'
import { type AcceptedUpload, accepted, rejected, type UploadedFile, type UploadLimits } from './uploads.data.js'

/** A mentor as a company declares it through JSON (the mentor file has the same fields). */
export type MentorFields = { readonly [K in keyof Omit<MentorInput, 'companyId'>]?: MentorInput[K] | undefined } & {
  readonly placeIds?: readonly string[] | undefined
}

/** The fields that were given (absent and undefined alike are left as they are). */
const given = (f: Omit<MentorFields, 'placeIds'>) =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Partial<Omit<MentorInput, 'companyId'>>

function companyOf(ctx: DataCtx): string {
  const scope = ctx.caller.scope
  if (scope.role !== 'company') throw new AppError('FORBIDDEN', 'Alleen bedrijven / Companies only')
  return scope.companyId
}

function view(m: MentorWithPlaces) {
  return {
    id: m.id,
    name: m.name,
    function: m.function,
    email: m.email,
    phone: m.phone,
    birthDate: m.birth_date,
    declaredAtLeast25: m.declared_at_least_25,
    ageWaiver23: m.age_waiver_23,
    yearsExperience: m.years_experience,
    trainingCompleted: m.training_completed,
    trainingDeadline: m.training_deadline,
    extract5962CheckedOn: m.extract_5962_checked_on,
    places: m.places.map((p) => ({ ...p })),
    updatedAt: iso(m.updated_at)!,
  }
}
export type MentorView = ReturnType<typeof view>

const invalid = (nl: string, en: string) => new AppError('INVALID_REQUEST', `${nl} / ${en}`)

/** The checks the mentor file makes on a row, on the mentor as it will be stored. */
function check(
  m: {
    birthDate?: string | null | undefined
    declaredAtLeast25?: boolean | undefined
    extract5962CheckedOn?: string | null | undefined
  },
  today: string,
) {
  const birth = m.birthDate ?? null
  if (birth !== null) {
    if (birth > today)
      throw invalid(`Geboortedatum ${birth} ligt in de toekomst`, `Birth date ${birth} is in the future`)
    const age = Math.floor((Number(today.replaceAll('-', '')) - Number(birth.replaceAll('-', ''))) / 10000)
    if (age < 18) throw invalid(`Een mentor moet minstens 18 jaar zijn (geboren ${birth})`, `A mentor must be at least 18 (born ${birth})`)
    if (m.declaredAtLeast25)
      throw invalid(
        'Geef een geboortedatum of "minstens 25 jaar", niet allebei',
        'Give a birth date or "at least 25", not both',
      )
  }
  const checked = m.extract5962CheckedOn ?? null
  if (checked !== null && checked > today)
    throw invalid(`Uittreksel 596.2 gecontroleerd op ${checked} ligt in de toekomst`, `Extract 596.2 checked on ${checked} is in the future`)
}

/** Every id must be one of the caller's places; else 400 naming the first unknown. */
async function ownPlaceIds(trx: Transaction<Database>, ctx: DataCtx, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  const found = await ownPlaces(trx, ctx.caller.scope).select('pl.id').where('pl.id', 'in', unique).execute()
  const known = new Set(found.map((p) => p.id))
  const missing = unique.find((id) => !known.has(id))
  if (missing !== undefined) throw invalid(`Onbekende plaats ${missing}`, `Unknown place ${missing}`)
  return unique
}

/** The caller's mentors, by name, each with their places (a company has a handful, not pages). */
export async function listOwnMentors(ctx: DataCtx): Promise<MentorView[]> {
  return (await listMentors(ctx.db, companyOf(ctx))).map(view)
}

/** The mentors of one of the caller's places (the place page shows what the company registered). */
export async function mentorsOfOwnPlace(ctx: DataCtx, placeId: string): Promise<MentorView[]> {
  return (await listOwnMentors(ctx)).filter((m) => m.places.some((p) => p.id === placeId))
}

async function one(ctx: DataCtx, id: string): Promise<MentorView> {
  const m = await getMentor(ctx.db, companyOf(ctx), id)
  if (!m) throw notFound('Mentor')
  return view(m)
}

/** One of the caller's mentors; 404 outside the scope. */
export const getOwnMentor = one

/**
 * Registers a mentor of the caller's company: created, or updated when the company already has a
 * mentor with that e-mail (else name). `placeIds` (the caller's own places) become the mentor's places.
 */
export async function createMentor(ctx: DataCtx, f: MentorFields & { name: string }): Promise<MentorView> {
  const companyId = companyOf(ctx)
  check(f, ctx.now().toISOString().slice(0, 10))
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { placeIds, ...fields } = f
    const { ids, created } = await upsertMentors(trx, [{ ...given(fields), name: f.name, companyId }])
    const mentorId = ids[0]!
    if (placeIds !== undefined) await setMentorPlaces(trx, companyId, mentorId, await ownPlaceIds(trx, ctx, placeIds))
    await audit(trx, ctx, created ? 'mentor.create' : 'mentor.update', `mentor:${mentorId}`, {
      fields: Object.keys(given(fields)).sort(),
      ...(placeIds === undefined ? {} : { places: placeIds.length }),
    })
    return mentorId
  })
  return one(ctx, id)
}

/** Changes the given fields of one of the caller's mentors; `placeIds` replaces their places. 404 outside the scope. */
export async function patchMentor(ctx: DataCtx, id: string, f: MentorFields): Promise<MentorView> {
  const companyId = companyOf(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const current = await ownMentors(trx, ctx.caller.scope)
      .select(['mt.id', 'mt.birth_date', 'mt.declared_at_least_25', 'mt.extract_5962_checked_on'])
      .where('mt.id', '=', id)
      .forNoKeyUpdate()
      .executeTakeFirst()
    if (!current) throw notFound('Mentor')
    check(
      {
        birthDate: f.birthDate !== undefined ? f.birthDate : current.birth_date,
        declaredAtLeast25: f.declaredAtLeast25 ?? current.declared_at_least_25,
        extract5962CheckedOn: f.extract5962CheckedOn !== undefined ? f.extract5962CheckedOn : current.extract_5962_checked_on,
      },
      ctx.now().toISOString().slice(0, 10),
    )
    const { placeIds, ...fields } = f
    try {
      await updateMentor(trx, companyId, id, given(fields))
    } catch (error) {
      if ((error as { code?: string }).code === '23505')
        throw new AppError('CONFLICT', 'Er is al een mentor met dit e-mailadres / A mentor with this e-mail exists')
      throw error
    }
    if (placeIds !== undefined) await setMentorPlaces(trx, companyId, id, await ownPlaceIds(trx, ctx, placeIds))
    await audit(trx, ctx, 'mentor.update', `mentor:${id}`, {
      fields: Object.keys(given(fields)).sort(),
      ...(placeIds === undefined ? {} : { places: placeIds.length }),
    })
  })
  return one(ctx, id)
}

/** Deletes one of the caller's mentors and their links; 404 outside the scope. */
export async function deleteOwnMentor(ctx: DataCtx, id: string): Promise<void> {
  const companyId = companyOf(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const found = await ownMentors(trx, ctx.caller.scope).select('mt.id').where('mt.id', '=', id).forUpdate().executeTakeFirst()
    if (!found) throw notFound('Mentor')
    await deleteMentor(trx, companyId, id)
    await audit(trx, ctx, 'mentor.delete', `mentor:${id}`, {})
  })
}

/**
 * Makes `mentorIds` (the caller's own mentors) the mentors of one of its places, in the place
 * write's transaction (`mentorIds` on POST/PATCH /company/places). 400 on a mentor it does not have.
 */
export async function linkPlaceMentors(
  trx: Transaction<Database>,
  ctx: DataCtx,
  placeId: string,
  mentorIds: readonly string[],
): Promise<void> {
  const companyId = companyOf(ctx)
  const unique = [...new Set(mentorIds)]
  if (unique.length > 0) {
    const found = await ownMentors(trx, ctx.caller.scope).select('mt.id').where('mt.id', 'in', unique).execute()
    const known = new Set(found.map((m) => m.id))
    const missing = unique.find((m) => !known.has(m))
    if (missing !== undefined) throw invalid(`Onbekende mentor ${missing}`, `Unknown mentor ${missing}`)
  }
  await setPlaceMentors(trx, companyId, placeId, unique)
}

/**
 * Imports a mentor file of the caller's company, all or nothing: every row must carry the company's
 * own KBO number and name only its own plaatscodes (else row errors; nothing stored).
 */
export async function uploadMentors(ctx: DataCtx, file: UploadedFile, limits: UploadLimits): Promise<AcceptedUpload> {
  const companyId = companyOf(ctx)
  const company = await ctx.db.selectFrom('company').select('kbo_number').where('id', '=', companyId).executeTakeFirstOrThrow()
  const report = await runImport(ctx.db, () =>
    importMentors(ctx.db, {
      bytes: file.bytes,
      filename: file.filename,
      uploadedBy: actorOf(ctx.caller),
      limits,
      onlyCompany: company.kbo_number,
      today: ctx.now().toISOString().slice(0, 10),
    }),
  )
  await audit(ctx.db, ctx, 'upload.mentors', `upload:${report.uploadId}`, {
    company: companyId,
    filename: file.filename,
    outcome: report.outcome,
    ...(report.outcome === 'accepted' ? { counts: report.counts } : { errors: report.errors.length }),
  })
  if (report.outcome === 'rejected') throw rejected(report)
  return accepted(report)
}
