import type { Database, ProposalStatus } from '@stagebrug/db'
import {
  type Expression,
  expressionBuilder,
  type InferResult,
  type RawBuilder,
  type SqlBool,
  sql,
  type Transaction,
} from 'kysely'
import { AppError, notFound } from '../errors.js'
import { municipalityOf, postcodesOfRegion } from '../lookups/reference.js'
import { actorOf } from '../scope/scope.js'
import { visibleProposals } from '../scope/visible.js'
import { audit, auditRead, type DataCtx, iso } from './context.js'
import {
  afterCursor,
  cursorKey,
  type Keyset,
  keysetOrder,
  type Page,
  type PageRequest,
  runPage,
  toPage,
} from './page.js'

export interface ProposalFilter extends PageRequest {
  /** `latest` (default): the latest run the caller can see, an accepted proposal instead (`latestOrAccepted`); `all`; or a run id. */
  readonly run?: string | undefined
  readonly status?: ProposalStatus | undefined
  readonly studentId?: string | undefined
  readonly placeId?: string | undefined
  readonly programmeId?: number | undefined
  /** A named region key: places there. */
  readonly region?: string | undefined
}

/** The run `latest` means: for a school the last finished run, for a company the last published one. */
function latestRun(ctx: DataCtx) {
  const company = ctx.caller.scope.role === 'company'
  return ctx.db
    .selectFrom('match_run')
    .select('id')
    .where('status', '=', 'succeeded')
    .$if(company, (q) => q.where('published_at', 'is not', null).orderBy('published_at', 'desc'))
    .$if(!company, (q) => q.orderBy('finished_at', 'desc'))
    .orderBy('created_at', 'desc')
    .limit(1)
}

/**
 * What `latest` shows, one truth per pupil: a pupil with an accepted proposal shows that accepted
 * proposal (whichever run it came from, if the caller can see it), and no other; every other pupil
 * shows the proposals of the latest run (`latestRun`). Without the exception an accepted pupil
 * either vanished from the school's latest view (the next night leaves placed pupils out) or showed
 * a stale 'proposed' of a run computed before the accept. For a company this means a candidate
 * accepted by another company leaves its latest view (`run=all` still lists the old proposal).
 * Both parts are per-row conditions on rows the page's index walk reaches anyway: `p.status` is on
 * the row, and the NOT EXISTS is one probe of the small partial unique index
 * proposal_one_accepted_per_student (migration 0013).
 */
function latestOrAccepted(ctx: DataCtx): Expression<SqlBool> {
  const eb = expressionBuilder<PageTables, 'p' | 'pl'>()
  return eb.or([
    eb('p.status', '=', 'accepted'),
    eb.and([
      eb('p.run_id', '=', latestRun(ctx)),
      sql<SqlBool>`not exists (select from proposal ap where ap.student_id = p.student_id and ap.status = 'accepted')`,
    ]),
  ])
}

/**
 * A keyset whose order an index can deliver: sorted by `parts` (the same order as `key`), and a later
 * page narrowed by `seek(cursor key)` (a condition on the first part; `afterCursor` still applies).
 */
export interface ProposalKeyset extends Keyset {
  readonly parts?: readonly RawBuilder<string>[]
  readonly seek?: (key: string) => Expression<SqlBool>
}

/** The tables a proposal page filters on, under their aliases. */
interface PageTables {
  p: Database['proposal']
  pl: Database['place']
}

/**
 * The conditions of a page (or of the one proposal `id`): the cursor, the run (`latest` by default)
 * and the filters. They name only the proposal and its place, so both page shapes use them.
 */
export function pageConditions(ctx: DataCtx, f: ProposalFilter, keyset: ProposalKeyset, id?: string): Expression<SqlBool> {
  const eb = expressionBuilder<PageTables, 'p' | 'pl'>()
  if (id !== undefined) return eb('p.id', '=', id)
  const all: Expression<SqlBool>[] = [afterCursor(ctx, keyset, f.cursor)]
  const after = cursorKey(ctx, f.cursor)
  if (after !== undefined && keyset.seek) all.push(keyset.seek(after))
  if (f.run === undefined || f.run === 'latest') all.push(latestOrAccepted(ctx))
  else if (f.run !== 'all') all.push(eb('p.run_id', '=', f.run))
  if (f.status) all.push(eb('p.status', '=', f.status))
  if (f.studentId) all.push(eb('p.student_id', '=', f.studentId))
  if (f.placeId) all.push(eb('p.place_id', '=', f.placeId))
  if (f.programmeId !== undefined)
    all.push(sql<SqlBool>`exists (select from student sf where sf.id = p.student_id and sf.programme_id = ${f.programmeId})`)
  if (f.region) {
    const pcs = postcodesOfRegion(f.region)
    all.push(pcs.length === 0 ? sql<SqlBool>`false` : eb('pl.establishment_postcode', 'in', [...pcs]))
  }
  return eb.and(all)
}

/**
 * The visible proposals of one page (or the one with `id`) with their student and place, filtered
 * and in keyset order, with their sort key; the caller's scope applies. Each view selects the
 * columns it shows and runs the query with `runPage`.
 */
export function proposalPage(ctx: DataCtx, f: ProposalFilter, keyset: ProposalKeyset, id?: string) {
  // One flat query: the scope's proposals with their student and place, sorted and cut to a page.
  // PostgreSQL walks the keyset's index and looks up names for the page's rows only. An earlier form
  // paged in a subquery and joined the proposal and student again: planning that cost more than
  // running it (issue 7).
  let q = visibleProposals(ctx.db, ctx.caller.scope)
    .select([...PROPOSAL_COLUMNS, 's.first_name', 's.last_name', 's.school_id', keyset.key.as('sort_key')])
    .select(sql<Date | null>`(select cr.released_at from contact_release cr where cr.proposal_id = p.id)`.as('released_at'))
    .where(pageConditions(ctx, f, keyset, id))
  const [k1, k2] = keysetOrder(keyset)
  for (const part of keyset.parts ?? [k1]) q = q.orderBy(part)
  return q.orderBy(k2).limit(f.limit + 1)
}

/** What both views show of a proposal and its place. */
export const PROPOSAL_COLUMNS = [
  'p.id',
  'p.run_id',
  'p.student_id',
  'p.place_id',
  'p.rank',
  'p.kind',
  'p.score',
  'p.status',
  'p.status_at',
  'p.reasons',
  'pl.kind as place_kind',
  'pl.sector',
] as const

// A school's proposals by student name, then rank. The student part is exactly the expression of the
// index student_school_sort_idx (migration 0012), so PostgreSQL walks the school's students in
// order and stops after a page instead of sorting every proposal of the school. Sorting by the two
// parts equals sorting by their concatenation (C collation; the student part ends in its id and the
// rank part has a fixed width).
const STUDENT_SORT = sql<string>`s.last_name || ' ' || s.first_name || ' ' || s.id::text`
const RANK_SORT = sql<string>`lpad(p.rank::text, 3, '0')`
const SCHOOL_KEYSET: ProposalKeyset = {
  key: sql<string>`${STUDENT_SORT} || ' ' || ${RANK_SORT}`,
  id: 'p.id',
  parts: [STUDENT_SORT, RANK_SORT],
  // The cursor's key without its ' 001' rank part: the student to start from.
  seek: (key) => sql<SqlBool>`${STUDENT_SORT} >= ${key.slice(0, -4)}`,
}

/** What the school's view adds: the class, the company and where the place is. */
const schoolPage = (ctx: DataCtx, f: ProposalFilter, id?: string) =>
  proposalPage(ctx, f, SCHOOL_KEYSET, id).select([
    's.class',
    'pl.period_start',
    'pl.period_end',
    'pl.establishment_postcode',
    'pl.country',
    'pl.foreign_postcode',
    'pl.establishment_municipality',
    'pl.contact_name',
    'pl.contact_email',
    'pl.contact_phone',
    'p.decline_reason',
    sql<string>`(select c.name from company c where c.id = pl.company_id)`.as('company_name'),
  ])
type SchoolRow = InferResult<ReturnType<typeof schoolPage>>[number]

function toSchoolView(r: SchoolRow) {
  return {
    id: r.id,
    runId: r.run_id,
    student: { id: r.student_id, firstName: r.first_name, lastName: r.last_name, class: r.class, schoolId: r.school_id },
    place: {
      id: r.place_id,
      companyName: r.company_name,
      kind: r.place_kind,
      sector: r.sector,
      postcode: r.establishment_postcode ?? r.foreign_postcode,
      municipality:
        r.establishment_postcode === null ? r.establishment_municipality : municipalityOf(r.establishment_postcode),
      country: r.country,
      period: { start: r.period_start, end: r.period_end },
      // The place's contact person for schools (issue 14): the school may reach the company before accepting.
      contact: { name: r.contact_name, email: r.contact_email, phone: r.contact_phone },
    },
    rank: r.rank,
    kind: r.kind,
    score: Number(r.score),
    status: r.status,
    statusAt: iso(r.status_at),
    reasons: r.reasons.map((reason) => reason.text),
    declineReason: r.decline_reason,
    contactReleasedAt: iso(r.released_at),
  }
}
export type SchoolProposal = ReturnType<typeof toSchoolView>

/** A school's proposals for its students with the reasons; audited (names are personal data). */
export async function listSchoolProposals(ctx: DataCtx, f: ProposalFilter): Promise<Page<SchoolProposal>> {
  const rows = await runPage(ctx, schoolPage(ctx, f))
  const page = toPage(ctx, rows, f.limit, (r) => r.id, toSchoolView)
  await auditRead(ctx, 'proposal.list', 'proposals', {
    ids: page.items.map((p) => p.id),
    students: [...new Set(page.items.map((p) => p.student.id))],
  })
  return page
}

export async function getSchoolProposal(ctx: DataCtx, id: string): Promise<SchoolProposal> {
  const [row] = await runPage(ctx, schoolPage(ctx, { limit: 1 }, id))
  if (!row) throw notFound('Voorstel / Proposal')
  await auditRead(ctx, 'proposal.read', `proposal:${id}`, { student: row.student_id })
  return toSchoolView(row)
}

// Who may move a proposal from one status to another. A company accepts or declines a candidate;
// the school follows the intake (contacted) and may still decline an accepted proposal.
const NEXT: Readonly<Record<'school' | 'company', Readonly<Record<ProposalStatus, readonly ProposalStatus[]>>>> = {
  school: {
    proposed: ['contacted', 'accepted', 'declined'],
    contacted: ['accepted', 'declined'],
    accepted: ['declined'],
    declined: [],
  },
  company: { proposed: ['accepted', 'declined'], contacted: ['accepted', 'declined'], accepted: [], declined: [] },
}

/** A proposal's status in Dutch, for the messages that say why something cannot be done. */
export const STATUS_NL: Readonly<Record<ProposalStatus, string>> = {
  proposed: 'voorgesteld',
  contacted: 'gecontacteerd',
  accepted: 'aanvaard',
  declined: 'afgewezen',
}

const ALREADY_PLACED = () =>
  new AppError('CONFLICT', 'De leerling aanvaardde al een andere plaats / The student already accepted another place')

/** PostgreSQL broke a deadlock with this transaction, or could not serialise it: trying again is safe. */
const isRetryable = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code
  return code === '40P01' || code === '40001'
}

/**
 * Runs a status change or a move: again (up to 3 times) when PostgreSQL broke a deadlock with it
 * (the lock order below should prevent one); still failing, a 409 that says to try again, never a
 * 500. A second accepted proposal of one pupil that the lock did not stop (the partial unique index
 * proposal_one_accepted_per_student refused it) is the 409 of an accept that came too late.
 */
export async function proposalWrite<T>(task: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task()
    } catch (error) {
      const e = error as { code?: unknown; constraint?: unknown } | null
      if (e?.code === '23505' && e.constraint === 'proposal_one_accepted_per_student') throw ALREADY_PLACED()
      if (!isRetryable(error)) throw error
      if (attempt >= 3)
        throw new AppError('CONFLICT', 'Een andere wijziging kwam tussen; probeer opnieuw / Another change interfered; try again')
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 80))
    }
  }
}

/**
 * Locks what a change of one proposal depends on, always in the same order so that two changes
 * never wait for each other in a circle: the student row (serialises everything done to one pupil:
 * accepts, moves, declines), then the place(s) (serialises the seats of a place), then the proposal
 * itself, read again under its lock, so every check below sees its current state. All three are
 * locked FOR NO KEY UPDATE: that conflicts with itself like FOR UPDATE, but not with the key-share
 * locks of a night's foreign-key checks (which FOR UPDATE did, see upsertStudents). Places are
 * locked in id order, so two moves between the same two places cannot deadlock either.
 */
export async function lockForChange(
  trx: Transaction<Database>,
  found: { readonly id: string; readonly student_id: string },
  places: readonly string[],
) {
  await trx.selectFrom('student').select('id').where('id', '=', found.student_id).forNoKeyUpdate().execute()
  const locked = await trx
    .selectFrom('place')
    .select(['id', 'capacity', 'status'])
    .where('id', 'in', [...places].sort())
    .orderBy('id')
    .forNoKeyUpdate()
    .execute()
  const proposal = await trx
    .selectFrom('proposal')
    .select(['id', 'status', 'student_id', 'place_id', 'run_id', 'rank'])
    .where('id', '=', found.id)
    .forNoKeyUpdate()
    .executeTakeFirstOrThrow()
  return { places: new Map(locked.map((p) => [p.id, p])), proposal }
}

/**
 * Sets a proposal's status as the school or the company. Accepting needs an open place with a free
 * seat and a student without another accepted proposal; a decline may carry a reason for the school.
 * Setting the status it has changes nothing. Safe under concurrency: see `lockForChange`.
 */
export async function setProposalStatus(
  ctx: DataCtx,
  id: string,
  status: ProposalStatus,
  reason?: string | undefined,
): Promise<void> {
  const role = ctx.caller.scope.role
  if (role === 'admin') throw new AppError('FORBIDDEN', 'Alleen school of bedrijf / School or company only')
  await proposalWrite(() =>
    ctx.db.transaction().execute(async (trx) => {
      const found = await visibleProposals(trx, ctx.caller.scope)
        .select(['p.id', 'p.student_id', 'p.place_id'])
        .where('p.id', '=', id)
        .executeTakeFirst()
      if (!found) throw notFound('Voorstel / Proposal')
      const { places, proposal: current } = await lockForChange(trx, found, [found.place_id])
      const place = places.get(found.place_id)!
      if (current.status === status) return
      if (!NEXT[role][current.status].includes(status)) {
        throw new AppError(
          'CONFLICT',
          `Van ${STATUS_NL[current.status]} naar ${STATUS_NL[status]} kan niet / Cannot go from ${current.status} to ${status}`,
        )
      }
      if (status === 'accepted') {
        if (place.status !== 'open')
          throw new AppError(
            'CONFLICT',
            'De plaats is gesloten; het bedrijf kan ze heropenen / The place is closed; the company can reopen it',
          )
        // Under the student's and the place's locks these counts cannot change before we commit.
        const taken = await trx
          .selectFrom('proposal')
          .select([
            sql<number>`count(*) filter (where place_id = ${found.place_id})`.as('at_place'),
            sql<number>`count(*) filter (where student_id = ${found.student_id})`.as('of_student'),
          ])
          .where('status', '=', 'accepted')
          .where((eb) => eb.or([eb('place_id', '=', found.place_id), eb('student_id', '=', found.student_id)]))
          .executeTakeFirstOrThrow()
        if (Number(taken.of_student) > 0) throw ALREADY_PLACED()
        if (Number(taken.at_place) >= place.capacity)
          throw new AppError('CONFLICT', 'Geen vrije plaats meer / No seat left at this place')
      }
      const declineReason = status === 'declined' ? (reason ?? null) : null
      await trx
        .updateTable('proposal')
        .set({ status, status_by: actorOf(ctx.caller), status_at: ctx.now(), decline_reason: declineReason })
        .where('id', '=', id)
        .execute()
      await audit(trx, ctx, 'proposal.status', `proposal:${id}`, {
        from: current.status,
        to: status,
        student: found.student_id,
        ...(declineReason !== null ? { reason: declineReason } : {}),
      })
    }),
  )
}

/** Why a contact cannot be released: the proposal (no longer, or not yet) accepted, said in its status. */
function notReleasable(status: ProposalStatus): AppError {
  const [nl, en] = status === 'declined' ? ['niet meer', 'no longer'] : ['nog niet', 'not yet']
  return new AppError(
    'CONFLICT',
    `Het voorstel is ${nl} aanvaard (het is ${STATUS_NL[status]}); vrijgeven kan enkel voor een aanvaard voorstel / The proposal is ${en} accepted (it is ${status}); only an accepted proposal's contact can be released`,
  )
}

/**
 * The school releases the student's name and the school contact to the company: accepted proposals
 * only. It takes the locks of a status change (`lockForChange`) and checks the status it reads under
 * them, so a release racing the school's decline of the accepted proposal (a company cannot decline
 * an accepted one) is either written before the decline, or refused after it: never written on a
 * proposal that was declined meanwhile.
 */
export async function releaseContact(ctx: DataCtx, id: string): Promise<{ releasedAt: string }> {
  return proposalWrite(() =>
    ctx.db.transaction().execute(async (trx) => {
      const found = await visibleProposals(trx, ctx.caller.scope)
        .select(['p.id', 'p.student_id', 'p.place_id', 'pl.company_id'])
        .where('p.id', '=', id)
        .executeTakeFirst()
      if (!found) throw notFound('Voorstel / Proposal')
      const { proposal: current } = await lockForChange(trx, found, [found.place_id])
      if (current.status !== 'accepted') throw notReleasable(current.status)
      await trx
        .insertInto('contact_release')
        .values({ proposal_id: id, released_by: actorOf(ctx.caller), released_at: ctx.now() })
        .onConflict((oc) => oc.column('proposal_id').doNothing())
        .execute()
      const row = await trx
        .selectFrom('contact_release')
        .select('released_at')
        .where('proposal_id', '=', id)
        .executeTakeFirstOrThrow()
      await audit(trx, ctx, 'proposal.release', `proposal:${id}`, { student: found.student_id, company: found.company_id })
      return { releasedAt: iso(row.released_at)! }
    }),
  )
}
