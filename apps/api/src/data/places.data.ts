import { insertPlaces, json, type PlaceRow, type PlaceStatus } from '@stagebrug/db'
import type { PlaceCompetence, PlaceKind, WorkplaceRiskCode } from '@stagebrug/matching-core'
import { placeKindWord } from '@stagebrug/uploads'
import { sql } from 'kysely'
import { AppError, notFound } from '../errors.js'
import { postcodesOfRegion, programmeExists } from '../lookups/reference.js'
import { ZPostcode } from '../schemas/common.js'
import { openPlacesFor, ownPlaces } from '../scope/visible.js'
import { audit, type DataCtx, iso } from './context.js'
import { linkPlaceMentors } from './mentors.data.js'
import { afterCursor, type Keyset, keysetOrder, type Page, type PageRequest, toPage } from './page.js'

/**
 * A place as a company registers it through the API (JSON): the same fields, by the same names, as the
 * uniform file's columns (see schemas/places.ts).
 */
export interface PlaceFields {
  readonly externalId?: string | null | undefined
  readonly kind: PlaceKind
  /** Required in Belgium (a Belgian postcode); abroad the postcode as written, when known. */
  readonly postcode?: string | null | undefined
  readonly municipality?: string | null | undefined
  readonly street?: string | null | undefined
  readonly houseNumber?: string | null | undefined
  /** ISO 3166-1 alpha-2; absent, null or BE = in Belgium. */
  readonly country?: string | null | undefined
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
  readonly contactName?: string | null | undefined
  readonly contactEmail?: string | null | undefined
  readonly contactPhone?: string | null | undefined
  readonly workstation?: string | null | undefined
  readonly activities?: string | null | undefined
  readonly risks?: readonly string[] | null | undefined
  readonly increasedRisk?: boolean | null | undefined
  readonly protectiveMeasures?: string | null | undefined
  readonly healthSurveillance?: boolean | null | undefined
  readonly healthSurveillanceType?: string | null | undefined
  /** The place's mentors (the caller's own); replaces them all. */
  readonly mentorIds?: readonly string[] | undefined
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
    kind: placeKindWord(r.kind) as 'stage' | 'duaal' | 'job' | 'aanloopfase',
    postcode: r.establishment_postcode ?? r.foreign_postcode,
    municipality: r.municipality ?? r.establishment_municipality,
    country: r.country,
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

/** A company's own place: everything it registered (the school's view of an open place is `placeView`). */
export function ownPlaceView(r: PlaceRow & { municipality?: string | null }) {
  return {
    ...placeView(r),
    street: r.establishment_street,
    houseNumber: r.establishment_house_number,
    contactName: r.contact_name,
    contactEmail: r.contact_email,
    contactPhone: r.contact_phone,
    workstation: r.workstation,
    activities: r.activities,
    risks: r.risks,
    increasedRisk: r.increased_risk,
    protectiveMeasures: r.protective_measures,
    healthSurveillance: r.health_surveillance,
    healthSurveillanceType: r.health_surveillance_type,
  }
}
export type OwnPlaceView = ReturnType<typeof ownPlaceView>

type SomePlaceFields = { readonly [K in keyof PlaceFields]?: PlaceFields[K] | undefined }

const SURVEILLANCE_TYPE_NEEDS_SURVEILLANCE =
  'Soort gezondheidstoezicht kan alleen bij gezondheidstoezicht ja / Kind of health surveillance needs health surveillance true'

function assertFields(f: SomePlaceFields): void {
  const unknown = (f.programmes ?? []).filter((id) => !programmeExists(id))
  if (unknown.length > 0)
    throw new AppError('INVALID_REQUEST', `Onbekende studierichting(en) / Unknown programme(s): ${unknown.join(', ')}`)
  if (f.period && f.period.end < f.period.start)
    throw new AppError('INVALID_REQUEST', 'De periode eindigt voor ze begint / The period ends before it starts')
  if (f.healthSurveillanceType != null && f.healthSurveillance === false)
    throw new AppError('INVALID_REQUEST', SURVEILLANCE_TYPE_NEEDS_SURVEILLANCE)
}

/**
 * Where the place lies, as the file reads it: in Belgium a Belgian postcode that exists; abroad a
 * country, the city (`municipality`) and the street. Checked on the place as it will be stored (for a
 * PATCH: the stored place with the changes applied).
 */
function siteColumns(f: SomePlaceFields) {
  const country = f.country === 'BE' ? null : (f.country ?? null)
  if (country === null) {
    if (f.postcode == null)
      throw new AppError('INVALID_REQUEST', 'Postcode is verplicht voor een plaats in België / Postcode is required in Belgium')
    if (!ZPostcode.safeParse(f.postcode).success)
      throw new AppError(
        'INVALID_REQUEST',
        `Postcode '${f.postcode}' bestaat niet in België; vul voor een plaats in het buitenland het land in / Postcode '${f.postcode}' does not exist in Belgium; give the country of a place abroad`,
      )
    return { country: null, foreign: false, establishment_postcode: f.postcode, foreign_postcode: null }
  }
  if (f.municipality == null || f.street == null)
    throw new AppError(
      'INVALID_REQUEST',
      'Gemeente (stad) en straat zijn verplicht voor een plaats in het buitenland / Municipality (city) and street are required for a place abroad',
    )
  return { country, foreign: true, establishment_postcode: null, foreign_postcode: f.postcode ?? null }
}

/** The registered columns a request sets, by the file's names (absent = unchanged). */
function registeredColumns(f: SomePlaceFields) {
  const pick = <K extends keyof SomePlaceFields>(key: K, column: string) =>
    f[key] !== undefined ? { [column]: f[key] } : {}
  return {
    ...pick('municipality', 'establishment_municipality'),
    ...pick('street', 'establishment_street'),
    ...pick('houseNumber', 'establishment_house_number'),
    ...pick('contactName', 'contact_name'),
    ...pick('contactEmail', 'contact_email'),
    ...pick('contactPhone', 'contact_phone'),
    ...pick('workstation', 'workstation'),
    ...pick('activities', 'activities'),
    ...(f.risks !== undefined ? { risks: f.risks === null ? null : [...f.risks] } : {}),
    ...pick('increasedRisk', 'increased_risk'),
    ...pick('protectiveMeasures', 'protective_measures'),
    ...pick('healthSurveillance', 'health_surveillance'),
    ...pick('healthSurveillanceType', 'health_surveillance_type'),
  } as Partial<Record<RegisteredColumn, never>>
}
type RegisteredColumn =
  | 'establishment_municipality'
  | 'establishment_street'
  | 'establishment_house_number'
  | 'contact_name'
  | 'contact_email'
  | 'contact_phone'
  | 'workstation'
  | 'activities'
  | 'risks'
  | 'increased_risk'
  | 'protective_measures'
  | 'health_surveillance'
  | 'health_surveillance_type'

/** A company's own places, with everything it registered. */
export async function listOwnPlaces(ctx: DataCtx, f: PlaceFilter): Promise<Page<OwnPlaceView>> {
  return listPlaces(ctx, ownPlaces(ctx.db, ctx.caller.scope), f, ownPlaceView)
}

/** The open places a school can pin or move its students to (no contact details). */
export async function listOpenPlaces(ctx: DataCtx, f: PlaceFilter): Promise<Page<PlaceView>> {
  return listPlaces(ctx, openPlacesFor(ctx.db, ctx.caller.scope), f, placeView)
}

async function listPlaces<V>(
  ctx: DataCtx,
  base: ReturnType<typeof ownPlaces> | ReturnType<typeof openPlacesFor>,
  f: PlaceFilter,
  view: (r: PlaceRow & { municipality: string | null }) => V,
): Promise<Page<V>> {
  let q = base
    .leftJoin('postcode as pc', 'pc.postcode', 'pl.establishment_postcode') // none abroad
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
  return toPage(ctx, rows, f.limit, (r) => r.id, view)
}

export async function getOwnPlace(ctx: DataCtx, id: string): Promise<OwnPlaceView> {
  const row = await ownPlaces(ctx.db, ctx.caller.scope)
    .leftJoin('postcode as pc', 'pc.postcode', 'pl.establishment_postcode') // none abroad
    .selectAll('pl')
    .select('pc.municipality')
    .where('pl.id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound('Plaats / Place')
  return ownPlaceView(row)
}

const capacityBelowAccepted = (n: number) =>
  new AppError(
    'CONFLICT',
    `Voor deze plaats ${n === 1 ? 'is al 1 leerling' : `zijn al ${n} leerlingen`} aanvaard; de capaciteit kan niet lager dan ${n} / ${n === 1 ? '1 student is' : `${n} students are`} already accepted for this place; the capacity cannot go below ${n}`,
    { accepted: n },
  )

/** Registers a place of the caller's company. */
export async function createPlace(ctx: DataCtx, f: PlaceFields): Promise<OwnPlaceView> {
  const scope = ctx.caller.scope
  if (scope.role !== 'company') throw new AppError('FORBIDDEN', 'Alleen bedrijven / Companies only')
  assertFields(f)
  const site = siteColumns(f)
  const id = await ctx.db.transaction().execute(async (trx) => {
    const [placeId] = await insertPlaces(trx, [
      {
        companyId: scope.companyId,
        externalId: f.externalId ?? null,
        establishmentPostcode: site.establishment_postcode,
        country: site.country,
        foreignPostcode: site.foreign_postcode,
        establishmentStreet: f.street ?? null,
        establishmentHouseNumber: f.houseNumber ?? null,
        establishmentMunicipality: f.municipality ?? null,
        contactName: f.contactName ?? null,
        contactEmail: f.contactEmail ?? null,
        contactPhone: f.contactPhone ?? null,
        workstation: f.workstation ?? null,
        activities: f.activities ?? null,
        risks: (f.risks ?? null) as readonly WorkplaceRiskCode[] | null,
        increasedRisk: f.increasedRisk ?? null,
        protectiveMeasures: f.protectiveMeasures ?? null,
        healthSurveillance: f.healthSurveillanceType != null ? true : (f.healthSurveillance ?? null),
        healthSurveillanceType: f.healthSurveillanceType ?? null,
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
    if (f.mentorIds !== undefined) await linkPlaceMentors(trx, ctx, placeId!, f.mentorIds)
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
  f: SomePlaceFields & { readonly status?: PlaceStatus | undefined },
): Promise<OwnPlaceView> {
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
    const moved =
      f.postcode !== undefined || f.country !== undefined || f.municipality !== undefined || f.street !== undefined
    const site = moved
      ? siteColumns({
          country: f.country !== undefined ? f.country : found.country,
          postcode: f.postcode !== undefined ? f.postcode : (found.establishment_postcode ?? found.foreign_postcode),
          municipality: f.municipality !== undefined ? f.municipality : found.establishment_municipality,
          street: f.street !== undefined ? f.street : found.establishment_street,
        })
      : {}
    if (f.healthSurveillanceType != null && f.healthSurveillance === undefined && found.health_surveillance === false)
      throw new AppError('INVALID_REQUEST', SURVEILLANCE_TYPE_NEEDS_SURVEILLANCE)
    const set = {
      ...(f.externalId !== undefined ? { external_id: f.externalId } : {}),
      ...(f.kind !== undefined ? { kind: f.kind } : {}),
      ...site,
      ...registeredColumns(f),
      ...(f.healthSurveillanceType != null ? { health_surveillance: true } : {}),
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
    if (f.mentorIds !== undefined) {
      await linkPlaceMentors(trx, ctx, id, f.mentorIds)
      await audit(trx, ctx, 'place.mentors', `place:${id}`, { mentors: f.mentorIds.length })
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
