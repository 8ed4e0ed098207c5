import { type DbHandle, runMigrations, seedReferenceData } from '@stagebrug/db'

/** `stagebrug db migrate`: latest schema, then the reference data (idempotent). */
export async function dbMigrate(handle: DbHandle): Promise<number> {
  const { error, results = [] } = await runMigrations(handle.db)
  for (const r of results) console.log(`${r.status === 'Success' ? '✓' : '✗'} ${r.migrationName}`)
  if (error) {
    console.error(
      `Migratie mislukt / migration failed: ${error instanceof Error ? error.message : String(error)}`,
    )
    return 1
  }
  if (results.length === 0) console.log('Schema is al up-to-date / schema already up to date')
  const seeded = await seedReferenceData(handle.db)
  console.log(`Referentiegegevens / reference data: ${JSON.stringify(seeded)}`)
  return 0
}
