// @stagebrug/mail — shortlist mails (Dutch, HTML and text) and the SMTP transport. Explicit exports only.

export {
  CANDIDATE_CODE,
  type CompanyCandidate,
  type CompanyDigest,
  type CompanyPlace,
  renderCompanyMail,
} from './render/company-mail.js'
export {
  type CoordinatorDigest,
  type CoordinatorProposal,
  type CoordinatorStudent,
  renderCoordinatorMail,
} from './render/coordinator-mail.js'
export { escapeHtml, formatDate } from './render/format.js'
export type { FooterInfo, RenderedMail } from './render/layout.js'
export { ageFlags, travelBand } from './render/pseudonym.js'
export { createEmlMailer, type EmlFile, type EmlMailer } from './transport/eml-mailer.js'
export {
  type MailFailureKind,
  MailSendError,
  smtpReplyKind,
  toMailSendError,
} from './transport/mail-send-error.js'
export {
  createMailer,
  type Mailer,
  type MailerOptions,
  type OutgoingMail,
  type SendResult,
} from './transport/mailer.js'
