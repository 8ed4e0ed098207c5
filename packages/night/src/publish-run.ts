import { addToOutbox, getMatchRun, loadRunReport, serverSecret } from '@stagebrug/db'
import type { WorkerDeps } from './deps.js'
import { shortlistMails } from './shortlist-mails.js'

export type PublishOutcome =
  | { readonly published: true; readonly outboxIds: readonly string[] }
  | { readonly published: false; readonly reason: 'not_found' | 'not_succeeded' | 'already_published' }

/**
 * Publishes a run that was held back: in one transaction sets `published_at` and puts the company
 * shortlist mails in the outbox (the coordinators had theirs when the run closed). Returns the ids
 * of the company mails to enqueue. Publishing twice, or concurrently, publishes once.
 */
export async function publishRun(
  deps: Pick<WorkerDeps, 'db' | 'settings' | 'logger' | 'now'>,
  runId: string,
): Promise<PublishOutcome> {
  const run = await getMatchRun(deps.db, runId)
  if (!run) return { published: false, reason: 'not_found' }
  if (run.status !== 'succeeded') return { published: false, reason: 'not_succeeded' }
  if (run.published_at !== null) return { published: false, reason: 'already_published' }

  const report = await loadRunReport(deps.db, runId)
  const { mails, skipped } = shortlistMails(
    report,
    { id: run.id, today: run.today ?? '', secret: await serverSecret(deps.db) },
    deps.settings,
    true,
  )
  for (const s of skipped) deps.logger.warn({ stage: 'publish', runId, skipped: s }, 'no mail address')
  const companyMails = mails.filter((m) => m.kind === 'company')

  const outboxIds = await deps.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('match_run')
      .set({ published_at: deps.now() })
      .where('id', '=', runId)
      .where('status', '=', 'succeeded')
      .where('published_at', 'is', null)
      .returning('id')
      .executeTakeFirst()
    if (!claimed) return null
    await addToOutbox(trx, runId, companyMails)
    const rows = await trx
      .selectFrom('mail_outbox')
      .select('id')
      .where('run_id', '=', runId)
      .where('kind', '=', 'company')
      .where('status', '=', 'pending')
      .orderBy('recipient')
      .execute()
    return rows.map((r) => r.id)
  })
  if (outboxIds === null) return { published: false, reason: 'already_published' }
  deps.logger.info({ stage: 'publish', runId, mails: outboxIds.length }, 'run published')
  return { published: true, outboxIds }
}
