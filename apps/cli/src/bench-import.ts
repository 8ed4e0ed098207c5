// `pnpm bench import [sizes…]`: a school's placement list and a company registration imported into a
// fresh database: PGlite in memory, or the PostgreSQL database of DATABASE_URL — point it at a scratch
// database: the bench migrates it, writes a bench school and bench companies, and removes them
// afterwards. Migrating and generating the files are not counted.
import { createDb, type DbHandle, runMigrations, seedReferenceData, upsertSchool } from '@stagebrug/db'
import { type ImportReport, importPlaceRegistration, importStudentList } from '@stagebrug/imports'
import { generateInstance } from '@stagebrug/synthetic'
import { placementList, placeRegistration, toCsv } from './bench-files.js'

const SCHOOL = '999001'

interface Timed {
  readonly report: Extract<ImportReport, { outcome: 'accepted' }>
  readonly totalMs: number
}

async function timed(run: () => Promise<ImportReport>): Promise<Timed> {
  const t0 = performance.now()
  const report = await run()
  const totalMs = Math.round(performance.now() - t0)
  if (report.outcome !== 'accepted') {
    const shown = report.errors.slice(0, 5).map((e) => `row ${e.row} ${e.column}: ${e.message}`)
    throw new Error(`bench import: the generated file was refused:\n${shown.join('\n')}`)
  }
  return { report, totalMs }
}

async function openDatabase(): Promise<{ handle: DbHandle; engine: string; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL
  if (url?.startsWith('postgres')) {
    const handle = createDb(url)
    return { handle, engine: 'postgres', cleanup: () => removeBenchRows(handle) }
  }
  return { handle: createDb('pglite://memory'), engine: 'pglite (memory)', cleanup: async () => {} }
}

/** Removes what the bench wrote into a real database (its school, students, companies and places). */
async function removeBenchRows({ db }: DbHandle): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const school = trx.selectFrom('school').select('id').where('instellingsnummer', '=', SCHOOL)
    await trx.deleteFrom('student').where('school_id', 'in', school).execute()
    await trx.deleteFrom('upload').where('uploaded_by', '=', 'bench').execute()
    await trx.deleteFrom('school').where('instellingsnummer', '=', SCHOOL).execute()
    const companies = trx
      .selectFrom('company')
      .select('id')
      .where('contact_email', 'like', '%@bedrijf.example.be')
    await trx.deleteFrom('place').where('company_id', 'in', companies).execute()
    await trx.deleteFrom('company').where('contact_email', 'like', '%@bedrijf.example.be').execute()
  })
}

/** Generates, imports and re-imports one size; prints the figures and one JSON line. */
export async function benchImport(students: number, seed: number): Promise<void> {
  const g0 = performance.now()
  const instance = generateInstance({ students, seed })
  const list = toCsv(placementList(instance))
  const registration = toCsv(placeRegistration(instance))
  const generateMs = Math.round(performance.now() - g0)

  const { handle, engine, cleanup } = await openDatabase()
  try {
    const m0 = performance.now()
    const migrated = await runMigrations(handle.db)
    if (migrated.error) throw migrated.error
    await seedReferenceData(handle.db)
    await cleanup()
    await upsertSchool(handle.db, { name: 'Benchschool', instellingsnummer: SCHOOL, postcode: '2440' })
    const migrateMs = Math.round(performance.now() - m0)

    const meta = (bytes: Uint8Array, filename: string) => ({ bytes, filename, uploadedBy: 'bench' })
    const importList = () =>
      importStudentList(handle.db, { ...meta(list, 'bench-leerlingen.csv'), school: SCHOOL })
    const importPlaces = () => importPlaceRegistration(handle.db, meta(registration, 'bench-plaatsen.csv'))
    const first = await timed(importList)
    const again = await timed(importList)
    const places = await timed(importPlaces)
    const placesAgain = await timed(importPlaces)

    const mb = (bytes: Uint8Array) => (bytes.byteLength / 2 ** 20).toFixed(1)
    const line = (t: Timed) =>
      `parse ${t.report.timings.parseMs} ms · store ${t.report.timings.storeMs} ms · total ${t.totalMs} ms · ${JSON.stringify(t.report.counts)}`
    const rows = places.report.counts.places ?? 0
    console.log(
      `\n== import into ${engine} (migrate + reference data ${migrateMs} ms, files generated in ${generateMs} ms, not counted)`,
    )
    console.log(`   placement list, ${students.toLocaleString('en')} students (${mb(list)} MB CSV)`)
    console.log(`     first upload  ${line(first)}`)
    console.log(`     same again    ${line(again)}`)
    console.log(`   place registration, ${rows.toLocaleString('en')} places (${mb(registration)} MB CSV)`)
    console.log(`     first upload  ${line(places)}`)
    console.log(`     same again    ${line(placesAgain)}`)
    console.log(
      JSON.stringify({
        bench: 'import',
        engine,
        students,
        listBytes: list.byteLength,
        parseMs: first.report.timings.parseMs,
        storeMs: first.report.timings.storeMs,
        totalMs: first.totalMs,
        reuploadMs: again.totalMs,
        places: rows,
        placesParseMs: places.report.timings.parseMs,
        placesStoreMs: places.report.timings.storeMs,
        placesTotalMs: places.totalMs,
        placesReuploadMs: placesAgain.totalMs,
      }),
    )
  } finally {
    await cleanup()
    await handle.destroy()
  }
}
