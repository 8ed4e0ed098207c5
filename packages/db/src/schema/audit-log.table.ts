import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'
import type { JsonColumn } from './columns.js'

export interface AuditLogTable {
  id: Generated<number>
  actor: string
  action: string
  subject: string
  at: ColumnType<Date, Date | string | undefined, never>
  detail: JsonColumn<Record<string, unknown>>
}
export type AuditLogRow = Selectable<AuditLogTable>
export type NewAuditLog = Insertable<AuditLogTable>
