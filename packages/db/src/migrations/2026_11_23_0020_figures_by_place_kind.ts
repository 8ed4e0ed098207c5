import { type Kysely, sql } from 'kysely'

// Frozen: never edit after it has run anywhere; add a new migration instead.

// Issue 14 (part D): the regional figures keep place kinds apart (places and free seats of stage,
// duaal, aanloopfase and job) and tell a data gap from a shortage: dual places without any
// recognition entered vs dual places whose recognitions are expired or for other programmes.
// Places abroad are counted under their country (level `country`), never under a Belgian region.
// Figures stored before this migration read 0 for the new counts.

const COUNTS = [
  'internship_places',
  'dual_places',
  'aanloopfase_places',
  'job_places',
  'internship_free_seats',
  'dual_free_seats',
  'aanloopfase_free_seats',
  'job_free_seats',
  'dual_places_no_recognition_data',
  'dual_places_not_recognised',
] as const

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function up(db: Kysely<any>): Promise<void> {
  const columns = COUNTS.map((name) => `add column ${name} integer not null default 0 check (${name} >= 0)`)
  await sql.raw(`alter table run_figure ${columns.join(', ')}`).execute(db)
  await setLevels(db, ['flanders', 'province', 'arrondissement', 'region', 'country'])
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('run_figure').where('level', '=', 'country').execute()
  await setLevels(db, ['flanders', 'province', 'arrondissement', 'region'])
  await sql
    .raw(`alter table run_figure ${COUNTS.map((name) => `drop column ${name}`).join(', ')}`)
    .execute(db)
}

// biome-ignore lint/suspicious/noExplicitAny: frozen migrations see no schema types (house rule 5)
async function setLevels(db: Kysely<any>, levels: readonly string[]): Promise<void> {
  await sql`alter table run_figure drop constraint run_figure_level_check`.execute(db)
  const list = levels.map((l) => `'${l}'`).join(', ')
  await sql
    .raw(`alter table run_figure add constraint run_figure_level_check check (level in (${list}))`)
    .execute(db)
}
