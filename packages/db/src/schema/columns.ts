import type { ColumnType, Generated } from 'kysely'

declare const jsonBrand: unique symbol
/** JSON text of a `T`: the only accepted input of a jsonb column (pg and PGlite both pass strings through). */
export type JsonText<T> = string & { readonly [jsonBrand]: T }

/** A jsonb column read as `T` and written through `json(value)`. */
export type JsonColumn<T> = ColumnType<T, JsonText<T>, JsonText<T>>

/** Serialises a value for a jsonb column. */
export function json<T>(value: T): JsonText<T> {
  return JSON.stringify(value) as JsonText<T>
}

/** `date` columns come back as `YYYY-MM-DD` strings (see the type parsers in create-db.ts). */
export type DateColumn = string

export type CreatedAt = ColumnType<Date, never, never>
export type UpdatedAt = ColumnType<Date, never, Date | string>
export type Uuid = Generated<string>
