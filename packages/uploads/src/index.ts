// @stagebrug/uploads — turns uploaded CSV/XLSX placement lists and place registrations into
// validated rows or row-level errors. Pure parsing: no database, no I/O beyond the given bytes.

export { type RowError, UploadError, type UploadErrorCode, type UploadWarning } from './errors.js'
export {
  type FieldDef,
  MENTOR_FIELDS,
  PLACE_FIELDS,
  type PlaceField,
  RECOGNITION_FIELDS,
  STUDENT_FIELDS,
  type StudentField,
  type UploadKind,
  type Vendor,
} from './headers/fields.js'
export {
  type ColumnMapping,
  type HeaderMapping,
  type MappingVia,
  mapHeaders,
  type UnmappedColumn,
} from './headers/map-headers.js'
export {
  fieldKeyOf,
  headerSignature,
  MappingError,
  type MappingOverride,
  parseMapPairs,
  resolveOverride,
} from './headers/override.js'
export type { ParseContext, ReferenceData } from './parse/context.js'
export type { MentorRow } from './parse/mentor-row.js'
export { parseMentors } from './parse/parse-mentors.js'
export { parsePlaceRegistration } from './parse/parse-places.js'
export { parseRecognitions } from './parse/parse-recognitions.js'
export { parseStudentList } from './parse/parse-students.js'
export type { UploadResult } from './parse/pipeline.js'
export type { PlaceRow } from './parse/place-row.js'
export {
  RECOGNITION_STATUSES,
  type RecognitionRow,
  type RecognitionStatus,
  recognitionValidUntil,
} from './parse/recognition-row.js'
export type { StudentRow } from './parse/student-row.js'
export { readTable } from './read/read-table.js'
export { DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS, type ReadLimits, type Table } from './read/table.js'
export { COUNTRY_CODES, countryCode, countryNameNl } from './validate/countries.js'
export { parseDate, parseTime } from './validate/dates.js'
export {
  formatKbo,
  looksLikeNationalNumber,
  normaliseEstablishmentNumber,
  normaliseKbo,
} from './validate/identifiers.js'
export { findNationalNumberColumns, type NationalNumberColumn } from './validate/national-number.js'
export { normaliseIdentifier, normaliseName } from './validate/normalise.js'
export { PLACE_KIND_WORDS, placeKindOf, placeKindWord } from './validate/place-kinds.js'
