import { createHash, randomBytes } from 'node:crypto'
import { type Kysely, sql, type Transaction } from 'kysely'
import type { ApiKeyRole, ApiKeyRow } from '../schema/api-key.table.js'
import type { Database } from '../schema/database.js'
import { writeAudit } from './audit.repository.js'

type Db = Kysely<Database> | Transaction<Database>

/** What a key may reach besides its role: a school key names a school or a school group, a company key its company. */
export interface ApiKeyScopeInput {
  readonly schoolId?: string
  readonly schoolGroupId?: string
  readonly companyId?: string
}

export interface NewApiKeyRequest {
  readonly name: string
  readonly role: ApiKeyRole
  readonly scope?: ApiKeyScopeInput
  /** Who creates it, for the audit log; `cli` when absent. */
  readonly actor?: string
}

export interface CreatedApiKey {
  readonly id: string
  /** The key itself: shown once, never stored (only its sha-256). */
  readonly key: string
  readonly name: string
  readonly role: ApiKeyRole
  readonly createdAt: Date
}

/** A request for a key that cannot be made: wrong scope for the role, or an unknown school, group or company. */
export class ApiKeyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ApiKeyError'
  }
}

/** sha-256 hex of a key, as stored. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex')
}

/**
 * Creates an API key: 32 random bytes (`sb_` + base64url), stored only as its sha-256, with an audit
 * entry in the same transaction. Throws ApiKeyError when the scope does not fit the role or names
 * nothing that exists.
 * @example const { key } = await createApiKey(db, { name: 'first admin', role: 'admin' })
 */
export async function createApiKey(db: Kysely<Database>, req: NewApiKeyRequest): Promise<CreatedApiKey> {
  const scope = req.scope ?? {}
  const name = req.name.trim()
  if (name === '') throw new ApiKeyError('Een sleutel heeft een naam nodig / A key needs a name')
  const set = (['schoolId', 'schoolGroupId', 'companyId'] as const).filter((k) => scope[k] !== undefined)
  const fits =
    req.role === 'admin'
      ? set.length === 0
      : req.role === 'school'
        ? set.length === 1 && set[0] !== 'companyId'
        : set.length === 1 && set[0] === 'companyId'
  if (!fits) {
    throw new ApiKeyError(
      req.role === 'admin'
        ? 'Een beheerderssleutel heeft geen bereik / An admin key has no scope'
        : req.role === 'school'
          ? 'Een schoolsleutel heeft juist één schoolId of schoolGroupId nodig / A school key needs exactly one of schoolId or schoolGroupId'
          : 'Een bedrijfssleutel heeft een companyId nodig / A company key needs a companyId',
    )
  }
  const key = `sb_${randomBytes(32).toString('base64url')}`
  return db.transaction().execute(async (trx) => {
    await assertScopeExists(trx, scope)
    const row = await trx
      .insertInto('api_key')
      .values({
        hash: hashApiKey(key),
        name,
        role: req.role,
        scope_school_id: scope.schoolId ?? null,
        scope_school_group_id: scope.schoolGroupId ?? null,
        scope_company_id: scope.companyId ?? null,
      })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow()
    await writeAudit(trx, {
      actor: req.actor ?? 'cli',
      action: 'api_key.create',
      subject: `api_key:${row.id}`,
      detail: { name, role: req.role, scope },
    })
    return { id: row.id, key, name, role: req.role, createdAt: row.created_at }
  })
}

const DUTCH = { school: 'school', school_group: 'scholengroep', company: 'bedrijf' } as const

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

async function assertScopeExists(trx: Transaction<Database>, scope: ApiKeyScopeInput): Promise<void> {
  const checks = [
    ['school', scope.schoolId],
    ['school_group', scope.schoolGroupId],
    ['company', scope.companyId],
  ] as const
  for (const [table, id] of checks) {
    if (id === undefined) continue
    const found = UUID.test(id)
      ? await trx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()
      : undefined
    if (!found)
      throw new ApiKeyError(`Geen ${DUTCH[table]} met id ${id} / No ${table.replace('_', ' ')} with id ${id}`)
  }
}

/** The key with this hash if it is not revoked. */
export function findActiveApiKey(db: Db, hash: string): Promise<ApiKeyRow | undefined> {
  return db
    .selectFrom('api_key')
    .selectAll()
    .where('hash', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
}

/** Records that a key was used; writes at most once a minute per key. */
export async function touchApiKey(db: Db, id: string): Promise<void> {
  await db
    .updateTable('api_key')
    .set({ last_used_at: sql`now()` })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('last_used_at', 'is', null),
        eb('last_used_at', '<', sql<Date>`now() - interval '1 minute'`),
      ]),
    )
    .execute()
}

/** Revokes a key at once (the next request with it gets 401). Returns false when it was unknown or revoked already. */
export async function revokeApiKey(db: Db, id: string): Promise<boolean> {
  const r = await db
    .updateTable('api_key')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}
