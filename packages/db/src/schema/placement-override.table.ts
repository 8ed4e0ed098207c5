import type { Insertable, Selectable } from 'kysely'
import type { CreatedAt, Uuid } from './columns.js'

/** `pin`: before the next runs, until removed; `move`: a stored run's proposal moved to another place. */
export type OverrideKind = 'pin' | 'move'

/** A coordinator's override of the match, always with a reason. */
export interface PlacementOverrideTable {
  id: Uuid
  kind: OverrideKind
  student_id: string
  place_id: string
  reason: string
  /** The run whose proposal was moved (moves only). */
  run_id: string | null
  from_place_id: string | null
  /** Who: `apikey:<id>`. */
  created_by: string
  created_at: CreatedAt
  removed_by: string | null
  removed_at: Date | null
}
export type PlacementOverrideRow = Selectable<PlacementOverrideTable>
export type NewPlacementOverride = Insertable<PlacementOverrideTable>
