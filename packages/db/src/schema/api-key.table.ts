import type { Insertable, Selectable } from 'kysely'
import type { CreatedAt, Uuid } from './columns.js'

export type ApiKeyRole = 'admin' | 'coordinator' | 'service'

export interface ApiKeyTable {
  id: Uuid
  /** sha256 hex of the key; the key itself is never stored. */
  hash: string
  name: string
  role: ApiKeyRole
  /** The school the key is limited to; null for every school. */
  scope_school_id: string | null
  created_at: CreatedAt
  revoked_at: Date | null
  last_used_at: Date | null
}
export type ApiKeyRow = Selectable<ApiKeyTable>
export type NewApiKey = Insertable<ApiKeyTable>
