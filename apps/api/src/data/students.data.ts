import { sql } from 'kysely'
import { notFound } from '../errors.js'
import { competenceById, postcodesOfRegion, programmeTitle } from '../lookups/reference.js'
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

/** A school's students, by name; the read is audited with the ids returned. */
export async function listStudents(ctx: DataCtx, f: StudentFilter): Promise<Page<StudentSummary>> {
  let q = visibleStudents(ctx.db, ctx.caller.scope)
    .select([
      's.id',
      's.school_id',
      's.external_id',
      's.first_name',
      's.last_name',
      's.class',
      's.programme_id',
      's.grade',
      's.status',
      's.home_postcode',
      KEYSET.key.as('sort_key'),
    ])
    .where(afterCursor(KEYSET, f.cursor))
  if (f.status) q = q.where('s.status', '=', f.status)
  if (f.programmeId !== undefined) q = q.where('s.programme_id', '=', f.programmeId)
  if (f.schoolId) q = q.where('s.school_id', '=', f.schoolId)
  if (f.region) {
    const pcs = postcodesOfRegion(f.region)
    q = pcs.length === 0 ? q.where(sql<boolean>`false`) : q.where('s.home_postcode', 'in', [...pcs])
  }
  const [k1, k2] = keysetOrder(KEYSET)
  const rows = await runPage(ctx, q.orderBy(k1).orderBy(k2).limit(f.limit + 1))
  const page = toPage(rows, f.limit, (r) => r.id, toSummary)
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
  status: 'open' | 'placed' | 'withdrawn'
  home_postcode: string
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
    status: r.status,
    homePostcode: r.home_postcode,
  }
}
export type StudentSummary = ReturnType<typeof toSummary>

/** One of the school's students with everything it uploaded; audited. */
export async function getStudent(ctx: DataCtx, id: string) {
  const r = await visibleStudents(ctx.db, ctx.caller.scope)
    .selectAll('s')
    .where('s.id', '=', id)
    .executeTakeFirst()
  if (!r) throw notFound('Leerling / Student')
  await auditRead(ctx, 'student.read', `student:${id}`)
  return {
    ...toSummary(r),
    email: r.email,
    birthDate: r.birth_date,
    competences: r.competences.map((c) => ({ id: c, text: competenceById(c)?.text ?? null })),
    availability: { start: r.available_from, end: r.available_to },
    maxTravelKm: r.max_travel_km,
    seeks: r.seeks,
    workReadiness: r.work_readiness,
    needsInclusive: r.needs_inclusive,
    priority: r.priority,
    drivingLicence: r.driving_licence,
    firstTwoYearsDone: r.first_two_years_done,
  }
}
