import type { Insertable, Selectable } from 'kysely'
import type { CreatedAt, Uuid } from './columns.js'

export interface CoordinatorTable {
  id: Uuid
  school_id: string
  name: string
  email: string
  created_at: CreatedAt
}
export type CoordinatorRow = Selectable<CoordinatorTable>
export type NewCoordinator = Insertable<CoordinatorTable>
