import type { ColumnType, Selectable } from 'kysely'

/** The school released the student's name and the school contact to the company of an accepted proposal. */
export interface ContactReleaseTable {
  proposal_id: string
  released_by: string
  released_at: ColumnType<Date, Date | string | undefined, never>
}
export type ContactReleaseRow = Selectable<ContactReleaseTable>
