// @stagebrug/night — one night of matching as plain functions, for the BullMQ worker and the
// in-process demo alike. Explicit exports only.

export type { Logger, WorkerDeps, WorkerSettings } from './deps.js'
export { finalizeRun, runCounts } from './finalize-run.js'
export { dayIn, matchOptions, type PlannedNight, planNight } from './plan-night.js'
export { type PublishOutcome, publishRun } from './publish-run.js'
export { type RunFiguresDone, renderWatchMail, runFiguresAfterClose } from './run-figures.js'
export { type InlineNight, type InlineStage, runNightInline } from './run-inline.js'
export { type PartOutcome, runPart } from './run-part.js'
export { type SendOutcome, sendMail } from './send-mail.js'
export { shortlistMails } from './shortlist-mails.js'
