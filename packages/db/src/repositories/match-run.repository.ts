import type { Kysely, Transaction } from 'kysely'
import { json } from '../schema/columns.js'
import type { Database } from '../schema/database.js'
import type { MatchRunRow, MatchRunTrigger } from '../schema/match-run.table.js'

type Db = Kysely<Database> | Transaction<Database>

/** Records a queued match run; returns its id. */
export async function createMatchRun(
  db: Db,
  run: { readonly seed: number; readonly params?: Record<string, unknown> },
): Promise<string> {
  const row = await db
    .insertInto('match_run')
    .values({ seed: run.seed, params: json(run.params ?? {}), timings: json({}), counts: json({}) })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export interface OpenRunRequest {
  /** The queue job that asks for the run: asking twice (a retry) returns the same run. */
  readonly jobKey: string
  readonly seed: number
  readonly today: string
  readonly trigger: MatchRunTrigger
  readonly params?: Record<string, unknown>
}

/** Creates the run of a trigger job, or finds the one an earlier attempt of that job created. */
export async function openMatchRun(db: Db, req: OpenRunRequest): Promise<MatchRunRow> {
  await db
    .insertInto('match_run')
    .values({
      job_key: req.jobKey,
      seed: req.seed,
      today: req.today,
      trigger: req.trigger,
      params: json(req.params ?? {}),
      timings: json({}),
      counts: json({}),
    })
    .onConflict((oc) => oc.column('job_key').doNothing())
    .execute()
  return db.selectFrom('match_run').selectAll().where('job_key', '=', req.jobKey).executeTakeFirstOrThrow()
}

export function findMatchRunByJobKey(db: Db, jobKey: string): Promise<MatchRunRow | undefined> {
  return db.selectFrom('match_run').selectAll().where('job_key', '=', jobKey).executeTakeFirst()
}

export function getMatchRun(db: Db, id: string): Promise<MatchRunRow | undefined> {
  return db.selectFrom('match_run').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The run was split into parts and handed to the workers. */
export async function markRunPlanned(
  db: Db,
  id: string,
  plan: { readonly parts: number; readonly timings: Record<string, number> },
): Promise<void> {
  await db
    .updateTable('match_run')
    .set({ status: 'running', started_at: new Date(), parts: plan.parts, timings: json(plan.timings) })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute()
}

/** Closes a run that succeeded; published at once unless held back. Returns false if it was closed already. */
export async function finishMatchRun(
  db: Db,
  id: string,
  done: {
    readonly timings: Record<string, number>
    readonly counts: Record<string, number>
    readonly publish: boolean
  },
): Promise<boolean> {
  const now = new Date()
  const result = await db
    .updateTable('match_run')
    .set({
      status: 'succeeded',
      finished_at: now,
      published_at: done.publish ? now : null,
      timings: json(done.timings),
      counts: json(done.counts),
    })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function failMatchRun(db: Db, id: string, error: string): Promise<void> {
  await db
    .updateTable('match_run')
    .set({ status: 'failed', finished_at: new Date(), error })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .execute()
}
