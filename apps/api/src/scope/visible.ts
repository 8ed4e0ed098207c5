// Tenant scoping, in one place. Every query of the data layer (src/data) that touches tenant data
// starts from one of these functions, which take the caller's scope and add its filter; handlers
// never filter by tenant themselves. Something outside the scope is simply not found (404), so a
// caller cannot learn whether it exists.
import type { Database } from '@stagebrug/db'
import { type Kysely, type SqlBool, sql, type Transaction } from 'kysely'
import { AppError } from '../errors.js'
import type { Scope } from './scope.js'

type Db = Kysely<Database> | Transaction<Database>

const nothing = sql<SqlBool>`false`
const anyOf = (column: string, ids: readonly string[]) =>
  ids.length === 0 ? nothing : sql<SqlBool>`${sql.ref(column)} in (${sql.join(ids)})`

/** Students: only a school key reads them, and only those of its school (or its group's schools). */
export function visibleStudents(db: Db, scope: Scope) {
  return db
    .selectFrom('student as s')
    .where(scope.role === 'school' ? anyOf('s.school_id', scope.schoolIds) : nothing)
}

/** Runs a company may see proposals of: published ones. */
const publishedRuns = (db: Db) =>
  db.selectFrom('match_run as vr').select('vr.id').where('vr.published_at', 'is not', null)

/**
 * Proposals (alias `p`) with their student (`s`) and place (`pl`): a school sees those of its
 * students (every run); a company those for its own places, of published runs only. The company
 * filter is on the joined place, not a subquery: PostgreSQL plans that far faster (issue 7).
 */
export function visibleProposals(db: Db, scope: Scope) {
  const q = db
    .selectFrom('proposal as p')
    .innerJoin('student as s', 's.id', 'p.student_id')
    .innerJoin('place as pl', 'pl.id', 'p.place_id')
  if (scope.role === 'school') return q.where(anyOf('s.school_id', scope.schoolIds))
  if (scope.role === 'company')
    return q.where('pl.company_id', '=', scope.companyId).where('p.run_id', 'in', publishedRuns(db))
  return q.where(nothing)
}

/**
 * The same proposals as `visibleProposals`, with their place (`pl`) but without the student: a
 * company's page is cut first and only its rows are joined to their students (issue 7).
 */
export function visibleProposalPlaces(db: Db, scope: Scope) {
  const q = db.selectFrom('proposal as p').innerJoin('place as pl', 'pl.id', 'p.place_id')
  if (scope.role === 'school')
    return q.where(
      'p.student_id',
      'in',
      db.selectFrom('student as vs').select('vs.id').where(anyOf('vs.school_id', scope.schoolIds)),
    )
  if (scope.role === 'company')
    return q.where('pl.company_id', '=', scope.companyId).where('p.run_id', 'in', publishedRuns(db))
  return q.where(nothing)
}

/**
 * The schools (alias `sc`) whose contact a company may see, with their coordinators (`co`, left
 * joined): those that released a student's contact to it for an accepted proposal at one of its places.
 */
export function releasedSchools(db: Db, scope: Scope) {
  return db
    .selectFrom('school as sc')
    .leftJoin('coordinator as co', 'co.school_id', 'sc.id')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('contact_release as cr')
          .innerJoin('proposal as p', 'p.id', 'cr.proposal_id')
          .innerJoin('student as s', 's.id', 'p.student_id')
          .innerJoin('place as pl', 'pl.id', 'p.place_id')
          .select('cr.proposal_id')
          .whereRef('s.school_id', '=', 'sc.id')
          .where('p.status', '=', 'accepted')
          .where(
            scope.role === 'company'
              ? sql<SqlBool>`${sql.ref('pl.company_id')} = ${scope.companyId}`
              : nothing,
          ),
      ),
    )
}

/** Places a caller manages: a company its own. */
export function ownPlaces(db: Db, scope: Scope) {
  return db
    .selectFrom('place as pl')
    .where(
      scope.role === 'company' ? sql<SqlBool>`${sql.ref('pl.company_id')} = ${scope.companyId}` : nothing,
    )
}

/** A company's own recognitions (erkenningen); no other caller sees any. */
export function ownRecognitions(db: Db, scope: Scope) {
  return db
    .selectFrom('recognition as rc')
    .where(
      scope.role === 'company' ? sql<SqlBool>`${sql.ref('rc.company_id')} = ${scope.companyId}` : nothing,
    )
}

/** A company's own mentors; no other caller sees any. */
export function ownMentors(db: Db, scope: Scope) {
  return db
    .selectFrom('mentor as mt')
    .where(
      scope.role === 'company' ? sql<SqlBool>`${sql.ref('mt.company_id')} = ${scope.companyId}` : nothing,
    )
}

/** Places a school may pin or move a student to, and browse for that: every open place. */
export function openPlacesFor(db: Db, scope: Scope) {
  return db
    .selectFrom('place as pl')
    .where(scope.role === 'school' ? sql<SqlBool>`${sql.ref('pl.status')} = 'open'` : nothing)
}

/** Schools: an admin sees all, a school key its own (or its group's). */
export function visibleSchools(db: Db, scope: Scope) {
  return db
    .selectFrom('school as sc')
    .where(
      scope.role === 'admin'
        ? sql<SqlBool>`true`
        : scope.role === 'school'
          ? anyOf('sc.id', scope.schoolIds)
          : nothing,
    )
}

/** Coordinator pins of the caller's students. */
export function visiblePins(db: Db, scope: Scope) {
  return db
    .selectFrom('placement_override as o')
    .innerJoin('student as s', 's.id', 'o.student_id')
    .where('o.kind', '=', 'pin')
    .where(scope.role === 'school' ? anyOf('s.school_id', scope.schoolIds) : nothing)
}

/**
 * Runs (alias `r`) whose aggregated figures a caller may read: an admin every run, a school the
 * finished (succeeded) ones, a company the published ones only (as with its proposals).
 */
export function visibleRuns(db: Db, scope: Scope) {
  const q = db.selectFrom('match_run as r')
  if (scope.role === 'admin') return q
  if (scope.role === 'school') return q.where('r.status', '=', 'succeeded')
  return q.where('r.status', '=', 'succeeded').where('r.published_at', 'is not', null)
}

/** Platform-wide data (keys, runs, companies, schools to manage, the audit log): admins only. */
export function assertAdmin(scope: Scope): void {
  if (scope.role !== 'admin') throw new AppError('FORBIDDEN', 'Alleen voor beheerders / Administrators only')
}
