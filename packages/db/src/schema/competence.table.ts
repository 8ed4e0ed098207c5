import type { Selectable } from 'kysely'

/** A competence statement; `id` is the dense id of the shipped reference-data version. */
export interface CompetenceTable {
  id: number
  code: string
  text: string
}
export type CompetenceRow = Selectable<CompetenceTable>
