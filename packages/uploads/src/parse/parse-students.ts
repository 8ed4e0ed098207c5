import type { Seeks, TravelFrom, WorkReadiness } from '@stagebrug/matching-core'
import { STUDENT_FIELDS } from '../headers/fields.js'
import { boolean, cell, date, email, integer, Problem, text } from '../validate/cells.js'
import { asProgrammeId, type ParseContext, toLocation } from './context.js'
import { type RowInput, runUpload, type UploadResult } from './pipeline.js'
import { labelOf, placeKind, readPeriod, readPostcode } from './shared-cells.js'
import type { DutchLevel, StudentRow } from './student-row.js'

const F = STUDENT_FIELDS
const L = (key: string) => labelOf(F, key)
const required = (key: string) => cell(L(key), true, text)
const optional = (key: string) => cell(L(key), false, text)

// Built once: a zod schema per row and cell would cost seconds on a 10,000-row list.
const C = {
  schoolId: optional('schoolId'),
  externalId: required('externalId'),
  lastName: required('lastName'),
  firstName: required('firstName'),
  birthDate: cell(L('birthDate'), true, date(L('birthDate'))),
  className: required('className'),
  grade: cell(L('grade'), false, integer(L('grade'), 1, 3)),
  year: cell(L('year'), false, integer(L('year'), 1, 7)),
  track: cell(L('track'), false, placeKind(L('track'))),
  workReadiness: cell(L('workReadiness'), false, boolean(L('workReadiness'))),
  email: cell(L('email'), false, email(L('email'))),
  adminGroup: optional('adminGroup'),
  street: optional('street'),
  houseNumber: optional('houseNumber'),
  box: optional('box'),
  drivingLicence: cell(L('drivingLicence'), false, boolean(L('drivingLicence'))),
  maxTravelKm: cell(L('maxTravelKm'), false, integer(L('maxTravelKm'), 1, 500)),
  priority: cell(L('priority'), false, boolean(L('priority'))),
  needsInclusive: cell(L('needsInclusive'), false, boolean(L('needsInclusive'))),
  abroad: cell(L('abroad'), false, boolean(L('abroad'))),
  firstTwoYearsDone: cell(L('firstTwoYearsDone'), false, boolean(L('firstTwoYearsDone'))),
  wishes: optional('wishes'),
  guardianName: optional('guardianName'),
  guardianPhone: optional('guardianPhone'),
}

const ORIGINS: ReadonlyMap<string, TravelFrom> = new Map([
  ['thuis', 'home'],
  ['woonplaats', 'home'],
  ['home', 'home'],
  ['school', 'school'],
])
function travelFrom(value: string): TravelFrom | Problem {
  return (
    ORIGINS.get(value.toLowerCase()) ??
    new Problem(
      `${L('travelFrom').nl} moet thuis of school zijn`,
      `${L('travelFrom').en} must be home (thuis) or school`,
    )
  )
}

function dutchLevel(value: string): DutchLevel | Problem {
  const level = value.toUpperCase().replace(/\s+/g, '')
  return /^[ABC][12]$/.test(level)
    ? (level as DutchLevel)
    : new Problem(
        `${L('dutchLevel').nl} moet A1, A2, B1, B2, C1 of C2 zijn`,
        `${L('dutchLevel').en} must be A1, A2, B1, B2, C1 or C2`,
      )
}

/**
 * An optional value that does not parse is a warning and left empty: the list goes in (issue 15).
 * Returns the value, or null when the cell is blank or invalid.
 */
function lenient<T>(
  { report, warn }: Pick<RowInput, 'report' | 'warn'>,
  field: string,
  parse: (value: string) => T | Problem,
): T | null {
  const value = report.cell(field)
  if (value === '') return null
  const result = parse(value)
  if (!(result instanceof Problem)) return result
  warn(field, `${result.nl}: '${value}' leeg gelaten`, `${result.en}: '${value}' left empty`)
  return null
}

/** Splits a `;`-separated list, most wanted first; blanks dropped, duplicates kept once. */
function listOf(value: string | undefined): string[] {
  if (value === undefined) return []
  return [
    ...new Set(
      value
        .split(';')
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    ),
  ]
}

const guardianEmail = email(L('guardianEmail'))

function validateStudent({ report, lookups, ctx, warn }: RowInput): StudentRow | undefined {
  const schoolId = report.read('schoolId', C.schoolId) ?? ctx.schoolId
  if (schoolId === undefined)
    report.fail('schoolId', 'Instellingsnummer is verplicht', 'School number is required')
  const externalId = report.read('externalId', C.externalId)
  const lastName = report.read('lastName', C.lastName)
  const firstName = report.read('firstName', C.firstName)
  const birthDate = report.read('birthDate', C.birthDate)
  const className = report.read('className', C.className)
  const grade = report.read('grade', C.grade)
  const year = report.read('year', C.year)
  const programme = report.read(
    'programme',
    lookups.memo(`programme:${grade}`, () => cell(L('programme'), true, (v) => lookups.programme(v, grade))),
  )
  const finalGrade = grade ?? programme?.grade ?? undefined
  if (programme !== undefined && finalGrade === undefined) {
    report.fail(
      'grade',
      'Graad is verplicht voor deze studierichting',
      'Grade is required for this programme',
    )
  }
  const track = report.read('track', C.track)
  const readiness = report.read('workReadiness', C.workReadiness)
  const { info, municipality } = readPostcode(report, F, lookups)
  const availability = readPeriod(report, F)
  const competences = report.read(
    'competences',
    lookups.memo('competences', () => cell(L('competences'), false, (v) => lookups.competenceList(v))),
  )
  const mail = report.read('email', C.email)
  const interests = report.read(
    'interests',
    lookups.memo('interests', () => cell(L('interests'), false, (v) => lookups.competenceList(v))),
  )
  const row = {
    adminGroup: report.read('adminGroup', C.adminGroup) ?? null,
    street: report.read('street', C.street) ?? null,
    houseNumber: report.read('houseNumber', C.houseNumber) ?? null,
    box: report.read('box', C.box) ?? null,
    drivingLicence: report.read('drivingLicence', C.drivingLicence) ?? false,
    maxTravelKm: report.read('maxTravelKm', C.maxTravelKm) ?? null,
    priority: report.read('priority', C.priority) ?? false,
    needsInclusive: report.read('needsInclusive', C.needsInclusive) ?? false,
    abroad: report.read('abroad', C.abroad) ?? false,
    firstTwoYearsDone: report.read('firstTwoYearsDone', C.firstTwoYearsDone) ?? false,
    wishes: listOf(report.read('wishes', C.wishes)),
    travelFrom: lenient({ report, warn }, 'travelFrom', travelFrom) ?? 'home',
    guardianName: report.read('guardianName', C.guardianName) ?? null,
    guardianPhone: report.read('guardianPhone', C.guardianPhone) ?? null,
    guardianEmail: lenient({ report, warn }, 'guardianEmail', guardianEmail),
    dutchLevel: lenient({ report, warn }, 'dutchLevel', dutchLevel),
  }
  if (
    report.errors.length > 0 ||
    schoolId === undefined ||
    externalId === undefined ||
    lastName === undefined ||
    firstName === undefined ||
    birthDate === undefined ||
    className === undefined ||
    programme === undefined ||
    finalGrade === undefined ||
    info === undefined ||
    availability === undefined
  ) {
    return undefined
  }
  const seeks: Seeks =
    track === undefined ? (programme.duaal ? 'dual' : 'internship') : track === 'aanloopfase' ? 'dual' : track
  const workReadiness: WorkReadiness =
    readiness === false || (readiness === undefined && track === 'aanloopfase')
      ? 'willing-not-ready'
      : 'ready'
  return {
    row: report.row,
    schoolId,
    externalId,
    firstName,
    lastName,
    birthDate,
    className,
    programme: asProgrammeId(programme),
    programmeName: programme.title,
    grade: finalGrade,
    year: year ?? null,
    seeks,
    workReadiness,
    home: toLocation(info),
    municipality,
    email: mail ?? null,
    availability,
    competences: competences ?? [],
    interests: interests ?? [],
    ...row,
  }
}

/**
 * Parses a school's placement list (CSV or XLSX) into validated StudentRows, all or nothing.
 * Rejects only with UploadError (unreadable file); every other problem is a row error.
 * @example const result = await parseStudentList(bytes, 'leerlingen.xlsx', { schoolId: '123456' })
 */
export function parseStudentList(
  bytes: Uint8Array,
  filename: string,
  ctx: ParseContext = {},
): Promise<UploadResult<StudentRow>> {
  return runUpload(bytes, filename, ctx, {
    kind: 'students',
    validateRow: validateStudent,
    identity: (row) => ({
      key: `${row.schoolId}\u0000${row.externalId}`,
      field: 'externalId',
      nl: 'Stamboeknummer',
      en: 'Pupil number',
      shown: row.externalId,
    }),
  })
}
