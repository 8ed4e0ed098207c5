import type { Database, StudentInput } from '@stagebrug/db'
import { upsertStudents } from '@stagebrug/db'
import { parseStudentList, type RowError, type StudentRow } from '@stagebrug/uploads'
import type { Kysely } from 'kysely'
import { ImportError } from './errors.js'
import { mappingRequestError, recallMapping, rememberMapping } from './mapping-memory.js'
import { parseOrReject } from './parse-or-reject.js'
import { recordUpload, type UploadMeta } from './record-upload.js'
import type { ImportReport } from './report.js'
import { resolveWishes } from './resolve-wishes.js'
import { lockSchoolImports } from './school-lock.js'

export interface StudentImportRequest extends UploadMeta {
  /** Instellingsnummer of the school the list belongs to. */
  readonly school: string
  /** Used when a row states no maximum travel distance. */
  readonly defaultMaxTravelKm?: number
}

/**
 * Imports a school's placement list, all or nothing: parse and validate every row, then upsert
 * the students in one transaction (students missing from the list are withdrawn, never deleted —
 * only those of a track the list holds: an internship list leaves the job seekers as they are).
 * Imports of one school wait for each other (`lockSchoolImports`): the last list wins whole.
 * A rejected file leaves the students untouched and is recorded with its row errors.
 */
export async function importStudentList(
  db: Kysely<Database>,
  req: StudentImportRequest,
): Promise<ImportReport> {
  const school = await db
    .selectFrom('school')
    .select('id')
    .where('instellingsnummer', '=', req.school)
    .executeTakeFirst()
  if (!school) {
    throw new ImportError(
      'school_not_found',
      `School met instellingsnummer ${req.school} bestaat niet; voeg ze eerst toe.`,
      `No school with institution number ${req.school}; add it first.`,
    )
  }
  const outcome = await parseOrReject(
    db,
    req,
    { kind: 'students', schoolId: school.id },
    () =>
      mappingRequestError(
        parseStudentList(req.bytes, req.filename, {
          ...req.limits,
          schoolId: req.school,
          mapping: req.mapping,
          recallMapping: recallMapping(db, school.id, 'students'),
        }),
      ),
    (rows) => otherSchoolRows(rows, req.school),
  )
  if ('report' in outcome) return outcome.report
  const { parsed, mapping, parseMs } = outcome
  const t0 = performance.now()
  const wishColumn = mapping.find((m) => m.field === 'wishes')?.column ?? 'wensen'
  const resolved = await resolveWishes(db, parsed.rows, wishColumn)
  const inputs = parsed.rows.map((r, i) => ({
    ...studentRowToInput(r, req.defaultMaxTravelKm ?? 20),
    wishes: resolved.wishes[i] ?? [],
  }))
  const warnings = [...parsed.warnings, ...resolved.warnings]
  const { uploadId, counts } = await db.transaction().execute(async (trx) => {
    // First thing: one import of this school's list at a time, so the last list wins whole.
    await lockSchoolImports(trx, school.id)
    const counts = { ...(await upsertStudents(trx, school.id, inputs)) }
    const uploadId = await recordUpload(trx, req, 'students', school.id, { accepted: true, counts })
    await rememberMapping(trx, school.id, 'students', parsed.mapping.signature, mapping)
    return { uploadId, counts }
  })
  const timings = { parseMs, storeMs: Math.round(performance.now() - t0) }
  return { outcome: 'accepted', uploadId, counts, mapping, warnings, timings }
}

/** Rows that name another school than the one uploading are refused, never moved. */
function otherSchoolRows(rows: readonly StudentRow[], school: string): RowError[] {
  return rows
    .filter((r) => r.schoolId !== school)
    .map((r) => ({
      row: r.row,
      column: 'instellingsnummer',
      value: r.schoolId,
      message: `Deze leerling hoort bij school ${r.schoolId}, niet bij ${school} / This pupil belongs to school ${r.schoolId}, not ${school}`,
    }))
}

function studentRowToInput(r: StudentRow, defaultMaxTravelKm: number): StudentInput {
  return {
    externalId: r.externalId,
    firstName: r.firstName,
    lastName: r.lastName,
    email: r.email,
    birthDate: r.birthDate,
    programmeId: r.programme,
    grade: r.grade,
    class: r.className,
    homePostcode: r.home.postcode,
    competences: r.competences,
    availability: r.availability,
    maxTravelKm: r.maxTravelKm ?? defaultMaxTravelKm,
    seeks: r.seeks,
    workReadiness: r.workReadiness,
    priority: r.priority,
    needsInclusive: r.needsInclusive,
    abroad: r.abroad,
    drivingLicence: r.drivingLicence,
    // Issue 15: what the rules, the scores and the agreement read.
    interests: r.interests,
    firstTwoYearsDone: r.firstTwoYearsDone,
    travelFrom: r.travelFrom,
    address: { street: r.street, houseNumber: r.houseNumber, box: r.box, municipality: r.municipality },
    guardian: { name: r.guardianName, phone: r.guardianPhone, email: r.guardianEmail },
    dutchLevel: r.dutchLevel,
  }
}
