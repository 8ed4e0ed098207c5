import { sql } from 'kysely'
import { notFound } from '../errors.js'
import { competenceById, municipalityOf, postcodesOfRegion, programmeTitle } from '../lookups/reference.js'
import { visibleStudents } from '../scope/visible.js'
import { auditRead, type DataCtx } from './context.js'
import { afterCursor, type Keyset, keysetOrder, type Page, type PageRequest, runPage, toPage } from './page.js'

export interface StudentFilter extends PageRequest {
  readonly status?: 'open' | 'placed' | 'withdrawn' | undefined
  readonly programmeId?: number | undefined
  /** A named region key: students living there. */
  readonly region?: string | undefined
  readonly schoolId?: string | undefined
}

// By name; the key ends in the id, exactly as the index student_school_sort_idx (migration 0012) has
// it, so a school's page is read in index order instead of sorting all its students.
const KEYSET: Keyset = { key: sql<string>`s.last_name || ' ' || s.first_name || ' ' || s.id::text`, id: 's.id' }

// One truth for a pupil's state: an accepted proposal makes the pupil placed, whatever the status
// column says (nothing writes 'placed' there, so it cannot drift from the proposals). A pupil the
// school left out of its list stays withdrawn. The partial unique index
// proposal_one_accepted_per_student (migration 0013) holds at most one accepted proposal per pupil,
// so the left join adds no rows, and each page row costs one probe of that small index.
const STATUS = sql<
  'open' | 'placed' | 'withdrawn'
>`case when s.status = 'withdrawn' then 'withdrawn' when ap.id is not null then 'placed' else 'open' end`

/** The visible students with their accepted proposal (`ap`) and its place (`apl`), if any. */
const withPlacement = (ctx: DataCtx) =>
  visibleStudents(ctx.db, ctx.caller.scope)
    .leftJoin('proposal as ap', (j) => j.onRef('ap.student_id', '=', 's.id').on('ap.status', '=', 'accepted'))
    .leftJoin('place as apl', 'apl.id', 'ap.place_id')
    .select([
      STATUS.as('state'),
      'ap.id as placed_proposal_id',
      'ap.place_id as placed_place_id',
      'apl.establishment_postcode as placed_postcode',
      sql<string | null>`(select c.name from company c where c.id = apl.company_id)`.as('placed_company_name'),
    ])

/** A school's students, by name; the read is audited with the ids returned. */
export async function listStudents(ctx: DataCtx, f: StudentFilter): Promise<Page<StudentSummary>> {
  let q = withPlacement(ctx)
    .select([
      's.id',
      's.school_id',
      's.external_id',
      's.first_name',
      's.last_name',
      's.class',
      's.programme_id',
      's.grade',
      's.home_postcode',
      KEYSET.key.as('sort_key'),
    ])
    .where(afterCursor(ctx, KEYSET, f.cursor))
  if (f.status === 'withdrawn') q = q.where('s.status', '=', 'withdrawn')
  else if (f.status === 'placed') q = q.where('s.status', '<>', 'withdrawn').where('ap.id', 'is not', null)
  else if (f.status === 'open') q = q.where('s.status', '<>', 'withdrawn').where('ap.id', 'is', null)
  if (f.programmeId !== undefined) q = q.where('s.programme_id', '=', f.programmeId)
  if (f.schoolId) q = q.where('s.school_id', '=', f.schoolId)
  if (f.region) {
    const pcs = postcodesOfRegion(f.region)
    q = pcs.length === 0 ? q.where(sql<boolean>`false`) : q.where('s.home_postcode', 'in', [...pcs])
  }
  const [k1, k2] = keysetOrder(KEYSET)
  const rows = await runPage(ctx, q.orderBy(k1).orderBy(k2).limit(f.limit + 1))
  const page = toPage(ctx, rows, f.limit, (r) => r.id, toSummary)
  await auditRead(ctx, 'student.list', 'students', { ids: page.items.map((s) => s.id) })
  return page
}

function toSummary(r: {
  id: string
  school_id: string
  external_id: string
  first_name: string
  last_name: string
  class: string | null
  programme_id: number
  grade: number
  state: 'open' | 'placed' | 'withdrawn'
  home_postcode: string
  placed_proposal_id: string | null
  placed_place_id: string | null
  placed_postcode: string | null
  placed_company_name: string | null
}) {
  return {
    id: r.id,
    schoolId: r.school_id,
    externalId: r.external_id,
    firstName: r.first_name,
    lastName: r.last_name,
    class: r.class,
    // Titles come from the reference data in memory (the programme table is seeded from it).
    programme: { id: r.programme_id, title: programmeTitle(r.programme_id) },
    grade: r.grade,
    status: r.state,
    homePostcode: r.home_postcode,
    // The accepted proposal and its place: set exactly when the status is 'placed'.
    placement:
      r.state === 'placed' && r.placed_proposal_id !== null && r.placed_place_id !== null
        ? {
            proposalId: r.placed_proposal_id,
            place: {
              id: r.placed_place_id,
              companyName: r.placed_company_name ?? '',
              postcode: r.placed_postcode ?? '',
              municipality: r.placed_postcode === null ? null : municipalityOf(r.placed_postcode),
            },
          }
        : null,
  }
}
export type StudentSummary = ReturnType<typeof toSummary>

/** One of the school's students with everything it uploaded; audited. */
export async function getStudent(ctx: DataCtx, id: string) {
  const r = await withPlacement(ctx)
    .selectAll('s')
    .where('s.id', '=', id)
    .executeTakeFirst()
  if (!r) throw notFound('Leerling / Student')
  // The pupil's outcome in the latest finished run that had them: placed, pinned, or why not (the
  // coordinator's mail says the same; this is where the school reads it between mails).
  const outcome = await ctx.db
    .selectFrom('match_outcome as o')
    .innerJoin('match_run as r', 'r.id', 'o.run_id')
    .select(['o.run_id', 'o.status', 'o.unmatched_code', 'o.unmatched_reason'])
    .where('o.student_id', '=', id)
    .where('r.status', '=', 'succeeded')
    .orderBy('r.finished_at', 'desc')
    .orderBy('r.created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  await auditRead(ctx, 'student.read', `student:${id}`)
  return {
    ...toSummary(r),
    latestOutcome: outcome
      ? {
          runId: outcome.run_id,
          status: outcome.status,
          unmatchedCode: outcome.unmatched_code,
          unmatchedReason: outcome.unmatched_reason,
        }
      : null,
    email: r.email,
    birthDate: r.birth_date,
    competences: r.competences.map((c) => ({ id: c, text: competenceById(c)?.text ?? null })),
    availability: { start: r.available_from, end: r.available_to },
    maxTravelKm: r.max_travel_km,
    seeks: r.seeks,
    workReadiness: r.work_readiness,
    needsInclusive: r.needs_inclusive,
    abroad: r.abroad,
    priority: r.priority,
    drivingLicence: r.driving_licence,
    firstTwoYearsDone: r.first_two_years_done,
    // Issue 15: what the list's new columns carry.
    interests: r.interests.map((c) => ({ id: c, text: competenceById(c)?.text ?? null })),
    wishes: r.wishes.map((w) => ({ kind: w.kind, id: w.id as string })),
    travelFrom: r.travel_from,
    address: {
      street: r.street,
      houseNumber: r.house_number,
      box: r.box,
      postcode: r.home_postcode,
      municipality: r.municipality,
    },
    guardian:
      r.guardian_name === null && r.guardian_phone === null && r.guardian_email === null
        ? null
        : { name: r.guardian_name, phone: r.guardian_phone, email: r.guardian_email },
    dutchLevel: r.dutch_level,
  }
}
