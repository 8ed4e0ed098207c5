import type { Database } from '@stagebrug/db'
import { addPlaceMentors, setPlaceMentors, upsertMentors } from '@stagebrug/db'
import { type MentorRow, parseMentors, type RowError } from '@stagebrug/uploads'
import type { Kysely, Transaction } from 'kysely'
import { parseOrReject } from './parse-or-reject.js'
import { recordUpload, type UploadMeta } from './record-upload.js'
import type { ImportReport } from './report.js'

export interface MentorImportRequest extends UploadMeta {
  /** Only rows of this company (KBO, 10 digits) are accepted: a company key uploads its own mentors. */
  readonly onlyCompany?: string
  /** `YYYY-MM-DD` that judges birth dates in the future; default today in Brussels. */
  readonly today?: string
}

const brusselsToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date())

/**
 * Imports a mentor file, all or nothing: every row valid, its company registered (and the caller's
 * own when `onlyCompany` is set), every plaatscode one of that company's places; then, in one
 * transaction, the mentors are created or updated by their key (e-mail, else name), and each place
 * the file names gets exactly the mentors whose rows name it. Places the file does not name keep
 * their mentors, and a row without plaatscodes only updates the mentor.
 */
export async function importMentors(db: Kysely<Database>, req: MentorImportRequest): Promise<ImportReport> {
  const today = req.today ?? brusselsToday()
  const outcome = await parseOrReject(db, req, { kind: 'mentors', schoolId: null }, () =>
    parseMentors(req.bytes, req.filename, { ...req.limits, today }),
  )
  if ('report' in outcome) return outcome.report
  const { parsed, mapping, parseMs } = outcome
  const rows = parsed.rows
  const t0 = performance.now()
  const result = await db.transaction().execute(async (trx) => {
    const known = await companiesAndPlaces(trx, rows)
    const errors = rowErrors(rows, known, req.onlyCompany)
    if (errors.length > 0) return { errors }
    const companyOf = (r: MentorRow) => known.get(r.companyNumber)!
    const { created, updated, unchanged, ids } = await upsertMentors(
      trx,
      rows.map((r) => ({
        companyId: companyOf(r).id,
        name: r.name,
        function: r.function,
        email: r.email,
        phone: r.phone,
        birthDate: r.birthDate,
        declaredAtLeast25: r.declaredAtLeast25,
        ageWaiver23: r.ageWaiver23,
        yearsExperience: r.yearsExperience,
        trainingCompleted: r.trainingCompleted,
        trainingDeadline: r.trainingDeadline,
        extract5962CheckedOn: r.extract5962CheckedOn,
      })),
    )
    // The file is the truth for the places it names: their mentors become the rows naming them.
    const named = new Map<string, { companyId: string; mentorIds: string[] }>()
    for (const [i, r] of rows.entries()) {
      const company = companyOf(r)
      for (const code of r.placeCodes) {
        const placeId = company.places.get(code)!
        const entry = named.get(placeId) ?? { companyId: company.id, mentorIds: [] }
        entry.mentorIds.push(ids[i]!)
        named.set(placeId, entry)
      }
    }
    let links = 0
    for (const [placeId, { companyId, mentorIds }] of named) {
      await setPlaceMentors(trx, companyId, placeId, mentorIds)
      links += new Set(mentorIds).size
    }
    const counts = { mentors: rows.length, created, updated, unchanged, links }
    const uploadId = await recordUpload(trx, req, 'mentors', null, { accepted: true, counts })
    return { uploadId, counts }
  })
  if ('errors' in result) {
    const uploadId = await recordUpload(db, req, 'mentors', null, { accepted: false, errors: result.errors })
    return { outcome: 'rejected', uploadId, errors: result.errors, mapping, warnings: parsed.warnings }
  }
  const timings = { parseMs, storeMs: Math.round(performance.now() - t0) }
  return {
    outcome: 'accepted',
    uploadId: result.uploadId,
    counts: result.counts,
    mapping,
    warnings: parsed.warnings,
    timings,
  }
}

type Known = Map<string, { readonly id: string; readonly places: ReadonlyMap<string, string> }>

/** The file's companies by KBO number, each with its places by plaatscode. */
async function companiesAndPlaces(trx: Transaction<Database>, rows: readonly MentorRow[]): Promise<Known> {
  const numbers = [...new Set(rows.map((r) => r.companyNumber))]
  const found = await trx
    .selectFrom('company as c')
    .leftJoin('place as p', (j) => j.onRef('p.company_id', '=', 'c.id').on('p.external_id', 'is not', null))
    .select(['c.id', 'c.kbo_number', 'p.id as place_id', 'p.external_id'])
    .where('c.kbo_number', 'in', numbers)
    .execute()
  const known: Known = new Map()
  for (const f of found) {
    let company = known.get(f.kbo_number)
    if (company === undefined) {
      company = { id: f.id, places: new Map() }
      known.set(f.kbo_number, company)
    }
    if (f.place_id !== null && f.external_id !== null)
      (company.places as Map<string, string>).set(f.external_id, f.place_id)
  }
  return known
}

function rowErrors(rows: readonly MentorRow[], known: Known, onlyCompany: string | undefined): RowError[] {
  const errors: RowError[] = []
  for (const r of rows) {
    if (onlyCompany !== undefined && r.companyNumber !== onlyCompany) {
      errors.push({
        row: r.row,
        column: 'ondernemingsnummer',
        value: r.companyNumber,
        message: `Deze sleutel hoort bij onderneming ${onlyCompany}, niet ${r.companyNumber} / This key belongs to company ${onlyCompany}`,
      })
      continue
    }
    const company = known.get(r.companyNumber)
    if (company === undefined) {
      errors.push({
        row: r.row,
        column: 'ondernemingsnummer',
        value: r.companyNumber,
        message: `Onderneming ${r.companyNumber} is niet geregistreerd; registreer eerst haar plaatsen / Company ${r.companyNumber} is not registered; register its places first`,
      })
      continue
    }
    for (const code of r.placeCodes) {
      if (!company.places.has(code))
        errors.push({
          row: r.row,
          column: 'plaatscodes',
          value: code,
          message: `Plaatscode '${code}' is geen plaats van onderneming ${r.companyNumber} / Place code '${code}' is not a place of company ${r.companyNumber}`,
        })
    }
  }
  return errors
}

/**
 * The mentor named in a place registration (mentor naam / functie / e-mail): created or updated by
 * its key with only those fields, and linked to the place (existing links stay). So the place file
 * and the mentor file fill the same mentor table. Needs the place import's transaction.
 */
export async function linkPlaceFileMentors(
  trx: Transaction<Database>,
  named: readonly {
    readonly companyId: string
    readonly placeId: string
    readonly name: string | null
    readonly function: string | null
    readonly email: string | null
  }[],
): Promise<void> {
  const withName = named.filter((n): n is typeof n & { name: string } => n.name !== null)
  if (withName.length === 0) return
  const { ids } = await upsertMentors(
    trx,
    withName.map((n) => ({
      companyId: n.companyId,
      name: n.name,
      ...(n.function === null ? {} : { function: n.function }),
      ...(n.email === null ? {} : { email: n.email }),
    })),
  )
  await addPlaceMentors(
    trx,
    withName.map((n, i) => ({ placeId: n.placeId, mentorId: ids[i]!, companyId: n.companyId })),
  )
}
