import { loadCompetences, loadPostcodes, loadProgrammes } from '@stagebrug/reference-data'
import type { Kysely } from 'kysely'
import { chunks } from './repositories/batch.js'
import type { Database } from './schema/database.js'

export interface SeedCounts {
  readonly programmes: number
  readonly competences: number
  readonly postcodes: number
}

/**
 * Loads programmes, competences and postcodes from @stagebrug/reference-data in batched multi-row
 * inserts. Idempotent: programmes and postcodes are updated in place, competences left as they are.
 */
export async function seedReferenceData(db: Kysely<Database>): Promise<SeedCounts> {
  const programmes = loadProgrammes()
  const competences = loadCompetences()
  const postcodes = loadPostcodes()

  // base programmes first, so the self-reference always finds its target
  const ordered = [...programmes].sort(
    (a, b) => Number(a.baseProgrammeId !== null) - Number(b.baseProgrammeId !== null),
  )
  for (const batch of chunks(ordered, 500)) {
    await db
      .insertInto('programme')
      .values(
        batch.map((p) => ({
          id: p.id,
          title: p.title,
          grade: p.grade,
          duaal: p.duaal,
          base_programme_id: p.baseProgrammeId,
        })),
      )
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          title: eb.ref('excluded.title'),
          grade: eb.ref('excluded.grade'),
          duaal: eb.ref('excluded.duaal'),
          base_programme_id: eb.ref('excluded.base_programme_id'),
        })),
      )
      .execute()
  }

  for (const batch of chunks(competences, 500)) {
    await db
      .insertInto('competence')
      .values(batch.map((c) => ({ id: c.id, code: c.code, text: c.text })))
      .onConflict((oc) => oc.doNothing())
      .execute()
  }

  for (const batch of chunks(postcodes, 500)) {
    await db
      .insertInto('postcode')
      .values(
        batch.map((p) => ({
          postcode: p.postcode,
          municipality: p.municipality,
          lat: p.lat,
          lon: p.lon,
          province: p.province,
          arrondissement: p.arrondissement,
        })),
      )
      .onConflict((oc) =>
        oc.column('postcode').doUpdateSet((eb) => ({
          municipality: eb.ref('excluded.municipality'),
          lat: eb.ref('excluded.lat'),
          lon: eb.ref('excluded.lon'),
          province: eb.ref('excluded.province'),
          arrondissement: eb.ref('excluded.arrondissement'),
        })),
      )
      .execute()
  }

  return { programmes: programmes.length, competences: competences.length, postcodes: postcodes.length }
}
