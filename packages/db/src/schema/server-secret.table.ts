import type { ColumnType } from 'kysely'
import type { CreatedAt } from './columns.js'

/** One row (id 1): the server's random secret, made by migration 0014. A dump of the database contains it. */
export interface ServerSecretTable {
  id: ColumnType<number, number | undefined, never>
  secret: ColumnType<Uint8Array, Uint8Array, never>
  created_at: CreatedAt
}
