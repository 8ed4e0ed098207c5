import { type Database, json } from '@stagebrug/db'
import { MappingError, type MappingOverride, parseMapPairs } from '@stagebrug/uploads'
import type { Kysely } from 'kysely'
import { ImportError } from './errors.js'

type Kind = 'students' | 'places'

/**
 * A school's remembered mapping for a file kind (issue 15): the confirmed column → field mapping of
 * its last accepted upload with the same headers (the header signature), for `ParseContext.recallMapping`.
 */
export const recallMapping =
  (db: Kysely<Database>, schoolId: string, kind: Kind) =>
  async (signature: string): Promise<MappingOverride | undefined> => {
    const row = await db
      .selectFrom('upload_mapping')
      .select('mapping')
      .where('school_id', '=', schoolId)
      .where('kind', '=', kind)
      .where('signature', '=', signature)
      .executeTakeFirst()
    return row?.mapping
  }

/** Remembers the confirmed mapping of an accepted upload (last one wins), in the upload's transaction. */
export async function rememberMapping(
  db: Kysely<Database>,
  schoolId: string,
  kind: Kind,
  signature: string | undefined,
  mapping: readonly { readonly column: string; readonly field: string }[],
): Promise<void> {
  if (signature === undefined || mapping.length === 0) return
  const value = json(Object.fromEntries(mapping.map((m) => [m.column, m.field])))
  await db
    .insertInto('upload_mapping')
    .values({ school_id: schoolId, kind, signature, mapping: value })
    .onConflict((oc) =>
      oc.columns(['school_id', 'kind', 'signature']).doUpdateSet({ mapping: value, updated_at: new Date() }),
    )
    .execute()
}

/** A mapping override naming an unknown column or field is a problem with the request (400), not with a row. */
export function mappingRequestError<T>(parsing: Promise<T>): Promise<T> {
  return parsing.catch((error: unknown) => {
    if (error instanceof MappingError) throw new ImportError('bad_mapping', error.messageNl, error.messageEn)
    throw error
  })
}

/** `kolom=veld` pairs (the command line's repeated `--map`) as a mapping; a malformed pair is an ImportError 'bad_mapping'. */
export function mappingFromPairs(pairs: readonly string[]): MappingOverride {
  try {
    return parseMapPairs(pairs)
  } catch (error) {
    if (error instanceof MappingError) throw new ImportError('bad_mapping', error.messageNl, error.messageEn)
    throw error
  }
}
