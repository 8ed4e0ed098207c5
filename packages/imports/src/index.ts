// @stagebrug/imports — uploads stored all or nothing. Explicit exports only.
export { ImportError } from './errors.js'
export { importMentors, type MentorImportRequest } from './import-mentors.js'
export { importPlaceRegistration } from './import-places.js'
export { importRecognitions, type RecognitionImportRequest } from './import-recognitions.js'
export { importStudentList, type StudentImportRequest } from './import-students.js'
export type { UploadMeta } from './record-upload.js'
export { type ChosenColumn, type ImportReport, STORED_ERRORS_LIMIT } from './report.js'
export { lockSchoolImports } from './school-lock.js'
