import type { Database, PlaceInput } from '@stagebrug/db'
import { upsertCompanies, upsertPlaces } from '@stagebrug/db'
import { type PlaceRow, parsePlaceRegistration, type RowError } from '@stagebrug/uploads'
import { type Kysely, sql, type Transaction } from 'kysely'
import { linkPlaceFileMentors } from './import-mentors.js'
import { mappingRequestError } from './mapping-memory.js'
import { parseOrReject } from './parse-or-reject.js'
import { recordUpload, type UploadMeta } from './record-upload.js'
import type { ImportReport } from './report.js'

/**
 * Imports a company's place registration, all or nothing: every row valid, then the companies
 * (by KBO number) and their places in one transaction. A place with a `plaatscode` is upserted by
 * (company, plaatscode): created, updated, or unchanged when the registered columns are the same, so
 * re-uploading the same file changes nothing. A place without a code is created on every upload.
 * Places missing from the file stay as they are; closing a place goes through the API (issue 5).
 */
export async function importPlaceRegistration(db: Kysely<Database>, req: UploadMeta): Promise<ImportReport> {
  const outcome = await parseOrReject(db, req, { kind: 'places', schoolId: null }, () =>
    mappingRequestError(
      parsePlaceRegistration(req.bytes, req.filename, { ...req.limits, mapping: req.mapping }),
    ),
  )
  if ('report' in outcome) return outcome.report
  const { parsed, mapping, parseMs } = outcome
  const rows = parsed.rows
  const t0 = performance.now()
  let stored: { uploadId: string; counts: Record<string, number> }
  try {
    stored = await db.transaction().execute(async (trx) => {
      const companyIds = await upsertCompanies(
        trx,
        rows.map((r) => ({
          kboNumber: r.companyNumber,
          name: r.companyName,
          contactName: r.contactName,
          contactEmail: r.contactEmail,
          contactPhone: r.contactPhone,
          seat: r.seat,
        })),
      )
      const below = await seatsBelowAccepted(trx, rows, companyIds)
      if (below.length > 0) throw new RefusedInTransaction(below)
      const { created, updated, unchanged, ids } = await upsertPlaces(
        trx,
        rows.map((r) => placeRowToInput(r, companyIds.get(r.companyNumber)!)),
      )
      // The mentor columns fill the mentor table (migration 0018), not the place.
      await linkPlaceFileMentors(
        trx,
        rows.map((r, i) => ({
          companyId: companyIds.get(r.companyNumber)!,
          placeId: ids[i]!,
          name: r.mentorName,
          function: r.mentorFunction,
          email: r.mentorEmail,
        })),
      )
      const counts = {
        companies: companyIds.size,
        places: rows.length,
        created,
        updated,
        unchanged,
        seats: rows.reduce((t, r) => t + r.capacity, 0),
      }
      const uploadId = await recordUpload(trx, req, 'places', null, { accepted: true, counts })
      return { uploadId, counts }
    })
  } catch (error) {
    if (!(error instanceof RefusedInTransaction)) throw error
    // Nothing of the file was stored (the transaction rolled back); the refusal is recorded as any other.
    const uploadId = await recordUpload(db, req, 'places', null, { accepted: false, errors: error.errors })
    return { outcome: 'rejected', uploadId, errors: error.errors, mapping, warnings: parsed.warnings }
  }
  const { uploadId, counts } = stored
  const timings = { parseMs, storeMs: Math.round(performance.now() - t0) }
  return { outcome: 'accepted', uploadId, counts, mapping, warnings: parsed.warnings, timings }
}

function placeRowToInput(r: PlaceRow, companyId: string): PlaceInput {
  return {
    companyId,
    externalId: r.externalId,
    establishmentPostcode: r.establishment?.postcode ?? null,
    establishmentNumber: r.establishmentNumber,
    country: r.country,
    foreignPostcode: r.foreignPostcode,
    contactName: r.contactName,
    contactEmail: r.contactEmail,
    contactPhone: r.contactPhone,
    kind: r.kind,
    programmes: r.programmes,
    competences: r.competences,
    capacity: r.capacity,
    period: r.period,
    hours: r.hours,
    minimumAge: r.minimumAge,
    needsDrivingLicence: r.needsDrivingLicence,
    inclusive: r.inclusive,
    sector: r.sector,
    establishmentStreet: r.street,
    establishmentHouseNumber: r.houseNumber,
    establishmentMunicipality: r.municipality,
    workstation: r.workstation,
    activities: r.activities,
    risks: r.risks,
    increasedRisk: r.increasedRisk,
    protectiveMeasures: r.protectiveMeasures,
    healthSurveillance: r.healthSurveillance,
    healthSurveillanceType: r.healthSurveillanceType,
  }
}

/** Row errors found inside the import's transaction: thrown to roll it back, then recorded. */
class RefusedInTransaction extends Error {
  constructor(readonly errors: RowError[]) {
    super('refused')
  }
}

/**
 * Rows that would set a registered place's capacity below the pupils already accepted there. The
 * places are locked as an accept locks them (FOR NO KEY UPDATE), so no accept can slip in between
 * this count and the update: "accepted at a place ≤ capacity" holds for the file as for PATCH.
 */
async function seatsBelowAccepted(
  trx: Transaction<Database>,
  rows: readonly PlaceRow[],
  companyIds: ReadonlyMap<string, string>,
): Promise<RowError[]> {
  const coded = rows.filter((r) => r.externalId !== null)
  if (coded.length === 0) return []
  const keys = coded.map((r) => sql`(${companyIds.get(r.companyNumber)!}::uuid, ${r.externalId}::text)`)
  const existing = await trx
    .selectFrom('place as pl')
    .select(['pl.id', 'pl.company_id', 'pl.external_id'])
    .where(sql<boolean>`(pl.company_id, pl.external_id) in (${sql.join(keys)})`)
    .orderBy('pl.id')
    .forNoKeyUpdate()
    .execute()
  if (existing.length === 0) return []
  const accepted = await trx
    .selectFrom('proposal')
    .select(['place_id', sql<number>`count(*)::int`.as('n')])
    .where('status', '=', 'accepted')
    .where(
      'place_id',
      'in',
      existing.map((p) => p.id),
    )
    .groupBy('place_id')
    .execute()
  const acceptedAt = new Map(accepted.map((a) => [a.place_id, Number(a.n)]))
  const placeOf = new Map(existing.map((p) => [`${p.company_id}:${p.external_id}`, p.id]))
  const errors: RowError[] = []
  for (const r of coded) {
    const id = placeOf.get(`${companyIds.get(r.companyNumber)}:${r.externalId}`)
    const n = id === undefined ? 0 : (acceptedAt.get(id) ?? 0)
    if (r.capacity < n)
      errors.push({
        row: r.row,
        column: 'aantal plaatsen',
        value: String(r.capacity),
        message:
          `Voor deze plaats zijn al ${n} leerlingen aanvaard; de capaciteit kan niet lager dan ${n} / ` +
          `${n} students are already accepted for this place; the capacity cannot go below ${n}`,
      })
  }
  return errors
}
