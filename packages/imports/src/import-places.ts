import type { Database, PlaceInput } from '@stagebrug/db'
import { upsertCompanies, upsertPlaces } from '@stagebrug/db'
import { type PlaceRow, parsePlaceRegistration } from '@stagebrug/uploads'
import type { Kysely } from 'kysely'
import { linkPlaceFileMentors } from './import-mentors.js'
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
    parsePlaceRegistration(req.bytes, req.filename, req.limits),
  )
  if ('report' in outcome) return outcome.report
  const { parsed, mapping, parseMs } = outcome
  const rows = parsed.rows
  const t0 = performance.now()
  const { uploadId, counts } = await db.transaction().execute(async (trx) => {
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
