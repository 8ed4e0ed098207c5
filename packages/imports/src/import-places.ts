import type { Database, PlaceInput } from '@stagebrug/db'
import { insertPlaces, upsertCompany } from '@stagebrug/db'
import { type PlaceRow, parsePlaceRegistration } from '@stagebrug/uploads'
import type { Kysely } from 'kysely'
import { parseOrReject } from './parse-or-reject.js'
import { recordUpload, type UploadMeta } from './record-upload.js'
import type { ImportReport } from './report.js'

/**
 * Imports a company's place registration, all or nothing: every row valid, then the companies
 * (by KBO number) and their places in one transaction. Each accepted file adds its places;
 * updating or closing a registered place goes through the API (issue 5).
 */
export async function importPlaceRegistration(db: Kysely<Database>, req: UploadMeta): Promise<ImportReport> {
  const outcome = await parseOrReject(db, req, { kind: 'places', schoolId: null }, () =>
    parsePlaceRegistration(req.bytes, req.filename),
  )
  if ('report' in outcome) return outcome.report
  const { parsed, mapping } = outcome
  const rows = parsed.rows
  return db.transaction().execute(async (trx) => {
    const companyIds = new Map<string, string>()
    for (const r of rows) {
      if (companyIds.has(r.companyNumber)) continue
      const id = await upsertCompany(trx, {
        kboNumber: r.companyNumber,
        name: r.companyName,
        contactName: r.contactName,
        contactEmail: r.contactEmail,
        contactPhone: r.contactPhone,
      })
      companyIds.set(r.companyNumber, id)
    }
    await insertPlaces(
      trx,
      rows.map((r) => placeRowToInput(r, companyIds.get(r.companyNumber)!)),
    )
    const counts = {
      companies: companyIds.size,
      places: rows.length,
      seats: rows.reduce((t, r) => t + r.capacity, 0),
    }
    const uploadId = await recordUpload(trx, req, 'places', null, { accepted: true, counts })
    return { outcome: 'accepted', uploadId, counts, mapping, warnings: parsed.warnings }
  })
}

function placeRowToInput(r: PlaceRow, companyId: string): PlaceInput {
  return {
    companyId,
    establishmentPostcode: r.establishment.postcode,
    establishmentNumber: r.establishmentNumber,
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
  }
}
