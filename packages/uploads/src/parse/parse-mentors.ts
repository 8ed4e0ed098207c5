import { MENTOR_FIELDS } from '../headers/fields.js'
import { boolean, cell, date, email, integer, kbo, text } from '../validate/cells.js'
import type { ParseContext } from './context.js'
import type { MentorRow } from './mentor-row.js'
import { type RowInput, runUpload, type UploadResult } from './pipeline.js'
import { labelOf } from './shared-cells.js'

const F = MENTOR_FIELDS
const L = (key: string) => labelOf(F, key)
const optional = (key: string) => cell(L(key), false, text)

// Built once: a zod schema per row and cell would cost seconds on a large file.
const C = {
  companyNumber: cell(L('companyNumber'), true, kbo(L('companyNumber'))),
  name: cell(L('name'), true, text),
  function: optional('function'),
  email: cell(L('email'), false, email(L('email'))),
  phone: optional('phone'),
  birthDate: cell(L('birthDate'), false, date(L('birthDate'))),
  declaredAtLeast25: cell(L('declaredAtLeast25'), false, boolean(L('declaredAtLeast25'))),
  ageWaiver23: cell(L('ageWaiver23'), false, boolean(L('ageWaiver23'))),
  yearsExperience: cell(L('yearsExperience'), false, integer(L('yearsExperience'), 0, 80)),
  trainingCompleted: cell(L('trainingCompleted'), false, boolean(L('trainingCompleted'))),
  trainingDeadline: cell(L('trainingDeadline'), false, date(L('trainingDeadline'))),
  extract5962CheckedOn: cell(L('extract5962CheckedOn'), false, date(L('extract5962CheckedOn'))),
  placeCodes: cell(L('placeCodes'), false, (v) => [
    ...new Set(
      v
        .split(/[,;]/)
        .map((c) => c.trim())
        .filter((c) => c !== ''),
    ),
  ]),
}

/** The youngest a mentor can be at all (a pupil's mentor is an adult colleague). */
const MIN_MENTOR_AGE = 18

/** Completed years between two `YYYY-MM-DD` dates (the same arithmetic as the core's ageOn). */
const yearsBetween = (from: string, to: string) =>
  Math.floor((Number(to.replaceAll('-', '')) - Number(from.replaceAll('-', ''))) / 10000)

function validateMentor({ report }: RowInput, today: string): MentorRow | undefined {
  const companyNumber = report.read('companyNumber', C.companyNumber)
  const name = report.read('name', C.name)
  const mail = report.read('email', C.email)
  const birthDate = report.read('birthDate', C.birthDate) ?? null
  const declaredAtLeast25 = report.read('declaredAtLeast25', C.declaredAtLeast25) ?? false
  const rest = {
    function: report.read('function', C.function) ?? null,
    phone: report.read('phone', C.phone) ?? null,
    ageWaiver23: report.read('ageWaiver23', C.ageWaiver23) ?? false,
    yearsExperience: report.read('yearsExperience', C.yearsExperience) ?? null,
    trainingCompleted: report.read('trainingCompleted', C.trainingCompleted) ?? false,
    trainingDeadline: report.read('trainingDeadline', C.trainingDeadline) ?? null,
    extract5962CheckedOn: report.read('extract5962CheckedOn', C.extract5962CheckedOn) ?? null,
    placeCodes: report.read('placeCodes', C.placeCodes) ?? [],
  }
  if (birthDate !== null) {
    if (birthDate > today)
      report.fail(
        'birthDate',
        `Geboortedatum ${birthDate} ligt in de toekomst`,
        `Birth date ${birthDate} is in the future`,
      )
    else if (yearsBetween(birthDate, today) < MIN_MENTOR_AGE)
      report.fail(
        'birthDate',
        `Een mentor moet minstens ${MIN_MENTOR_AGE} jaar zijn (geboren ${birthDate})`,
        `A mentor must be at least ${MIN_MENTOR_AGE} (born ${birthDate})`,
      )
    if (declaredAtLeast25)
      report.fail(
        'declaredAtLeast25',
        'Geef een geboortedatum of "minstens 25 jaar: ja", niet allebei',
        'Give a birth date or "at least 25: yes", not both',
      )
  }
  if (rest.extract5962CheckedOn !== null && rest.extract5962CheckedOn > today)
    report.fail(
      'extract5962CheckedOn',
      `Uittreksel 596.2 gecontroleerd op ${rest.extract5962CheckedOn} ligt in de toekomst`,
      `Extract 596.2 checked on ${rest.extract5962CheckedOn} is in the future`,
    )
  if (report.errors.length > 0 || companyNumber === undefined || name === undefined) return undefined
  return {
    row: report.row,
    companyNumber,
    name,
    email: mail === undefined ? null : mail.toLowerCase(),
    birthDate,
    declaredAtLeast25,
    ...rest,
  }
}

/**
 * Parses a mentor file (CSV or XLSX), one row per mentor of a company, all or nothing. `today`
 * (`YYYY-MM-DD`, the caller's clock) judges birth dates in the future and mentors under 18. Rejects
 * only with UploadError (unreadable file); every other problem is a row error with row, column and
 * value. Plaatscodes are checked against the company's places by the import, not here.
 */
export function parseMentors(
  bytes: Uint8Array,
  filename: string,
  ctx: ParseContext & { readonly today: string },
): Promise<UploadResult<MentorRow>> {
  return runUpload(bytes, filename, ctx, {
    kind: 'mentors',
    validateRow: (input) => validateMentor(input, ctx.today),
    identity: (r) =>
      r.email !== null
        ? {
            key: `${r.companyNumber}|e|${r.email}`,
            field: 'email',
            nl: 'Dezelfde mentor (e-mail)',
            en: 'The same mentor (e-mail)',
            shown: r.email,
          }
        : {
            key: `${r.companyNumber}|n|${r.name.toLowerCase()}`,
            field: 'name',
            nl: 'Dezelfde mentor (naam, zonder e-mail)',
            en: 'The same mentor (name, without e-mail)',
            shown: r.name,
          },
  })
}
