import { insertPlaces, json, type PlaceRow, type PlaceStatus } from '@stagebrug/db'
import type { PlaceCompetence, PlaceKind } from '@stagebrug/matching-core'
import { sql } from 'kysely'
import { AppError, notFound } from '../errors.js'
import { postcodesOfRegion, programmeExists } from '../lookups/reference.js'
import { openPlacesFor, ownPlaces } from '../scope/visible.js'
import { audit, type DataCtx, iso } from './context.js'
import { afterCursor, type Keyset, keysetOrder, type Page, type PageRequest, toPage } from './page.js'

/** A place as a company registers it through the API (JSON); the file upload uses the uniform columns. */
export interface PlaceFields {
  readonly externalId?: string | null | undefined
  readonly kind: PlaceKind
  readonly postcode: string
  readonly establishmentNumber?: string | null | undefined
  readonly programmes: readonly number[]
  readonly competences?: readonly { readonly id: number; readonly weight: number }[] | undefined
  readonly capacity: number
  readonly period: { readonly start: string; readonly end: string }
  readonly hours: { readonly start: string; readonly end: string; readonly shiftWork?: boolean | undefined }
  readonly minimumAge?: number | undefined
  readonly needsDrivingLicence?: boolean | undefined
  readonly inclusive?: boolean | undefined
  readonly sector: string
}

export interface PlaceFilter extends PageRequest {
  readonly status?: PlaceStatus | undefined
  readonly programmeId?: number | undefined
  readonly kind?: PlaceKind | undefined
  readonly region?: string | undefined
}

const KEYSET: Keyset = { key: sql<string>`coalesce(pl.external_id, '') || ' ' || pl.sector`, id: 'pl.id' }

export function placeView(r: PlaceRow & { municipality?: string | null }) {
  return {
    id: r.id,
    companyId: r.company_id,
    externalId: r.external_id,
    status: r.status,
    kind: r.kind,
    postcode: r.establishment_postcode,
    municipality: r.municipality ?? null,
    establishmentNumber: r.establishment_number,
    programmes: r.programmes,
    competences: r.competences,
    capacity: r.capacity,
    period: { start: r.period_start, end: r.period_end },
    hours: { start: r.hours_start, end: r.hours_end, shiftWork: r.shift_work },
    minimumAge: r.minimum_age,
    needsDrivingLicence: r.needs_driving_licence,
    inclusive: r.inclusive,
    sector: r.sector,
    updatedAt: iso(r.updated_at)!,
  }
}
export type PlaceView = ReturnType<typeof placeView>

function assertFields(f: { readonly [K in keyof PlaceFields]?: PlaceFields[K] | undefined }): void {
  const unknown = (f.programmes ?? []).filter((id) => !programmeExists(id))
  if (unknown.length > 0)
    throw new AppError('INVALID_REQUEST', `Onbekende studierichting(en) / Unknown programme(s): ${unknown.join(', ')}`)
  if (f.period && f.period.end < f.period.start)
    throw new AppError('INVALID_REQUEST', 'De periode eindigt voor ze begint / The period ends before it starts')
}

/** A company's own places. */
export async function listOwnPlaces(ctx: DataCtx, f: PlaceFilter): Promise<Page<PlaceView>> {
  return listPlaces(ctx, ownPlaces(ctx.db, ctx.caller.scope), f)
}

/** The open places a school can pin or move its students to (no contact details). */
export async function listOpenPlaces(ctx: DataCtx, f: PlaceFilter): Promise<Page<PlaceView>> {
  return listPlaces(ctx, openPlacesFor(ctx.db, ctx.caller.scope), f)
}

async function listPlaces(
  ctx: DataCtx,
  base: ReturnType<typeof ownPlaces> | ReturnType<typeof openPlacesFor>,
  f: PlaceFilter,
): Promise<Page<PlaceView>> {
  let q = base
    .innerJoin('postcode as pc', 'pc.postcode', 'pl.establishment_postcode')
    .selectAll('pl')
    .select(['pc.municipality', KEYSET.key.as('sort_key')])
    .where(afterCursor(ctx, KEYSET, f.cursor))
  if (f.status) q = q.where('pl.status', '=', f.status)
  if (f.kind) q = q.where('pl.kind', '=', f.kind)
  if (f.programmeId !== undefined) q = q.where(sql<boolean>`${f.programmeId} = any(pl.programmes)`)
  if (f.region) {
    const pcs = postcodesOfRegion(f.region)
    q = pcs.length === 0 ? q.where(sql<boolean>`false`) : q.where('pl.establishment_postcode', 'in', [...pcs])
  }
  const [k1, k2] = keysetOrder(KEYSET)
  const rows = await q.orderBy(k1).orderBy(k2).limit(f.limit + 1).execute()
  return toPage(ctx, rows, f.limit, (r) => r.id, placeView)
}

export async function getOwnPlace(ctx: DataCtx, id: string): Promise<PlaceView> {
  const row = await ownPlaces(ctx.db, ctx.caller.scope)
    .innerJoin('postcode as pc', 'pc.postcode', 'pl.establishment_postcode')
    .selectAll('pl')
    .select('pc.municipality')
    .where('pl.id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound('Plaats / Place')
  return placeView(row)
}

const capacityBelowAccepted = (n: number) =>
  new AppError(
    'CONFLICT',
    `Voor deze plaats ${n === 1 ? 'is al 1 leerling' : `zijn al ${n} leerlingen`} aanvaard; de capaciteit kan niet lager dan ${n} / ${n === 1 ? '1 student is' : `${n} students are`} already accepted for this place; the capacity cannot go below ${n}`,
    { accepted: n },
  )

/** Registers a place of the caller's company. */
export async function createPlace(ctx: DataCtx, f: PlaceFields): Promise<PlaceView> {
  const scope = ctx.caller.scope
  if (scope.role !== 'company') throw new AppError('FORBIDDEN', 'Alleen bedrijven / Companies only')
  assertFields(f)
  const id = await ctx.db.transaction().execute(async (trx) => {
    const [placeId] = await insertPlaces(trx, [
      {
        companyId: scope.companyId,
        externalId: f.externalId ?? null,
        establishmentPostcode: f.postcode,
        establishmentNumber: f.establishmentNumber ?? null,
        kind: f.kind,
        programmes: f.programmes,
        competences: (f.competences ?? []) as readonly PlaceCompetence[],
        capacity: f.capacity,
        period: f.period,
        hours: { start: f.hours.start, end: f.hours.end, shiftWork: f.hours.shiftWork ?? false },
        minimumAge: f.minimumAge ?? 0,
        needsDrivingLicence: f.needsDrivingLicence ?? false,
        inclusive: f.inclusive ?? false,
        sector: f.sector,
      },
    ])
    await audit(trx, ctx, 'place.create', `place:${placeId}`, { externalId: f.externalId ?? null })
    return placeId!
  })
  return getOwnPlace(ctx, id)
}

/**
 * Changes some fields of one of the company's places; `status` closes or reopens it. The capacity
 * cannot go below the pupils accepted there ("accepted at a place ≤ capacity"): the place row is
 * locked first, FOR NO KEY UPDATE as in `lockForChange`, and an accept counts its seats under that
 * same lock, so a capacity change and accepts at once are serialised. An accept takes the student's
 * lock before the place's; this takes only the place's, so the two orders cannot form a circle.
 */
export async function updatePlace(
  ctx: DataCtx,
  id: string,
  f: { readonly [K in keyof PlaceFields]?: PlaceFields[K] | undefined } & { readonly status?: PlaceStatus | undefined },
): Promise<PlaceView> {
  assertFields(f)
  await ctx.db.transaction().execute(async (trx) => {
    const found = await ownPlaces(trx, ctx.caller.scope)
      .selectAll('pl')
      .where('pl.id', '=', id)
      .forNoKeyUpdate()
      .executeTakeFirst()
    if (!found) throw notFound('Plaats / Place')
    if (f.capacity !== undefined && f.capacity < found.capacity) {
      const { n } = await trx
        .selectFrom('proposal')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('place_id', '=', id)
        .where('status', '=', 'accepted')
        .executeTakeFirstOrThrow()
      const accepted = Number(n)
      if (f.capacity < accepted) throw capacityBelowAccepted(accepted)
    }
    const set = {
      ...(f.externalId !== undefined ? { external_id: f.externalId } : {}),
      ...(f.kind !== undefined ? { kind: f.kind } : {}),
      ...(f.postcode !== undefined ? { establishment_postcode: f.postcode } : {}),
      ...(f.establishmentNumber !== undefined ? { establishment_number: f.establishmentNumber } : {}),
      ...(f.programmes !== undefined ? { programmes: [...f.programmes] } : {}),
      ...(f.competences !== undefined ? { competences: json([...f.competences] as PlaceCompetence[]) } : {}),
      ...(f.capacity !== undefined ? { capacity: f.capacity } : {}),
      ...(f.period !== undefined ? { period_start: f.period.start, period_end: f.period.end } : {}),
      ...(f.hours !== undefined
        ? { hours_start: f.hours.start, hours_end: f.hours.end, shift_work: f.hours.shiftWork ?? found.shift_work }
        : {}),
      ...(f.minimumAge !== undefined ? { minimum_age: f.minimumAge } : {}),
      ...(f.needsDrivingLicence !== undefined ? { needs_driving_licence: f.needsDrivingLicence } : {}),
      ...(f.inclusive !== undefined ? { inclusive: f.inclusive } : {}),
      ...(f.sector !== undefined ? { sector: f.sector } : {}),
      ...(f.status !== undefined ? { status: f.status } : {}),
    }
    if (Object.keys(set).length === 0) return
    await trx
      .updateTable('place')
      .set({ ...set, updated_at: ctx.now() })
      .where('id', '=', id)
      .execute()
    const action = f.status === 'closed' && found.status !== 'closed' ? 'place.close' : 'place.update'
    await audit(trx, ctx, action, `place:${id}`, { fields: Object.keys(set) })
  })
  return getOwnPlace(ctx, id)
}
