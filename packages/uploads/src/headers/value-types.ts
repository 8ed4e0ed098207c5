// The kind of value each field holds, so a fuzzy header match is kept only when the column's values
// fit it: a column of `stage`/`duaal` is never read as a start date (issue 15).

import { isEmail, yesNo } from '../validate/cells.js'
import { parseDate, parseTime } from '../validate/dates.js'
import { placeKindOf } from '../validate/place-kinds.js'

export type ValueType = 'date' | 'time' | 'number' | 'email' | 'yes-no' | 'kind' | 'text'

const TYPES: Readonly<Record<Exclude<ValueType, 'text'>, readonly string[]>> = {
  date: [
    'birthDate',
    'periodStart',
    'periodEnd',
    'validFrom',
    'validUntil',
    'trainingDeadline',
    'extract5962CheckedOn',
  ],
  time: ['startTime', 'endTime'],
  number: ['grade', 'year', 'maxTravelKm', 'capacity', 'minimumAge', 'yearsExperience'],
  email: ['email', 'contactEmail', 'mentorEmail'],
  'yes-no': [
    'workReadiness',
    'drivingLicence',
    'priority',
    'needsInclusive',
    'abroad',
    'shiftWork',
    'needsDrivingLicence',
    'inclusive',
    'declaredAtLeast25',
    'ageWaiver23',
    'trainingCompleted',
  ],
  kind: ['track', 'kind'],
}
const BY_FIELD: ReadonlyMap<string, ValueType> = new Map(
  Object.entries(TYPES).flatMap(([type, keys]) => keys.map((k) => [k, type as ValueType] as const)),
)

/** The kind of value a field holds; 'text' (anything goes) when it is not listed. */
export const valueTypeOf = (field: string): ValueType => BY_FIELD.get(field) ?? 'text'

/** Dutch and English words for a value type, for the warning that refuses a fuzzy match. */
export const VALUE_TYPE_WORDS: Readonly<Record<ValueType, { nl: string; en: string }>> = {
  date: { nl: 'datums', en: 'dates' },
  time: { nl: 'uren', en: 'times' },
  number: { nl: 'getallen', en: 'numbers' },
  email: { nl: 'e-mailadressen', en: 'e-mail addresses' },
  'yes-no': { nl: 'ja/nee-waarden', en: 'yes/no values' },
  kind: { nl: 'trajecten (stage, duaal, job, aanloopfase)', en: 'tracks (stage, duaal, job, aanloopfase)' },
  text: { nl: 'tekst', en: 'text' },
}

/** Whether one non-empty value fits the field's type. */
export function fitsFieldType(field: string, value: string): boolean {
  const v = value.trim()
  switch (valueTypeOf(field)) {
    case 'date':
      return parseDate(v) !== null
    case 'time':
      return parseTime(v) !== null
    case 'number':
      return v !== '' && Number.isFinite(Number(v.replace(',', '.')))
    case 'email':
      return isEmail(v)
    case 'yes-no':
      return yesNo(v) !== undefined
    case 'kind':
      return placeKindOf(v) !== undefined
    case 'text':
      return true
  }
}
