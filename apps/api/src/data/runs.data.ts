import type { MatchRunRow, MatchRunStatus } from '@stagebrug/db'
import { publishRun, type WorkerSettings } from '@stagebrug/night'
import { enqueueMails, type Queues, triggerRun } from '@stagebrug/queue'
import type { FastifyBaseLogger } from 'fastify'
import { sql } from 'kysely'
import { AppError, notFound } from '../errors.js'
import { actorOf } from '../scope/scope.js'
import { assertAdmin } from '../scope/visible.js'
import { audit, type DataCtx, iso } from './context.js'
import { afterCursor, type Keyset, keysetOrder, type PageRequest, toPage } from './page.js'

const runView = (r: MatchRunRow) => ({
  id: r.id,
  status: r.status,
  trigger: r.trigger,
  today: r.today,
  seed: Number(r.seed),
  parts: r.parts,
  createdAt: iso(r.created_at)!,
  startedAt: iso(r.started_at),
  finishedAt: iso(r.finished_at),
  publishedAt: iso(r.published_at),
  held: r.status === 'succeeded' && r.published_at === null,
  counts: r.counts,
  timings: r.timings,
  error: r.error,
  jobKey: r.job_key,
})

/** Asks the worker for a run now; `publish: false` holds it back until an administrator publishes it. */
export async function requestRun(ctx: DataCtx, queues: Queues, publish: boolean) {
  assertAdmin(ctx.caller.scope)
  const jobId = await triggerRun(queues.match, actorOf(ctx.caller), publish)
  await audit(ctx.db, ctx, 'run.trigger', `job:${jobId}`, { publish })
  return { jobId, publish }
}

const RUN_KEYSET: Keyset = {
  key: sql<string>`to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
  id: 'r.id',
  direction: 'desc',
}

export async function listRuns(ctx: DataCtx, f: PageRequest & { readonly status?: MatchRunStatus | undefined }) {
  assertAdmin(ctx.caller.scope)
  const [k1, k2] = keysetOrder(RUN_KEYSET)
  const rows = await ctx.db
    .selectFrom('match_run as r')
    .selectAll('r')
    .select(RUN_KEYSET.key.as('sort_key'))
    .where(afterCursor(ctx, RUN_KEYSET, f.cursor))
    .$if(!!f.status, (q) => q.where('r.status', '=', f.status!))
    .orderBy(k1)
    .orderBy(k2)
    .limit(f.limit + 1)
    .execute()
  return toPage(ctx, rows, f.limit, (r) => r.id, runView)
}

/** A run with its figures and the coordinators' overrides it applied (pins) or that changed it (moves). */
export async function getRun(ctx: DataCtx, id: string) {
  assertAdmin(ctx.caller.scope)
  const run = await ctx.db.selectFrom('match_run').selectAll().where('id', '=', id).executeTakeFirst()
  if (!run) throw notFound('Run')
  const pins = await ctx.db
    .selectFrom('proposal as p')
    .innerJoin('placement_override as o', (j) =>
      j.onRef('o.student_id', '=', 'p.student_id').onRef('o.place_id', '=', 'p.place_id').on('o.kind', '=', 'pin'),
    )
    .select(['o.id', 'o.kind', 'o.student_id', 'o.place_id', 'o.from_place_id', 'o.reason', 'o.created_by', 'o.created_at'])
    .where('p.run_id', '=', id)
    .where('p.kind', '=', 'pinned')
    .where('o.created_at', '<=', run.started_at ?? run.created_at)
    .execute()
  const moves = await ctx.db
    .selectFrom('placement_override as o')
    .select(['o.id', 'o.kind', 'o.student_id', 'o.place_id', 'o.from_place_id', 'o.reason', 'o.created_by', 'o.created_at'])
    .where('o.run_id', '=', id)
    .where('o.kind', '=', 'move')
    .execute()
  const proposals = await ctx.db
    .selectFrom('proposal')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('run_id', '=', id)
    .groupBy('status')
    .execute()
  return {
    ...runView(run),
    proposalsByStatus: Object.fromEntries(proposals.map((p) => [p.status, Number(p.n)])),
    overrides: [...pins, ...moves]
      .sort((a, b) => a.created_at.getTime() - b.created_at.getTime())
      .map((o) => ({
        id: o.id,
        kind: o.kind,
        studentId: o.student_id,
        placeId: o.place_id,
        fromPlaceId: o.from_place_id,
        reason: o.reason,
        by: o.created_by,
        at: iso(o.created_at)!,
      })),
  }
}

/** The state of a trigger job, and its run once the worker opened it. */
export async function runOfJob(ctx: DataCtx, queues: Queues, jobId: string) {
  assertAdmin(ctx.caller.scope)
  const job = await queues.match.getJob(jobId)
  const run = await ctx.db.selectFrom('match_run').select('id').where('job_key', '=', `night.${jobId}`).executeTakeFirst()
  if (!job && !run) throw notFound('Job')
  return { jobId, state: job ? await job.getState() : 'removed', runId: run?.id ?? null }
}

/** Publishes a held run: company mails go to the outbox in the run's transaction, then to the mail queue. */
export async function publish(
  ctx: DataCtx,
  deps: {
    readonly queues: Queues
    readonly settings: Pick<WorkerSettings, 'platformName' | 'adminEmail' | 'publicUrl'>
    readonly logger: FastifyBaseLogger
  },
  id: string,
) {
  assertAdmin(ctx.caller.scope)
  const outcome = await publishRun(
    {
      db: ctx.db,
      logger: deps.logger,
      now: ctx.now,
      settings: {
        ...deps.settings,
        matchParts: 1,
        timeZone: 'Europe/Brussels',
        messageIdDomain: 'stagebrug.local',
      },
    },
    id,
  )
  if (!outcome.published) {
    if (outcome.reason === 'not_found') throw notFound('Run')
    throw new AppError(
      'CONFLICT',
      outcome.reason === 'already_published'
        ? 'Deze run is al gepubliceerd / This run is published already'
        : 'Alleen een geslaagde run kan gepubliceerd worden / Only a succeeded run can be published',
    )
  }
  await audit(ctx.db, ctx, 'run.publish', `run:${id}`, { mails: outcome.outboxIds.length })
  await enqueueMails(deps.queues.mail, outcome.outboxIds)
  return { runId: id, mails: outcome.outboxIds.length }
}
