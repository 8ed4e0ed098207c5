// @stagebrug/documents — the uniform internship documents, outbound: the agreement (or, for dual
// learning, the data its agreement needs), the werkpostfiche and the training plan extract of an
// accepted proposal, as HTML and PDF. Explicit exports only.

export type { CompetenceRef, DocumentData } from './data/document-data.js'
export { type LoadOptions, loadDocumentData } from './data/load-document-data.js'
export { splitCompetences, type TrainingPlanSplit } from './documents/training-plan.js'
export { DocumentError, type DocumentErrorCode } from './errors.js'
export type { DocumentKind } from './model/document.js'
export {
  DOCUMENT_KINDS,
  type HtmlDocument,
  type PdfDocument,
  renderAgreementHtml,
  renderAgreementPdf,
  renderDocumentHtml,
  renderDocumentPdf,
  renderTrainingPlanHtml,
  renderTrainingPlanPdf,
  renderWorkstationSheetHtml,
  renderWorkstationSheetPdf,
} from './render-documents.js'
