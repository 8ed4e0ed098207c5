import { claimMail, failMail, getMail, markMailSent, markMailUnknown, releaseMail } from '@stagebrug/db'
import { MailSendError } from '@stagebrug/mail'
import type { WorkerDeps } from './deps.js'

export type SendOutcome = 'sent' | 'failed' | 'unknown' | 'retry' | 'already-done' | 'taken' | 'missing'

/**
 * Sends one ledger row at most once. The row is claimed (pending → sending, with its
 * deterministic Message-ID) before SMTP is contacted; a row found in `sending` belongs to an
 * attempt that died mid-send and becomes `unknown` — never sent blindly again. Transient failures
 * go back to pending (`retry`: the caller schedules the next attempt); permanent ones, or the
 * last attempt, are recorded as `failed`.
 */
export async function sendMail(
  deps: Pick<WorkerDeps, 'db' | 'mailer' | 'logger' | 'settings'>,
  outboxId: string,
  attempt: { readonly last: boolean },
): Promise<{ outcome: SendOutcome; error?: MailSendError }> {
  // The common case in one statement: claim it. Only when that fails, look at why.
  const claimed = await claimMail(deps.db, outboxId, deps.settings.messageIdDomain)
  if (!claimed) {
    const row = await getMail(deps.db, outboxId)
    if (!row) return { outcome: 'missing' }
    if (row.status === 'sending') {
      await markMailUnknown(deps.db, outboxId)
      deps.logger.warn(
        { stage: 'mail', outboxId, to: row.to_address },
        'mail was interrupted mid-send: unknown',
      )
      return { outcome: 'unknown' }
    }
    return { outcome: row.status === 'pending' ? 'taken' : 'already-done' }
  }
  const messageId = claimed.message_id!
  try {
    await deps.mailer.send({
      to: claimed.to_address,
      subject: claimed.subject,
      text: claimed.text_body,
      html: claimed.html_body,
      messageId,
    })
  } catch (error) {
    const e =
      error instanceof MailSendError
        ? error
        : new MailSendError(String(error), { kind: 'transient', cause: error })
    if (e.kind === 'permanent' || attempt.last) {
      await failMail(
        deps.db,
        outboxId,
        `${e.kind === 'permanent' ? 'Geweigerd' : 'Opgegeven na de laatste poging'}: ${e.message}`,
      )
      deps.logger.error({ stage: 'mail', outboxId, to: claimed.to_address, error: e.message }, 'mail failed')
      return { outcome: 'failed', error: e }
    }
    await releaseMail(deps.db, outboxId, e.message)
    deps.logger.warn(
      { stage: 'mail', outboxId, error: e.message, attempts: claimed.attempts },
      'mail will be retried',
    )
    return { outcome: 'retry', error: e }
  }
  await markMailSent(deps.db, outboxId)
  deps.logger.info({ stage: 'mail', outboxId, kind: claimed.kind }, 'mail sent')
  return { outcome: 'sent' }
}
