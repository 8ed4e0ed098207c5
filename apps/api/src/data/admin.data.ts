import {
  AdminError,
  issueApiKey,
  readSchoolProfile,
  saveCompany,
  saveCoordinator,
  saveSchool,
  type TApiKeyInput,
  type TCompanyInput,
  type TCoordinatorInput,
  type TSchoolInput,
  type TSchoolProfileInput,
  updateSchoolProfile,
} from '@stagebrug/admin'
import { type ApiKeyRole, revokeApiKey, upsertSchoolGroup } from '@stagebrug/db'
import { sql } from 'kysely'
import { keyCacheOf } from '../auth/key-cache.js'
import { AppError, notFound } from '../errors.js'
import { actorOf } from '../scope/scope.js'
import { assertAdmin, visibleSchools } from '../scope/visible.js'
import { audit, type DataCtx, iso } from './context.js'
import { afterCursor, type Keyset, keysetOrder, type Page, type PageRequest, toPage } from './page.js'

// Platform data: every function here is for administrators only and says so first.

export async function listSchoolGroups(ctx: DataCtx) {
  assertAdmin(ctx.caller.scope)
  const rows = await ctx.db
    .selectFrom('school_group as g')
    .leftJoin('school as sc', 'sc.school_group_id', 'g.id')
    .select(['g.id', 'g.name', (eb) => eb.fn.count<number>('sc.id').as('schools')])
    .groupBy(['g.id', 'g.name'])
    .orderBy('g.name')
    .execute()
  return rows.map((r) => ({ id: r.id, name: r.name, schools: Number(r.schools) }))
}

export async function createSchoolGroup(ctx: DataCtx, name: string) {
  assertAdmin(ctx.caller.scope)
  return ctx.db.transaction().execute(async (trx) => {
    const id = await upsertSchoolGroup(trx, name)
    await audit(trx, ctx, 'school_group.upsert', `school_group:${id}`, { name })
    return { id, name }
  })
}

const SCHOOL_KEYSET: Keyset = { key: sql<string>`sc.instellingsnummer`, id: 'sc.id' }

export async function listSchools(ctx: DataCtx, f: PageRequest & { readonly groupId?: string | undefined }) {
  assertAdmin(ctx.caller.scope)
  const [k1, k2] = keysetOrder(SCHOOL_KEYSET)
  const rows = await visibleSchools(ctx.db, ctx.caller.scope)
    .leftJoin('school_group as g', 'g.id', 'sc.school_group_id')
    .select(['sc.id', 'sc.name', 'sc.instellingsnummer', 'sc.postcode', 'sc.school_group_id', 'g.name as group_name', SCHOOL_KEYSET.key.as('sort_key')])
    .where(afterCursor(ctx, SCHOOL_KEYSET, f.cursor))
    .$if(f.groupId !== undefined, (q) => q.where('sc.school_group_id', '=', f.groupId!))
    .orderBy(k1)
    .orderBy(k2)
    .limit(f.limit + 1)
    .execute()
  return toPage(ctx, rows, f.limit, (r) => r.id, schoolView)
}

const schoolView = (r: {
  id: string
  name: string
  instellingsnummer: string
  postcode: string
  school_group_id: string | null
  group_name: string | null
}) => ({
  id: r.id,
  name: r.name,
  instellingsnummer: r.instellingsnummer,
  postcode: r.postcode,
  group: r.school_group_id ? { id: r.school_group_id, name: r.group_name ?? '' } : null,
})

export async function getSchool(ctx: DataCtx, id: string) {
  assertAdmin(ctx.caller.scope)
  const r = await visibleSchools(ctx.db, ctx.caller.scope)
    .leftJoin('school_group as g', 'g.id', 'sc.school_group_id')
    .select(['sc.id', 'sc.name', 'sc.instellingsnummer', 'sc.postcode', 'sc.school_group_id', 'g.name as group_name'])
    .where('sc.id', '=', id)
    .executeTakeFirst()
  if (!r) throw notFound('School')
  const coordinators = await ctx.db
    .selectFrom('coordinator')
    .select(['id', 'name', 'email'])
    .where('school_id', '=', id)
    .orderBy('email')
    .execute()
  return { ...schoolView(r), coordinators, profile: await readSchoolProfile(ctx.db, { id }) }
}

/** A school's own data, for its own key (or its group's) and the administrator; 404 for any other. */
export async function getSchoolProfile(ctx: DataCtx, id: string) {
  await assertSchoolVisible(ctx, id)
  return readSchoolProfile(ctx.db, { id })
}

/** A school keeps its own data (the same write and audit row as `stagebrug school update`). */
export async function patchSchoolProfile(ctx: DataCtx, id: string, p: TSchoolProfileInput) {
  await assertSchoolVisible(ctx, id)
  return viaAdmin(() => updateSchoolProfile(ctx.db, actorOf(ctx.caller), { id }, p))
}

async function assertSchoolVisible(ctx: DataCtx, id: string): Promise<void> {
  const r = await visibleSchools(ctx.db, ctx.caller.scope).select('sc.id').where('sc.id', '=', id).executeTakeFirst()
  if (!r) throw notFound('School')
}

/**
 * The shared admin writes (@stagebrug/admin, which the command line calls too), their errors as
 * problem+json: a refused value 400 with its field, something missing 404, a clash 409.
 */
async function viaAdmin<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (!(error instanceof AdminError)) throw error
    const code = error.kind === 'invalid' ? 'INVALID_REQUEST' : error.kind === 'not_found' ? 'NOT_FOUND' : 'CONFLICT'
    throw new AppError(code, error.message, {
      errors: error.issues.map((i) => ({ in: 'body', path: `/${i.field}`, message: i.message })),
    })
  }
}

/** Creates or updates a school by instellingsnummer (with its group, created when new). */
export async function upsertSchoolAsAdmin(ctx: DataCtx, s: TSchoolInput) {
  assertAdmin(ctx.caller.scope)
  const { id } = await viaAdmin(() => saveSchool(ctx.db, actorOf(ctx.caller), s))
  // A school that joined or left a group changes what the group's keys reach: ask again.
  keyCacheOf(ctx.db).clear()
  return getSchool(ctx, id)
}

/** Adds a coordinator, or updates the one with this address (whatever its case): idempotent. */
export async function addCoordinator(ctx: DataCtx, schoolId: string, c: TCoordinatorInput) {
  assertAdmin(ctx.caller.scope)
  await getSchool(ctx, schoolId)
  const { id, name, email } = await viaAdmin(() => saveCoordinator(ctx.db, actorOf(ctx.caller), { id: schoolId }, c))
  return { id, name, email }
}

export async function removeCoordinator(ctx: DataCtx, id: string) {
  assertAdmin(ctx.caller.scope)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.deleteFrom('coordinator').where('id', '=', id).returning('school_id').executeTakeFirst()
    if (!row) throw notFound('Trajectbegeleider / Coordinator')
    await audit(trx, ctx, 'coordinator.remove', `coordinator:${id}`, { school: row.school_id })
  })
}

const COMPANY_KEYSET: Keyset = { key: sql<string>`c.name`, id: 'c.id' }

const companyView = (r: {
  id: string
  kbo_number: string
  name: string
  contact_name: string | null
  contact_email: string | null
  contact_phone: string | null
  seat_street?: string | null
  seat_house_number?: string | null
  seat_postcode?: string | null
  seat_municipality?: string | null
}) => ({
  id: r.id,
  kboNumber: r.kbo_number,
  name: r.name,
  contactName: r.contact_name,
  contactEmail: r.contact_email,
  contactPhone: r.contact_phone,
  seat:
    r.seat_street == null && r.seat_postcode == null
      ? null
      : {
          street: r.seat_street ?? null,
          houseNumber: r.seat_house_number ?? null,
          postcode: r.seat_postcode ?? null,
          municipality: r.seat_municipality ?? null,
        },
})

export async function listCompanies(ctx: DataCtx, f: PageRequest & { readonly q?: string | undefined }) {
  assertAdmin(ctx.caller.scope)
  const [k1, k2] = keysetOrder(COMPANY_KEYSET)
  const rows = await ctx.db
    .selectFrom('company as c')
    .select(['c.id', 'c.kbo_number', 'c.name', 'c.contact_name', 'c.contact_email', 'c.contact_phone', 'c.seat_street', 'c.seat_house_number', 'c.seat_postcode', 'c.seat_municipality', COMPANY_KEYSET.key.as('sort_key')])
    .where(afterCursor(ctx, COMPANY_KEYSET, f.cursor))
    .$if(!!f.q, (q) => q.where((eb) => eb.or([eb('c.name', 'ilike', `%${f.q}%`), eb('c.kbo_number', '=', f.q!)])))
    .orderBy(k1)
    .orderBy(k2)
    .limit(f.limit + 1)
    .execute()
  return toPage(ctx, rows, f.limit, (r) => r.id, companyView)
}

export async function getCompany(ctx: DataCtx, id: string) {
  assertAdmin(ctx.caller.scope)
  const r = await ctx.db.selectFrom('company as c').selectAll('c').where('c.id', '=', id).executeTakeFirst()
  if (!r) throw notFound('Bedrijf / Company')
  const places = await ctx.db
    .selectFrom('place')
    .select([(eb) => eb.fn.countAll<number>().as('n')])
    .where('company_id', '=', id)
    .executeTakeFirstOrThrow()
  return { ...companyView(r), places: Number(places.n) }
}

export async function upsertCompanyAsAdmin(ctx: DataCtx, c: TCompanyInput) {
  assertAdmin(ctx.caller.scope)
  const { id } = await viaAdmin(() => saveCompany(ctx.db, actorOf(ctx.caller), c))
  return getCompany(ctx, id)
}

const keyView = (r: {
  id: string
  name: string
  role: ApiKeyRole
  scope_school_id: string | null
  scope_school_group_id: string | null
  scope_company_id: string | null
  created_at: Date
  revoked_at: Date | null
  last_used_at: Date | null
}) => ({
  id: r.id,
  name: r.name,
  role: r.role,
  scope: {
    schoolId: r.scope_school_id,
    schoolGroupId: r.scope_school_group_id,
    companyId: r.scope_company_id,
  },
  createdAt: iso(r.created_at)!,
  revokedAt: iso(r.revoked_at),
  lastUsedAt: iso(r.last_used_at),
})

export async function listApiKeys(ctx: DataCtx) {
  assertAdmin(ctx.caller.scope)
  const rows = await ctx.db
    .selectFrom('api_key')
    .select(['id', 'name', 'role', 'scope_school_id', 'scope_school_group_id', 'scope_company_id', 'created_at', 'revoked_at', 'last_used_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map(keyView)
}

/** Creates a key and returns it once (only its hash is stored). */
export async function createKey(ctx: DataCtx, req: TApiKeyInput) {
  assertAdmin(ctx.caller.scope)
  const created = await viaAdmin(() => issueApiKey(ctx.db, actorOf(ctx.caller), req))
  return { ...created, createdAt: iso(created.createdAt)! }
}

export async function revokeKey(ctx: DataCtx, id: string) {
  assertAdmin(ctx.caller.scope)
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await revokeApiKey(trx, id))) throw notFound('Actieve sleutel / Active key')
    await audit(trx, ctx, 'api_key.revoke', `api_key:${id}`)
  })
  // After the commit: a request that looked the key up before it must not cache it again.
  keyCacheOf(ctx.db).forgetKey(id)
}

const AUDIT_KEYSET: Keyset = { key: sql<string>`lpad(a.id::text, 20, '0')`, id: 'a.id', direction: 'desc' }

export async function listAudit(
  ctx: DataCtx,
  f: PageRequest & { actor?: string | undefined; action?: string | undefined; subject?: string | undefined },
): Promise<Page<{ id: number; actor: string; action: string; subject: string; at: string; detail: Record<string, unknown> }>> {
  assertAdmin(ctx.caller.scope)
  const [k1, k2] = keysetOrder(AUDIT_KEYSET)
  const rows = await ctx.db
    .selectFrom('audit_log as a')
    .selectAll('a')
    .select(AUDIT_KEYSET.key.as('sort_key'))
    .where(afterCursor(ctx, AUDIT_KEYSET, f.cursor))
    .$if(!!f.actor, (q) => q.where('a.actor', '=', f.actor!))
    .$if(!!f.action, (q) => q.where('a.action', '=', f.action!))
    .$if(!!f.subject, (q) => q.where('a.subject', '=', f.subject!))
    .orderBy(k1)
    .orderBy(k2)
    .limit(f.limit + 1)
    .execute()
  return toPage(ctx, rows, f.limit, (r) => String(r.id), (r) => ({ id: r.id, actor: r.actor, action: r.action, subject: r.subject, at: iso(r.at)!, detail: r.detail }))
}
