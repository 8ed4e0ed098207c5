import type { ProposalKind, Reason, ScoreBreakdown } from '@stagebrug/matching-core'
import type { Kysely } from 'kysely'
import type { Database } from '../schema/database.js'
import type { OutcomeStatus } from '../schema/match-outcome.table.js'

/** A proposal of a run with what the shortlist mails show of the student, the place and the company. */
export interface ReportProposal {
  readonly studentId: string
  readonly placeId: string
  readonly rank: number
  readonly kind: ProposalKind
  readonly score: number
  readonly breakdown: ScoreBreakdown
  /** Codes and Dutch texts: coordinators read the texts, companies only what company-view renders of the codes. */
  readonly reasons: readonly Reason[]
  readonly student: {
    readonly programme: string
    readonly grade: number
    readonly competences: readonly number[]
    readonly availableFrom: string
    readonly availableTo: string
    readonly birthDate: string
    readonly drivingLicence: boolean
  }
  readonly place: {
    readonly companyId: string
    readonly kind: string
    readonly sector: string
    readonly capacity: number
    readonly periodStart: string
    readonly periodEnd: string
    /** The Belgian postcode, or the postcode abroad as written ('' when none). */
    readonly postcode: string
    /** The municipality, or the city abroad. */
    readonly municipality: string | null
    /** ISO 3166-1 alpha-2 of a place abroad (Erasmus+); null in Belgium. */
    readonly country: string | null
    readonly needsDrivingLicence: boolean
  }
  readonly companyName: string
  /** The place's contact person for schools (coordinators only; never in a company's view). */
  readonly schoolContact: PlaceContact | null
}

/** The contact person for schools of a place, as the company registered it. */
export interface PlaceContact {
  readonly name: string | null
  readonly email: string | null
  readonly phone: string | null
}

export interface ReportOutcome {
  readonly studentId: string
  readonly schoolId: string
  readonly firstName: string
  readonly lastName: string
  readonly className: string | null
  readonly programme: string
  readonly status: OutcomeStatus
  readonly unmatchedReason: string | null
}

export interface RunReport {
  readonly outcomes: readonly ReportOutcome[]
  readonly proposals: readonly ReportProposal[]
  readonly schools: readonly {
    readonly id: string
    readonly name: string
    readonly instellingsnummer: string
    readonly coordinators: readonly { readonly id: string; readonly name: string; readonly email: string }[]
  }[]
  readonly companies: readonly {
    readonly id: string
    readonly name: string
    readonly kboNumber: string
    readonly contactName: string | null
    readonly contactEmail: string | null
  }[]
  /** Competence id → statement, for the competences the proposed students bring. */
  readonly competences: ReadonlyMap<number, string>
}

/** Everything the shortlist mails of a run need, in five set-based queries. */
export async function loadRunReport(db: Kysely<Database>, runId: string): Promise<RunReport> {
  const outcomeRows = await db
    .selectFrom('match_outcome as o')
    .innerJoin('student as s', 's.id', 'o.student_id')
    .innerJoin('programme as g', 'g.id', 's.programme_id')
    .select([
      'o.student_id',
      'o.status',
      'o.unmatched_reason',
      's.school_id',
      's.first_name',
      's.last_name',
      's.class',
      'g.title as programme',
    ])
    .where('o.run_id', '=', runId)
    .orderBy('s.last_name')
    .orderBy('s.first_name')
    .orderBy('o.student_id')
    .execute()

  const proposalRows = await db
    .selectFrom('proposal as p')
    .innerJoin('student as s', 's.id', 'p.student_id')
    .innerJoin('programme as g', 'g.id', 's.programme_id')
    .innerJoin('place as pl', 'pl.id', 'p.place_id')
    .innerJoin('company as c', 'c.id', 'pl.company_id')
    .leftJoin('postcode as pc', 'pc.postcode', 'pl.establishment_postcode') // none for a place abroad
    .select([
      'p.student_id',
      'p.place_id',
      'p.rank',
      'p.kind',
      'p.score',
      'p.breakdown',
      'p.reasons',
      'g.title as programme',
      's.grade',
      's.competences',
      's.available_from',
      's.available_to',
      's.birth_date',
      's.driving_licence',
      'pl.company_id',
      'pl.kind as place_kind',
      'pl.sector',
      'pl.capacity',
      'pl.period_start',
      'pl.period_end',
      'pl.establishment_postcode',
      'pl.needs_driving_licence',
      'pl.country',
      'pl.foreign_postcode',
      'pl.establishment_municipality',
      'pl.contact_name',
      'pl.contact_email',
      'pl.contact_phone',
      'pc.municipality',
      'c.name as company_name',
    ])
    .where('p.run_id', '=', runId)
    .orderBy('p.student_id')
    .orderBy('p.rank')
    .execute()

  const schoolIds = [...new Set(outcomeRows.map((o) => o.school_id))]
  const schoolRows = schoolIds.length
    ? await db
        .selectFrom('school')
        .select(['id', 'name', 'instellingsnummer'])
        .where('id', 'in', schoolIds)
        .orderBy('instellingsnummer')
        .execute()
    : []
  const coordinatorRows = schoolIds.length
    ? await db
        .selectFrom('coordinator')
        .select(['id', 'school_id', 'name', 'email'])
        .where('school_id', 'in', schoolIds)
        .orderBy('email')
        .execute()
    : []
  const companyIds = [...new Set(proposalRows.map((p) => p.company_id))]
  const companyRows = companyIds.length
    ? await db
        .selectFrom('company')
        .select(['id', 'name', 'kbo_number', 'contact_name', 'contact_email'])
        .where('id', 'in', companyIds)
        .orderBy('kbo_number')
        .execute()
    : []
  const competenceIds = [...new Set(proposalRows.flatMap((p) => p.competences))]
  const competenceRows = competenceIds.length
    ? await db.selectFrom('competence').select(['id', 'text']).where('id', 'in', competenceIds).execute()
    : []

  return {
    outcomes: outcomeRows.map((o) => ({
      studentId: o.student_id,
      schoolId: o.school_id,
      firstName: o.first_name,
      lastName: o.last_name,
      className: o.class,
      programme: o.programme,
      status: o.status,
      unmatchedReason: o.unmatched_reason,
    })),
    proposals: proposalRows.map((p) => ({
      studentId: p.student_id,
      placeId: p.place_id,
      rank: p.rank,
      kind: p.kind,
      score: Number(p.score),
      breakdown: p.breakdown,
      reasons: p.reasons,
      student: {
        programme: p.programme,
        grade: p.grade,
        competences: p.competences,
        availableFrom: p.available_from,
        availableTo: p.available_to,
        birthDate: p.birth_date,
        drivingLicence: p.driving_licence,
      },
      place: {
        companyId: p.company_id,
        kind: p.place_kind,
        sector: p.sector,
        capacity: p.capacity,
        periodStart: p.period_start,
        periodEnd: p.period_end,
        postcode: p.establishment_postcode ?? p.foreign_postcode ?? '',
        municipality: p.municipality ?? p.establishment_municipality,
        country: p.country,
        needsDrivingLicence: p.needs_driving_licence,
      },
      companyName: p.company_name,
      schoolContact:
        p.contact_name === null && p.contact_email === null && p.contact_phone === null
          ? null
          : { name: p.contact_name, email: p.contact_email, phone: p.contact_phone },
    })),
    schools: schoolRows.map((s) => ({
      id: s.id,
      name: s.name,
      instellingsnummer: s.instellingsnummer,
      coordinators: coordinatorRows
        .filter((c) => c.school_id === s.id)
        .map((c) => ({ id: c.id, name: c.name, email: c.email })),
    })),
    companies: companyRows.map((c) => ({
      id: c.id,
      name: c.name,
      kboNumber: c.kbo_number,
      contactName: c.contact_name,
      contactEmail: c.contact_email,
    })),
    competences: new Map(competenceRows.map((c) => [c.id, c.text])),
  }
}
