import { companyCandidate } from '@stagebrug/company-view'
import { type InferResult, sql } from 'kysely'
import { notFound } from '../errors.js'
import { competenceById, programmeTitle } from '../lookups/reference.js'
import { releasedSchools, visibleProposalPlaces } from '../scope/visible.js'
import { auditRead, type DataCtx, iso } from './context.js'
import { type Keyset, keysetOrder, type Page, runPage, toPage } from './page.js'
import { PROPOSAL_COLUMNS, type ProposalFilter, pageConditions } from './proposals.data.js'

const COMPANY_KEYSET: Keyset = {
  key: sql<string>`p.place_id::text || ' ' || (case p.kind when 'pinned' then '0' when 'allocated' then '1' else '2' end) || ' ' || to_char(1000 - p.score, 'FM0000.00')`,
  id: 'p.id',
}

/**
 * A company's page: its proposals with their place are sorted and cut first (a company's scope is
 * on the place), then only the page's rows are joined to their students. Joining all of a company's
 * proposals to their students before sorting doubled PostgreSQL's time per page (issue 7).
 */
function companyPage(ctx: DataCtx, f: ProposalFilter, id?: string) {
  const [k1, k2] = keysetOrder(COMPANY_KEYSET)
  const page = visibleProposalPlaces(ctx.db, ctx.caller.scope)
    .select([
      ...PROPOSAL_COLUMNS,
      'pl.external_id as place_external_id',
      'pl.period_start',
      'pl.needs_driving_licence',
      'pl.company_id',
      'p.breakdown',
      // The run's date picks the school year of the candidate code.
      sql<string>`(select coalesce(r.today, r.created_at::date)::text from match_run r where r.id = p.run_id)`.as(
        'run_date',
      ),
      COMPANY_KEYSET.key.as('sort_key'),
    ])
    .where(pageConditions(ctx, f, COMPANY_KEYSET, id))
    .orderBy(k1)
    .orderBy(k2)
    .limit(f.limit + 1)
  return ctx.db
    .selectFrom(page.as('pg'))
    .innerJoin('student as s', 's.id', 'pg.student_id')
    .selectAll('pg')
    .select([
      's.first_name',
      's.last_name',
      's.school_id',
      's.programme_id',
      's.grade',
      's.competences',
      's.available_from',
      's.available_to',
      's.birth_date',
      's.driving_licence',
      sql<Date | null>`(select cr.released_at from contact_release cr where cr.proposal_id = pg.id)`.as('released_at'),
    ])
    .orderBy('pg.sort_key')
    .orderBy(sql`pg.id::text`)
}
type CompanyRow = InferResult<ReturnType<typeof companyPage>>[number]

/**
 * What a company sees of a proposal: the candidate exactly as `companyCandidate`
 * (@stagebrug/company-view, the one allow-list the company mail uses too) renders it — a keyed
 * candidate code, programme, grade, competences, availability, travel band, age flags, reasons from
 * the allowed codes — plus the proposal's id, run, place, rank and status. Never a score, distance,
 * name, birth date, address, priority or school text. Once the school released the contact of an
 * accepted proposal: first and last name and the school's contact.
 */
function toCompanyView(r: CompanyRow, secret: Uint8Array, contacts: ReadonlyMap<string, SchoolContact>) {
  // The school's contact as it is now: a proposal declined since this page was read shows none.
  const school = r.released_at !== null && r.status === 'accepted' ? contacts.get(r.school_id) : undefined
  const c = companyCandidate({
    secret,
    companyId: r.company_id,
    studentId: r.student_id,
    runDate: r.run_date,
    kind: r.kind,
    reasons: r.reasons,
    breakdown: r.breakdown,
    student: {
      programme: programmeTitle(r.programme_id),
      grade: r.grade,
      competences: r.competences.map((id) => competenceById(id)?.text).filter((t): t is string => !!t),
      availability: { start: r.available_from, end: r.available_to },
      birthDate: r.birth_date,
      drivingLicence: r.driving_licence,
    },
    place: { periodStart: r.period_start, needsDrivingLicence: r.needs_driving_licence },
  })
  return {
    id: r.id,
    runId: r.run_id,
    candidateCode: c.code,
    place: { id: r.place_id, externalId: r.place_external_id, kind: r.place_kind, sector: r.sector },
    rank: r.rank,
    kind: c.kind,
    status: r.status,
    statusAt: iso(r.status_at),
    candidate: {
      programme: c.programme,
      grade: r.grade,
      competences: c.competences,
      availability: { start: r.available_from, end: r.available_to },
      travelBand: c.travelBand,
      ageFlags: c.ageFlags,
      drivingLicence: c.drivingLicence,
    },
    reasons: c.reasons,
    contact: school
      ? {
          firstName: r.first_name,
          lastName: r.last_name,
          school,
          releasedAt: iso(r.released_at),
        }
      : null,
  }
}
export type CompanyProposal = ReturnType<typeof toCompanyView>

interface SchoolContact {
  readonly name: string
  readonly coordinators: { name: string; email: string }[]
}

/** The name and coordinators of each school that released a contact on these rows. */
async function contactsOf(ctx: DataCtx, rows: readonly CompanyRow[]): Promise<Map<string, SchoolContact>> {
  const schools = [...new Set(rows.filter((r) => r.released_at !== null && r.status === 'accepted').map((r) => r.school_id))]
  const map = new Map<string, SchoolContact>()
  if (schools.length === 0) return map
  const found = await releasedSchools(ctx.db, ctx.caller.scope)
    .select(['sc.id', 'sc.name', 'co.name as coordinator', 'co.email'])
    .where('sc.id', 'in', schools)
    .orderBy('sc.id')
    .orderBy('co.email')
    .execute()
  for (const c of found) {
    const contact = map.get(c.id) ?? { name: c.name, coordinators: [] }
    if (c.coordinator !== null && c.email !== null) contact.coordinators.push({ name: c.coordinator, email: c.email })
    map.set(c.id, contact)
  }
  return map
}

async function auditViews(ctx: DataCtx, action: string, subject: string, items: readonly CompanyProposal[]) {
  await auditRead(ctx, action, subject, {
    ids: items.map((p) => p.id),
    withContact: items.filter((p) => p.contact !== null).map((p) => p.id),
  })
}

/** A company's proposals for its places, of published runs, pseudonymised until released; audited. */
export async function listCompanyProposals(ctx: DataCtx, f: ProposalFilter): Promise<Page<CompanyProposal>> {
  const rows = await runPage(ctx, companyPage(ctx, f))
  const contacts = await contactsOf(ctx, rows.slice(0, f.limit))
  const page = toPage(ctx, rows, f.limit, (r) => r.id, (r) => toCompanyView(r, ctx.secret, contacts))
  await auditViews(ctx, 'proposal.list', 'proposals', page.items)
  return page
}

export async function getCompanyProposal(ctx: DataCtx, id: string): Promise<CompanyProposal> {
  const rows = await runPage(ctx, companyPage(ctx, { limit: 1 }, id))
  const row = rows[0]
  if (!row) throw notFound('Voorstel / Proposal')
  const view = toCompanyView(row, ctx.secret, await contactsOf(ctx, rows))
  await auditViews(ctx, 'proposal.read', `proposal:${id}`, [view])
  return view
}
