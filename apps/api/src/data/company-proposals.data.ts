import { ageFlags, travelBand } from '@stagebrug/mail'
import { candidateCode } from '@stagebrug/night'
import { type InferResult, sql } from 'kysely'
import { notFound } from '../errors.js'
import { competenceById, programmeTitle } from '../lookups/reference.js'
import { releasedSchoolContacts } from '../scope/visible.js'
import { auditRead, type DataCtx, iso } from './context.js'
import type { Keyset, Page } from './page.js'
import { toPage } from './page.js'
import { type ProposalFilter, proposalPage, runPage } from './proposals.data.js'

const COMPANY_KEYSET: Keyset = {
  key: sql<string>`p.place_id::text || ' ' || (case p.kind when 'pinned' then '0' when 'allocated' then '1' else '2' end) || ' ' || to_char(1000 - p.score, 'FM0000.00')`,
  id: 'p.id',
}

/** What the company's view adds: the candidate's profile and the place's own reference. */
const companyPage = (ctx: DataCtx, f: ProposalFilter, id?: string) =>
  proposalPage(ctx, f, COMPANY_KEYSET, id).select([
    's.programme_id',
    's.grade',
    's.competences',
    's.available_from',
    's.available_to',
    's.birth_date',
    's.driving_licence',
    'pl.external_id as place_external_id',
    'pl.period_start',
    'pl.needs_driving_licence',
    // A travel band, computed from the distance alone.
    sql<number | null>`(p.breakdown #>> '{facts,distanceKm}')::float8`.as('distance_km'),
    sql<string>`(select sc.name from school sc where sc.id = s.school_id)`.as('school_name'),
  ])
type CompanyRow = InferResult<ReturnType<typeof companyPage>>[number]

/** The exact distance identifies a home; companies get the travel band instead (as in the mails). */
const isDistanceReason = (reason: string) => reason.endsWith('van huis')

/**
 * What a company sees of a proposal (domain.md §5.1): a pseudonymous candidate code, programme,
 * grade, competences, availability, travel band and age flags; never a name, birth date, address
 * or contact. Once the school released the contact of an accepted proposal: first and last name and
 * the school's contact.
 */
function toCompanyView(r: CompanyRow, coordinators: ReadonlyMap<string, { name: string; email: string }[]>) {
  const released = r.released_at !== null && r.status === 'accepted'
  return {
    id: r.id,
    runId: r.run_id,
    candidateCode: candidateCode(r.run_id, r.student_id),
    place: { id: r.place_id, externalId: r.place_external_id, kind: r.place_kind, sector: r.sector },
    rank: r.rank,
    kind: r.kind === 'alternative' ? ('reserve' as const) : r.kind,
    status: r.status,
    statusAt: iso(r.status_at),
    candidate: {
      programme: programmeTitle(r.programme_id),
      grade: r.grade,
      competences: r.competences.map((c) => competenceById(c)?.text).filter((t): t is string => !!t),
      availability: { start: r.available_from, end: r.available_to },
      travelBand: travelBand(r.distance_km ?? 0),
      ageFlags: ageFlags(r.birth_date, r.period_start),
      drivingLicence: r.needs_driving_licence ? r.driving_licence : null,
    },
    reasons: r.reasons.filter((reason) => !isDistanceReason(reason)),
    contact: released
      ? {
          firstName: r.first_name,
          lastName: r.last_name,
          school: { name: r.school_name, coordinators: coordinators.get(r.school_id) ?? [] },
          releasedAt: iso(r.released_at),
        }
      : null,
  }
}
export type CompanyProposal = ReturnType<typeof toCompanyView>

async function coordinatorsOf(ctx: DataCtx, rows: readonly CompanyRow[]) {
  const schools = [...new Set(rows.filter((r) => r.released_at !== null && r.status === 'accepted').map((r) => r.school_id))]
  const map = new Map<string, { name: string; email: string }[]>()
  if (schools.length === 0) return map
  const found = await releasedSchoolContacts(ctx.db, ctx.caller.scope)
    .select(['co.school_id', 'co.name', 'co.email'])
    .where('co.school_id', 'in', schools)
    .orderBy('co.email')
    .execute()
  for (const c of found) map.set(c.school_id, [...(map.get(c.school_id) ?? []), { name: c.name, email: c.email }])
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
  const coordinators = await coordinatorsOf(ctx, rows.slice(0, f.limit))
  const page = toPage(rows, f.limit, (r) => r.id, (r) => toCompanyView(r, coordinators))
  await auditViews(ctx, 'proposal.list', 'proposals', page.items)
  return page
}

export async function getCompanyProposal(ctx: DataCtx, id: string): Promise<CompanyProposal> {
  const rows = await runPage(ctx, companyPage(ctx, { limit: 1 }, id))
  const row = rows[0]
  if (!row) throw notFound('Voorstel / Proposal')
  const view = toCompanyView(row, await coordinatorsOf(ctx, rows))
  await auditViews(ctx, 'proposal.read', `proposal:${id}`, [view])
  return view
}
