import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database } from '../schema/database.js'

type Db = Kysely<Database> | Transaction<Database>

/** The names a night needs to say what is missing where (see `explainUnmatched` of the core). */
export interface MissingNamesSource {
  /** Place id → the company's name and the establishment's municipality (as registered, else the postcode's). */
  readonly places: ReadonlyMap<string, { readonly company: string; readonly municipality: string | null }>
  /** Programme id → title. */
  readonly programmes: ReadonlyMap<number, string>
}

/**
 * The company and municipality of some places and the titles of some programmes, in two queries
 * (none for an empty list). For the few places an unplaced pupil's reason names.
 */
export async function loadMissingNames(
  db: Db,
  placeIds: readonly string[],
  programmeIds: readonly number[],
): Promise<MissingNamesSource> {
  const places = placeIds.length
    ? await db
        .selectFrom('place as pl')
        .innerJoin('company as c', 'c.id', 'pl.company_id')
        .leftJoin('postcode as pc', 'pc.postcode', 'pl.establishment_postcode')
        .select([
          'pl.id',
          'c.name',
          sql<string | null>`coalesce(pl.establishment_municipality, pc.municipality)`.as('municipality'),
        ])
        .where('pl.id', 'in', [...new Set(placeIds)])
        .execute()
    : []
  const programmes = programmeIds.length
    ? await db
        .selectFrom('programme')
        .select(['id', 'title'])
        .where('id', 'in', [...new Set(programmeIds)])
        .execute()
    : []
  return {
    places: new Map(places.map((p) => [p.id, { company: p.name, municipality: p.municipality }])),
    programmes: new Map(programmes.map((p) => [p.id, p.title])),
  }
}
