import type { Selectable } from 'kysely'

/** A structuuronderdeel of the programme matrix (reference data). */
export interface ProgrammeTable {
  id: number
  title: string
  grade: number | null
  duaal: boolean
  base_programme_id: number | null
}
export type ProgrammeRow = Selectable<ProgrammeTable>
