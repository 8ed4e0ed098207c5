import {
  addToOutbox,
  finishMatchRun,
  getMatchRun,
  loadRunReport,
  type OutboxMail,
  serverSecret,
  storedParts,
  takeUnreportedProblems,
} from '@stagebrug/db'
import { escapeHtml } from '@stagebrug/mail'
import type { MatchSummary } from '@stagebrug/matching-core'
import type { WorkerDeps } from './deps.js'
import { runFiguresAfterClose } from './run-figures.js'
import { shortlistMails } from './shortlist-mails.js'

/** The counts stored with a run: the merged summary, flat. */
export function runCounts(summary: MatchSummary): Record<string, number> {
  const { unmatchedByReason, ...rest } = summary
  return {
    ...rest,
    ...Object.fromEntries(Object.entries(unmatchedByReason).map(([code, n]) => [`unmatched_${code}`, n])),
  }
}

/**
 * Closes a run once all its parts are stored: renders the shortlist mails and, in one
 * transaction, puts them in the outbox and marks the run succeeded (and published). A retry after
 * a crash finds the run closed and changes nothing. Returns whether this call closed it.
 */
export async function finalizeRun(
  deps: WorkerDeps,
  job: {
    readonly runId: string
    readonly publish: boolean
    readonly summary: MatchSummary
    readonly timings: Record<string, number>
  },
): Promise<boolean> {
  const run = await getMatchRun(deps.db, job.runId)
  if (!run) throw new Error(`Run ${job.runId} does not exist`)
  if (run.status === 'succeeded') {
    await runFiguresAfterClose(deps, run.id) // a retry after a crash between the close and the figures
    return false
  }
  const expected = run.parts ?? 0
  const stored = await storedParts(deps.db, job.runId)
  if (stored.length !== expected) {
    throw new Error(`Run ${job.runId}: ${stored.length} of ${expected} parts stored; cannot close it`)
  }
  const t0 = performance.now()
  const report = await loadRunReport(deps.db, job.runId)
  const { mails, skipped } = shortlistMails(
    report,
    { id: run.id, today: run.today ?? '', secret: await serverSecret(deps.db) },
    deps.settings,
    job.publish,
  )
  for (const s of skipped) deps.logger.warn({ stage: 'mail', runId: run.id, skipped: s }, 'no mail address')
  const renderMs = Math.round(performance.now() - t0)

  const closed = await deps.db.transaction().execute(async (trx) => {
    const problems = await takeUnreportedProblems(trx)
    const admin = problemsMail(problems, deps.settings.adminEmail)
    for (const p of problems) {
      deps.logger.warn(
        { stage: 'mail', outboxId: p.id, status: p.status, to: p.to_address, error: p.last_error },
        'mail needs the administrator',
      )
    }
    await addToOutbox(trx, job.runId, admin ? [...mails, admin] : mails)
    return finishMatchRun(trx, job.runId, {
      timings: { ...job.timings, renderMs },
      counts: { ...runCounts(job.summary), mails: mails.length },
      publish: job.publish,
    })
  })
  deps.logger.info(
    { stage: 'finalize', runId: run.id, mails: mails.length, ...runCounts(job.summary), renderMs },
    'run succeeded',
  )
  await runFiguresAfterClose(deps, run.id)
  return closed
}

/** One mail listing the mails that may not have arrived (unknown) or could not be delivered (failed). */
function problemsMail(
  problems: readonly {
    id: string
    status: string
    to_address: string
    subject: string
    last_error: string | null
  }[],
  adminEmail: string | null,
): OutboxMail | null {
  if (problems.length === 0 || !adminEmail) return null
  const lines = problems.map(
    (p) =>
      `- ${p.status === 'unknown' ? 'onbekend' : 'mislukt'}: ${p.to_address} — "${p.subject}" (${p.last_error ?? ''}) [${p.id}]`,
  )
  const text = [
    'Deze mails zijn misschien niet aangekomen (onbekend) of konden niet bezorgd worden (mislukt).',
    'Stagebrug verstuurt ze niet opnieuw uit zichzelf; controleer ze en verwittig de ontvanger indien nodig.',
    '',
    ...lines,
  ].join('\n')
  return {
    recipient: `admin:problems:${problems.map((p) => p.id).sort()[0]}`,
    kind: 'admin',
    to: adminEmail,
    subject: `Stagebrug: ${problems.length === 1 ? '1 mail vraagt' : `${problems.length} mails vragen`} uw aandacht`,
    text,
    html: `<pre>${escapeHtml(text)}</pre>`,
  }
}
