import type { Kysely } from 'kysely'
import { type MigrationResultSet, Migrator, NO_MIGRATIONS } from 'kysely/migration'
import { migrations } from './migrations/index.js'
import type { Database } from './schema/database.js'

function migrator(db: Kysely<Database>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } })
}

/** Migrates to the latest schema. Never throws: the result's `error` says what failed; the caller decides. */
export function runMigrations(db: Kysely<Database>): Promise<MigrationResultSet> {
  return migrator(db).migrateToLatest()
}

/**
 * Reverts the last migration, or every migration with `{ all: true }`. Never throws, like `runMigrations`.
 */
export function migrateDown(
  db: Kysely<Database>,
  options: { all?: boolean } = {},
): Promise<MigrationResultSet> {
  return options.all ? migrator(db).migrateTo(NO_MIGRATIONS) : migrator(db).migrateDown()
}
