import type { DocumentData } from './data/document-data.js'
import { buildAgreement } from './documents/agreement.js'
import { buildTrainingPlan } from './documents/training-plan.js'
import { buildWorkstationSheet } from './documents/workstation-sheet.js'
import type { DocumentKind, DocumentModel } from './model/document.js'
import { renderHtml } from './render/html.js'
import { renderPdf } from './render/pdf.js'

/** An HTML document and the Dutch names of its mandatory fields that are blank. */
export interface HtmlDocument {
  readonly html: string
  readonly missing: readonly string[]
}
/** A PDF document and the Dutch names of its mandatory fields that are blank. */
export interface PdfDocument {
  readonly pdf: Buffer
  readonly missing: readonly string[]
}

const BUILDERS: Readonly<Record<DocumentKind, (d: DocumentData) => DocumentModel>> = {
  agreement: buildAgreement,
  'workstation-sheet': buildWorkstationSheet,
  'training-plan': buildTrainingPlan,
}

/** Every document kind, in the order a school files them. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['agreement', 'workstation-sheet', 'training-plan']

/** One document as HTML. Throws DocumentError `NOT_APPLICABLE` for an agreement of a job. */
export function renderDocumentHtml(kind: DocumentKind, data: DocumentData): HtmlDocument {
  const doc = BUILDERS[kind](data)
  return { html: renderHtml(doc), missing: doc.missing }
}

/** One document as PDF (A4). Rejects with DocumentError `NOT_APPLICABLE` for an agreement of a job. */
export async function renderDocumentPdf(kind: DocumentKind, data: DocumentData): Promise<PdfDocument> {
  const doc = BUILDERS[kind](data)
  return { pdf: await renderPdf(doc), missing: doc.missing }
}

/** The stageovereenkomst (internship, aanloopfase) or, for dual learning, the data its agreement needs. */
export const renderAgreementHtml = (data: DocumentData) => renderDocumentHtml('agreement', data)
export const renderAgreementPdf = (data: DocumentData) => renderDocumentPdf('agreement', data)
/** The werkpostfiche: the workstation, its risks and protective measures as the company registered them. */
export const renderWorkstationSheetHtml = (data: DocumentData) =>
  renderDocumentHtml('workstation-sheet', data)
export const renderWorkstationSheetPdf = (data: DocumentData) => renderDocumentPdf('workstation-sheet', data)
/** The opleidingsplan extract: the competences learned at the workplace. */
export const renderTrainingPlanHtml = (data: DocumentData) => renderDocumentHtml('training-plan', data)
export const renderTrainingPlanPdf = (data: DocumentData) => renderDocumentPdf('training-plan', data)
