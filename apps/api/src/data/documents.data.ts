import {
  DOCUMENT_KINDS,
  type DocumentData,
  DocumentError,
  type DocumentKind,
  loadDocumentData,
  renderDocumentHtml,
  renderDocumentPdf,
} from '@stagebrug/documents'
import { AppError, notFound } from '../errors.js'
import { visibleProposals } from '../scope/visible.js'
import { auditRead, type DataCtx } from './context.js'

export type DocumentFormat = 'pdf' | 'html'

/** The issue date printed: today in Brussels (YYYY-MM-DD). */
const brusselsDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(d)

/** A DocumentError as the API answers it: not found 404, not accepted or not applicable 409. */
function toAppError(error: unknown): unknown {
  if (!(error instanceof DocumentError)) return error
  if (error.code === 'PROPOSAL_NOT_FOUND') return notFound('Voorstel / Proposal')
  return new AppError('CONFLICT', `${error.messageNl} / ${error.message}`, { code: error.code })
}

/**
 * The document data of a proposal the caller may see, for the school of the student and the company
 * of the place only. Scope first (a proposal outside it is 404, whatever its status), then the
 * loader; a company only once the school released the contact (the documents name the student).
 */
async function scopedDocumentData(ctx: DataCtx, proposalId: string): Promise<DocumentData> {
  const scope = ctx.caller.scope
  const visible = await visibleProposals(ctx.db, scope)
    .select('p.id')
    .where('p.id', '=', proposalId)
    .executeTakeFirst()
  if (!visible) throw notFound('Voorstel / Proposal')
  let data: DocumentData
  try {
    data = await loadDocumentData(ctx.db, proposalId, { today: brusselsDay(ctx.now()) })
  } catch (error) {
    throw toAppError(error)
  }
  // The loader's own ids, checked again: the documents go to these two tenants and nobody else.
  const ours =
    scope.role === 'school'
      ? scope.schoolIds.includes(data.school.id)
      : scope.role === 'company' && scope.companyId === data.company.id
  if (!ours) throw notFound('Voorstel / Proposal')
  if (scope.role === 'company' && !data.contactReleased)
    throw new AppError(
      'FORBIDDEN',
      'De school heeft de gegevens van de leerling nog niet vrijgegeven; de documenten volgen zodra ze dat doet / The school has not released the student’s details yet',
    )
  return data
}

/** Which documents an accepted proposal has, each with its blank mandatory fields; audited. */
export async function listProposalDocuments(ctx: DataCtx, proposalId: string) {
  const data = await scopedDocumentData(ctx, proposalId)
  const documents: { kind: DocumentKind; missing: string[] }[] = []
  for (const kind of DOCUMENT_KINDS) {
    try {
      documents.push({ kind, missing: [...renderDocumentHtml(kind, data).missing] })
    } catch (error) {
      // An agreement for a job does not exist: left out of the list.
      if (error instanceof DocumentError && error.code === 'NOT_APPLICABLE') continue
      throw error
    }
  }
  await auditRead(ctx, 'document.list', `proposal:${proposalId}`, {
    kinds: documents.map((d) => d.kind),
  })
  return { documents }
}

/** One document of an accepted proposal as PDF or HTML, with its blank mandatory fields; audited. */
export async function proposalDocument(
  ctx: DataCtx,
  proposalId: string,
  kind: DocumentKind,
  format: DocumentFormat,
): Promise<{ body: Buffer | string; missing: readonly string[] }> {
  const data = await scopedDocumentData(ctx, proposalId)
  let out: { body: Buffer | string; missing: readonly string[] }
  try {
    if (format === 'pdf') {
      const { pdf, missing } = await renderDocumentPdf(kind, data)
      out = { body: pdf, missing }
    } else {
      const { html, missing } = renderDocumentHtml(kind, data)
      out = { body: html, missing }
    }
  } catch (error) {
    throw toAppError(error)
  }
  await auditRead(ctx, 'document.read', `proposal:${proposalId}`, {
    kind,
    format,
    missing: out.missing.length,
  })
  return out
}
