/** Why a document cannot be made. The API maps these to HTTP statuses; the message is Dutch, then English. */
export type DocumentErrorCode =
  /** No proposal with this id. */
  | 'PROPOSAL_NOT_FOUND'
  /** The proposal is not accepted: documents exist only for an accepted placement. */
  | 'PROPOSAL_NOT_ACCEPTED'
  /** The document does not apply to this kind of place (an internship agreement for a job). */
  | 'NOT_APPLICABLE'

/** Thrown by `loadDocumentData` and the renderers; never for a missing field (that is a blank). */
export class DocumentError extends Error {
  readonly code: DocumentErrorCode
  readonly messageNl: string

  constructor(code: DocumentErrorCode, messageNl: string, messageEn: string) {
    super(messageEn)
    this.name = 'DocumentError'
    this.code = code
    this.messageNl = messageNl
  }
}
