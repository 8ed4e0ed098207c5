import type { Insertable, Selectable } from 'kysely'
import type { CreatedAt, Uuid } from './columns.js'

/** `admin`: the platform; `school`: one school or one school group; `company`: one company. */
export type ApiKeyRole = 'admin' | 'school' | 'company'

export interface ApiKeyTable {
  id: Uuid
  /** sha256 hex of the key; the key itself is never stored. */
  hash: string
  name: string
  role: ApiKeyRole
  /** A school key's school (or its group, below): exactly one of the two is set for role `school`. */
  scope_school_id: string | null
  scope_school_group_id: string | null
  /** A company key's company. */
  scope_company_id: string | null
  created_at: CreatedAt
  revoked_at: Date | null
  last_used_at: Date | null
}
export type ApiKeyRow = Selectable<ApiKeyTable>
export type NewApiKey = Insertable<ApiKeyTable>
