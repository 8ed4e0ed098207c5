import { type Database, insertProposals, loadPairInput } from '@stagebrug/db'
import { explainProposal, match } from '@stagebrug/matching-core'
import type { Transaction } from 'kysely'
import { AppError, notFound } from '../errors.js'
import { actorOf } from '../scope/scope.js'
import { openPlacesFor, visiblePins, visibleProposals, visibleStudents } from '../scope/visible.js'
import { audit, type DataCtx, iso } from './context.js'
import { lockForChange, proposalWrite, STATUS_NL } from './proposals.data.js'

export interface Pin {
  readonly id: string
  readonly studentId: string
  readonly placeId: string
  readonly reason: string
  readonly createdAt: string
  readonly removedAt: string | null
}

const pinOf = (r: {
  id: string
  student_id: string
  place_id: string
  reason: string
  created_at: Date
  removed_at: Date | null
}): Pin => ({
  id: r.id,
  studentId: r.student_id,
  placeId: r.place_id,
  reason: r.reason,
  createdAt: iso(r.created_at)!,
  removedAt: iso(r.removed_at),
})

const ALREADY_PINNED = (pinId: string | undefined) =>
  new AppError('CONFLICT', 'Deze leerling heeft al een pin; verwijder die eerst / This student is pinned already', {
    ...(pinId !== undefined ? { pinId } : {}),
  })

/** The id of the student's pin in force, if any. */
const pinInForce = (db: DataCtx['db'], studentId: string) =>
  db
    .selectFrom('placement_override')
    .select('id')
    .where('kind', '=', 'pin')
    .where('student_id', '=', studentId)
    .where('removed_at', 'is', null)
    .executeTakeFirst()

/**
 * Pins a school's student to an open place for the next runs (until removed); one pin per student.
 * Two coordinators (or a double click) pinning one pupil at once: the student row is locked first,
 * as every change of a pupil's proposals locks it (`lockForChange`, FOR NO KEY UPDATE), so the second
 * pin waits, then sees the first one and gets the 409 that says so. Behind the lock the partial
 * unique index placement_override_active_pin_key (migration 0009) refuses a second pin in force;
 * should anything still reach it, that is the same 409, never the generic conflict.
 */
export async function createPin(
  ctx: DataCtx,
  req: { readonly studentId: string; readonly placeId: string; readonly reason: string },
): Promise<Pin> {
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const student = await visibleStudents(trx, ctx.caller.scope)
        .select('s.id')
        .where('s.id', '=', req.studentId)
        .executeTakeFirst()
      if (!student) throw notFound('Leerling / Student')
      await trx.selectFrom('student').select('id').where('id', '=', req.studentId).forNoKeyUpdate().execute()
      const place = await openPlacesFor(trx, ctx.caller.scope).select('pl.id').where('pl.id', '=', req.placeId).executeTakeFirst()
      if (!place) throw notFound('Open plaats / Open place')
      const existing = await pinInForce(trx, req.studentId)
      if (existing) throw ALREADY_PINNED(existing.id)
      return insertPin(trx, ctx, req)
    })
  } catch (error) {
    const e = error as { code?: unknown; constraint?: unknown } | null
    if (e?.code === '23505' && e.constraint === 'placement_override_active_pin_key')
      throw ALREADY_PINNED((await pinInForce(ctx.db, req.studentId))?.id)
    throw error
  }
}

async function insertPin(
  trx: Transaction<Database>,
  ctx: DataCtx,
  req: { readonly studentId: string; readonly placeId: string; readonly reason: string },
): Promise<Pin> {
  const row = await trx
    .insertInto('placement_override')
    .values({
      kind: 'pin',
      student_id: req.studentId,
      place_id: req.placeId,
      reason: req.reason,
      created_by: actorOf(ctx.caller),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await audit(trx, ctx, 'pin.create', `pin:${row.id}`, { student: req.studentId, place: req.placeId, reason: req.reason })
  return pinOf(row)
}

/** The pins in force for the school's students. */
export async function listPins(ctx: DataCtx): Promise<Pin[]> {
  const rows = await visiblePins(ctx.db, ctx.caller.scope)
    .selectAll('o')
    .where('o.removed_at', 'is', null)
    .orderBy('o.created_at')
    .orderBy('o.id')
    .execute()
  return rows.map(pinOf)
}

export async function removePin(ctx: DataCtx, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const pin = await visiblePins(trx, ctx.caller.scope)
      .select(['o.id', 'o.student_id', 'o.place_id'])
      .where('o.id', '=', id)
      .where('o.removed_at', 'is', null)
      .executeTakeFirst()
    if (!pin) throw notFound('Pin')
    await trx
      .updateTable('placement_override')
      .set({ removed_at: ctx.now(), removed_by: actorOf(ctx.caller) })
      .where('id', '=', id)
      .execute()
    await audit(trx, ctx, 'pin.remove', `pin:${id}`, { student: pin.student_id, place: pin.place_id })
  })
}

/**
 * Moves a proposal of a stored run to another open place, with the coordinator's reason: the old
 * proposal is declined (so later nights do not propose it again) and the new one is scored and
 * explained by the core as a pin of that run. Returns the new proposal's id.
 */
export async function moveProposal(
  ctx: DataCtx,
  id: string,
  req: { readonly placeId: string; readonly reason: string },
): Promise<{ proposalId: string }> {
  return proposalWrite(() =>
    ctx.db.transaction().execute(async (trx) => {
      const found = await visibleProposals(trx, ctx.caller.scope)
        .innerJoin('match_run as r', 'r.id', 'p.run_id')
        .select(['p.id', 'p.student_id', 'p.place_id', 'r.seed', 'r.today', 'r.status as run_status'])
        .where('p.id', '=', id)
        .executeTakeFirst()
      if (!found) throw notFound('Voorstel / Proposal')
      const target = await openPlacesFor(trx, ctx.caller.scope).select('pl.id').where('pl.id', '=', req.placeId).executeTakeFirst()
      if (!target) throw notFound('Open plaats / Open place')
      // The same lock order as a status change (student, places, proposal), then the proposal's
      // state read again under its lock: a move racing another move or an accept sees the winner's
      // result and refuses, instead of declining what a company just accepted.
      const { proposal: locked } = await lockForChange(trx, found, [found.place_id, req.placeId])
      const old = { ...found, ...locked }
      if (old.place_id === req.placeId)
        throw new AppError('CONFLICT', 'Het voorstel is al voor deze plaats / Already at this place')
      if (old.status === 'accepted' || old.status === 'declined')
        throw new AppError(
          'CONFLICT',
          `Een ${STATUS_NL[old.status]} voorstel verplaats je niet${old.status === 'declined' ? ' (het werd al afgewezen of verplaatst)' : ''} / A proposal that is ${old.status} cannot move`,
        )
      if (old.run_status !== 'succeeded' || old.today === null)
        throw new AppError('CONFLICT', 'De run is niet afgerond / The run has not finished')
      const input = await loadPairInput(trx, { studentId: old.student_id, placeId: req.placeId, reason: req.reason })
      if (!input) throw notFound('Plaats / Place')
      const result = match(input, { seed: Number(old.seed), today: old.today })
      const proposal = result.students[0]?.proposals[0]
      if (!proposal) throw new AppError('INTERNAL', 'De kern gaf geen voorstel voor de pin / The core gave no proposal for the pin')
      const inserted = await insertProposals(trx, old.run_id, [{ ...proposal, rank: old.rank, reasons: explainProposal(proposal) }])
      if (inserted === 0)
        throw new AppError('CONFLICT', 'Deze run heeft al een voorstel voor die plaats / This run already proposes that place')
      await trx
        .updateTable('proposal')
        .set({ status: 'declined', status_by: actorOf(ctx.caller), status_at: ctx.now() })
        .where('id', '=', id)
        .execute()
      const created = await trx
        .selectFrom('proposal')
        .select('id')
        .where('run_id', '=', old.run_id)
        .where('student_id', '=', old.student_id)
        .where('place_id', '=', req.placeId)
        .executeTakeFirstOrThrow()
      const override = await trx
        .insertInto('placement_override')
        .values({
          kind: 'move',
          student_id: old.student_id,
          place_id: req.placeId,
          from_place_id: old.place_id,
          run_id: old.run_id,
          reason: req.reason,
          created_by: actorOf(ctx.caller),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(trx, ctx, 'proposal.move', `proposal:${id}`, {
        override: override.id,
        student: old.student_id,
        from: old.place_id,
        to: req.placeId,
        newProposal: created.id,
        reason: req.reason,
        warnings: result.students[0]?.pinWarnings.filter((v) => !v.ok).map((v) => (v.ok ? '' : v.code)) ?? [],
      })
      return { proposalId: created.id }
    }),
  )
}
