import type { PlaceCompetence, ProgrammeId } from '@stagebrug/matching-core'
import { PLACE_FIELDS } from '../headers/fields.js'
import { boolean, cell, email, establishment, integer, kbo, Problem, text, time } from '../validate/cells.js'
import { asProgrammeId, type Lookups, type ParseContext, toLocation } from './context.js'
import { type RowInput, runUpload, type UploadResult } from './pipeline.js'
import type { PlaceRow } from './place-row.js'
import { readPlaceSite, readSeat } from './place-site.js'
import { riskList } from './risks.js'
import { labelOf, placeKind, readPeriod } from './shared-cells.js'

const F = PLACE_FIELDS
const L = (key: string) => labelOf(F, key)
const optional = (key: string) => cell(L(key), false, text)

// Built once: a zod schema per row and cell would cost seconds on a large registration.
const C = {
  externalId: optional('externalId'),
  companyNumber: cell(L('companyNumber'), true, kbo(L('companyNumber'))),
  companyName: cell(L('companyName'), true, text),
  establishmentNumber: cell(L('establishmentNumber'), false, establishment(L('establishmentNumber'))),
  kind: cell(L('kind'), true, placeKind(L('kind'))),
  capacity: cell(L('capacity'), true, integer(L('capacity'), 1, 1000)),
  startTime: cell(L('startTime'), true, time(L('startTime'))),
  endTime: cell(L('endTime'), true, time(L('endTime'))),
  shiftWork: cell(L('shiftWork'), false, boolean(L('shiftWork'))),
  contactEmail: cell(L('contactEmail'), true, email(L('contactEmail'))),
  street: optional('street'),
  houseNumber: optional('houseNumber'),
  minimumAge: cell(L('minimumAge'), false, integer(L('minimumAge'), 15, 25)),
  needsDrivingLicence: cell(L('needsDrivingLicence'), false, boolean(L('needsDrivingLicence'))),
  inclusive: cell(L('inclusive'), false, boolean(L('inclusive'))),
  sector: optional('sector'),
  contactName: optional('contactName'),
  contactPhone: optional('contactPhone'),
  workstation: optional('workstation'),
  activities: optional('activities'),
  risks: cell(L('risks'), false, riskList),
  increasedRisk: cell(L('increasedRisk'), false, boolean(L('increasedRisk'))),
  protectiveMeasures: optional('protectiveMeasures'),
  healthSurveillance: cell(L('healthSurveillance'), false, boolean(L('healthSurveillance'))),
  healthSurveillanceType: optional('healthSurveillanceType'),
  mentorName: optional('mentorName'),
  mentorFunction: optional('mentorFunction'),
  mentorEmail: cell(L('mentorEmail'), false, email(L('mentorEmail'))),
}

/** What the documents need (werkpostfiche, agreement): all optional; null when not registered. */
function readDocumentFields(report: RowInput['report']) {
  const healthSurveillanceType = report.read('healthSurveillanceType', C.healthSurveillanceType) ?? null
  let healthSurveillance = report.read('healthSurveillance', C.healthSurveillance) ?? null
  if (healthSurveillanceType !== null) {
    if (healthSurveillance === false) {
      report.fail(
        'healthSurveillanceType',
        'Soort gezondheidstoezicht kan alleen bij gezondheidstoezicht ja',
        'Kind of health surveillance needs health surveillance yes (ja)',
      )
    }
    healthSurveillance = true
  }
  return {
    workstation: report.read('workstation', C.workstation) ?? null,
    activities: report.read('activities', C.activities) ?? null,
    risks: report.read('risks', C.risks) ?? null,
    increasedRisk: report.read('increasedRisk', C.increasedRisk) ?? null,
    protectiveMeasures: report.read('protectiveMeasures', C.protectiveMeasures) ?? null,
    healthSurveillance,
    healthSurveillanceType,
    mentorName: report.read('mentorName', C.mentorName) ?? null,
    mentorFunction: report.read('mentorFunction', C.mentorFunction) ?? null,
    mentorEmail: report.read('mentorEmail', C.mentorEmail) ?? null,
  }
}

function programmesCell(lookups: Lookups) {
  return cell(L('programmes'), true, (v) => {
    const ids: ProgrammeId[] = []
    for (const part of v.split(/[|;\n]+/).map((p) => p.trim())) {
      if (part === '') continue
      const found = lookups.programme(part, undefined)
      if (found instanceof Problem) return found
      if (!ids.includes(asProgrammeId(found))) ids.push(asProgrammeId(found))
    }
    return ids
  })
}

function validatePlace({ report, lookups, warn }: RowInput): PlaceRow | undefined {
  const companyNumber = report.read('companyNumber', C.companyNumber)
  const companyName = report.read('companyName', C.companyName)
  const establishmentNumber = report.read('establishmentNumber', C.establishmentNumber)
  const site = readPlaceSite(report, lookups)
  const seat = readSeat(report, lookups)
  const info = site?.info
  if (info != null && info.region === 'WAL') {
    warn(
      'postcode',
      `Postcode ${info.postcode} ligt in Wallonië; duaal leren is daar niet erkend`,
      `Postcode ${info.postcode} is in Wallonia; dual learning is not recognised there`,
    )
  }
  const kind = report.read('kind', C.kind)
  // Recognitions are per establishment (the recognition file): without its number none can be linked.
  if (kind === 'dual' && establishmentNumber === undefined && report.errors.length === 0)
    warn(
      'establishmentNumber',
      'Duale werkplek zonder vestigingseenheidsnummer: erkenningen kunnen niet gekoppeld worden',
      'Dual workplace without an establishment unit number: recognitions cannot be linked',
    )
  const programmes = report.read(
    'programmes',
    lookups.memo('programmes', () => programmesCell(lookups)),
  )
  const competenceIds = report.read(
    'competences',
    lookups.memo('competences', () => cell(L('competences'), false, (v) => lookups.competenceList(v))),
  )
  const capacity = report.read('capacity', C.capacity)
  const period = readPeriod(report, F)
  const start = report.read('startTime', C.startTime)
  const end = report.read('endTime', C.endTime)
  const shiftWork = report.read('shiftWork', C.shiftWork) ?? false
  const contactEmail = report.read('contactEmail', C.contactEmail)
  const rest = {
    externalId: report.read('externalId', C.externalId) ?? null,
    street: report.read('street', C.street) ?? null,
    houseNumber: report.read('houseNumber', C.houseNumber) ?? null,
    minimumAge: report.read('minimumAge', C.minimumAge) ?? 0,
    needsDrivingLicence: report.read('needsDrivingLicence', C.needsDrivingLicence) ?? false,
    inclusive: report.read('inclusive', C.inclusive) ?? false,
    sector: report.read('sector', C.sector) ?? '',
    contactName: report.read('contactName', C.contactName) ?? null,
    contactPhone: report.read('contactPhone', C.contactPhone) ?? null,
    ...readDocumentFields(report),
  }
  if (
    report.errors.length > 0 ||
    companyNumber === undefined ||
    companyName === undefined ||
    site === undefined ||
    seat === undefined ||
    kind === undefined ||
    programmes === undefined ||
    capacity === undefined ||
    period === undefined ||
    start === undefined ||
    end === undefined ||
    contactEmail === undefined
  ) {
    return undefined
  }
  if (programmes.length === 0)
    return report.fail('programmes', 'Studierichtingen is verplicht', 'Programmes is required')
  const competences: PlaceCompetence[] = (competenceIds ?? []).map((id) => ({ id, weight: 1 }))
  return {
    row: report.row,
    companyNumber,
    companyName,
    establishmentNumber: establishmentNumber ?? null,
    establishment: site.info === null ? null : toLocation(site.info),
    municipality: site.municipality,
    country: site.country,
    foreignPostcode: site.foreignPostcode,
    seat,
    kind,
    programmes,
    competences,
    capacity,
    period,
    hours: { start, end, shiftWork },
    contactEmail,
    ...rest,
  }
}

/**
 * Duplicate places: the same place code of the same company (codes are the company's own, so two
 * companies may both use `1`), or the same company, site, programmes, period and hours.
 */
function placeIdentity(row: PlaceRow) {
  if (row.externalId !== null) {
    return {
      key: `id:${row.companyNumber}:${row.externalId}`,
      field: 'externalId',
      nl: 'Plaatscode',
      en: 'Place code',
      shown: row.externalId,
    }
  }
  const key = [
    row.companyNumber,
    row.establishmentNumber ?? row.establishment?.postcode ?? `${row.country}:${row.municipality}`,
    row.street ?? '',
    row.kind,
    [...row.programmes].sort((a, b) => a - b).join(','),
    row.period.start,
    row.period.end,
    row.hours.start,
    row.hours.end,
  ].join('|')
  return {
    key,
    field: 'companyNumber',
    nl: 'Dezelfde plaats van onderneming',
    en: 'The same place of company',
    shown: row.companyNumber,
  }
}

/**
 * Parses a company's place registration (CSV or XLSX) into validated PlaceRows, all or nothing.
 * Rejects only with UploadError (unreadable file); every other problem is a row error.
 */
export function parsePlaceRegistration(
  bytes: Uint8Array,
  filename: string,
  ctx: ParseContext = {},
): Promise<UploadResult<PlaceRow>> {
  return runUpload(bytes, filename, ctx, {
    kind: 'places',
    validateRow: validatePlace,
    identity: placeIdentity,
  })
}
