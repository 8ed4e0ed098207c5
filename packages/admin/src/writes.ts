import {
  ApiKeyError,
  type CreatedApiKey,
  createApiKey,
  type Database,
  loadSchoolProfile,
  type SchoolProfile,
  saveSchoolProfile,
  upsertCompany,
  upsertSchool,
  writeAudit,
} from '@stagebrug/db'
import { type Kysely, sql } from 'kysely'
import { AdminError, parseInput } from './errors.js'
import {
  type TApiKeyInput,
  type TCompanyInput,
  type TCoordinatorInput,
  type TSchoolInput,
  type TSchoolProfileInput,
  ZApiKeyInput,
  ZCompanyInput,
  ZCoordinatorInput,
  ZSchoolInput,
  ZSchoolProfileInput,
} from './inputs.js'
import { schoolIdByNumber } from './lookups.js'

// The administrator's writes, for the command line and the API alike: each parses its input with
// the one schema (whatever the door checked before), writes, and appends the audit row in the
// write's own transaction. `actor` is who asked: `apikey:<id>` through the API, `cli:<os user>`
// through the command line.

type Db = Kysely<Database>

/** An input as a door has it: any field may be missing or of the wrong type until it is parsed here. */
export type Loose<T> = { readonly [K in keyof T]?: unknown }

/** Which school: by id (the API) or by instellingsnummer (the command line). */
export type SchoolRef = { readonly id: string } | { readonly instellingsnummer: unknown }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Creates or updates a school by instellingsnummer (with its group, created when new); returns its id. */
export async function saveSchool(
  db: Db,
  actor: string,
  input: Loose<TSchoolInput>,
): Promise<{ id: string; name: string; instellingsnummer: string }> {
  const s = parseInput(ZSchoolInput, input)
  const known = await db
    .selectFrom('postcode')
    .select('postcode')
    .where('postcode', '=', s.postcode)
    .executeTakeFirst()
  if (!known)
    throw new AdminError('invalid', [
      { field: 'postcode', value: s.postcode, message: 'postcode bestaat niet / postcode does not exist' },
    ])
  await assertProgrammes(db, s.programmes)
  const fields = profileFields(s)
  const id = await db.transaction().execute(async (trx) => {
    const id = await upsertSchool(trx, {
      name: s.name,
      instellingsnummer: s.instellingsnummer,
      postcode: s.postcode,
      group: s.group ?? null,
    })
    await saveSchoolProfile(trx, id, s)
    await writeAudit(trx, {
      actor,
      action: 'school.upsert',
      subject: `school:${id}`,
      // Which of the school's own data the write gave (never the values); absent when none.
      detail:
        fields.length > 0
          ? { instellingsnummer: s.instellingsnummer, fields }
          : { instellingsnummer: s.instellingsnummer },
    })
    return id
  })
  return { id, name: s.name, instellingsnummer: s.instellingsnummer }
}

/**
 * Updates a school's own data (address, director, insurer, stagebegeleiders, programmes): the
 * school's key through the API, the administrator through the command line. Absent fields stay.
 */
export async function updateSchoolProfile(
  db: Db,
  actor: string,
  school: SchoolRef,
  input: Loose<TSchoolProfileInput>,
): Promise<SchoolProfile> {
  const p = parseInput(ZSchoolProfileInput, input)
  const schoolId =
    'id' in school ? await schoolIdById(db, school.id) : await schoolIdByNumber(db, school.instellingsnummer)
  await assertProgrammes(db, p.programmes)
  return db.transaction().execute(async (trx) => {
    await saveSchoolProfile(trx, schoolId, p)
    await writeAudit(trx, {
      actor,
      action: 'school.profile',
      subject: `school:${schoolId}`,
      detail: { fields: profileFields(p) },
    })
    return (await loadSchoolProfile(trx, schoolId))!
  })
}

/** A school's own data; `not_found` when there is no such school. */
export async function readSchoolProfile(db: Db, school: SchoolRef): Promise<SchoolProfile> {
  const schoolId =
    'id' in school ? await schoolIdById(db, school.id) : await schoolIdByNumber(db, school.instellingsnummer)
  return (await loadSchoolProfile(db, schoolId))!
}

/** The names of the profile fields a write gave (for the audit row: which, never the values). */
const profileFields = (p: object) =>
  Object.keys(ZSchoolProfileInput.shape).filter((k) => (p as Record<string, unknown>)[k] !== undefined)

/** Every programme id must be one of the programme matrix. */
async function assertProgrammes(db: Db, ids: readonly number[] | undefined): Promise<void> {
  if (ids === undefined || ids.length === 0) return
  const known = new Set(
    (
      await db
        .selectFrom('programme')
        .select('id')
        .where('id', 'in', [...new Set(ids)])
        .execute()
    ).map((r) => r.id),
  )
  const unknown = ids.filter((id) => !known.has(id))
  if (unknown.length > 0)
    throw new AdminError(
      'invalid',
      unknown.map((id) => ({
        field: 'programmes',
        value: id,
        message: 'onbekende studierichting / unknown programme',
      })),
    )
}

/**
 * Adds a coordinator (trajectbegeleider) to a school, or updates the name of the one with this
 * address: an address is one coordinator per school whatever its case (stored lower-cased; a unique
 * index on (school_id, lower(email)) backs it), so a second add is an idempotent update.
 */
export async function saveCoordinator(
  db: Db,
  actor: string,
  school: SchoolRef,
  input: Loose<TCoordinatorInput>,
): Promise<{ id: string; name: string; email: string; created: boolean; schoolId: string }> {
  const c = parseInput(ZCoordinatorInput, input)
  const schoolId =
    'id' in school ? await schoolIdById(db, school.id) : await schoolIdByNumber(db, school.instellingsnummer)
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('coordinator')
      .values({ school_id: schoolId, name: c.name, email: c.email })
      .onConflict((oc) => oc.expression(sql`school_id, lower(email)`).doUpdateSet({ name: c.name }))
      .returning(['id', 'name', 'email', sql<boolean>`xmax = 0`.as('created')])
      .executeTakeFirstOrThrow()
    await writeAudit(trx, {
      actor,
      action: 'coordinator.upsert',
      subject: `coordinator:${row.id}`,
      detail: { school: schoolId },
    })
    return { id: row.id, name: row.name, email: row.email, created: row.created, schoolId }
  })
}

async function schoolIdById(db: Db, id: string): Promise<string> {
  const row = UUID.test(id)
    ? await db.selectFrom('school').select('id').where('id', '=', id).executeTakeFirst()
    : undefined
  if (!row)
    throw new AdminError('not_found', [
      { field: 'school', value: id, message: 'bestaat niet / does not exist' },
    ])
  return row.id
}

/** Creates or updates a company by KBO number; returns its id. */
export async function saveCompany(
  db: Db,
  actor: string,
  input: Loose<TCompanyInput>,
): Promise<{ id: string }> {
  const c = parseInput(ZCompanyInput, input)
  const id = await db.transaction().execute(async (trx) => {
    const id = await upsertCompany(trx, {
      kboNumber: c.kboNumber,
      name: c.name,
      contactName: c.contactName ?? null,
      contactEmail: c.contactEmail ?? null,
      contactPhone: c.contactPhone ?? null,
      seat: c.seat == null ? null : { ...c.seat, houseNumber: c.seat.houseNumber ?? null },
    })
    await writeAudit(trx, {
      actor,
      action: 'company.upsert',
      subject: `company:${id}`,
      detail: { kboNumber: c.kboNumber },
    })
    return id
  })
  return { id }
}

/** Creates an API key (returned once; only its hash is stored), with its audit row in the same transaction. */
export async function issueApiKey(db: Db, actor: string, input: Loose<TApiKeyInput>): Promise<CreatedApiKey> {
  const k = parseInput(ZApiKeyInput, input)
  const scope = Object.fromEntries(Object.entries(k.scope ?? {}).filter(([, v]) => v !== undefined))
  try {
    return await createApiKey(db, { name: k.name, role: k.role, scope, actor })
  } catch (error) {
    if (error instanceof ApiKeyError)
      throw new AdminError('invalid', [{ field: 'scope', value: input.scope, message: error.message }])
    throw error
  }
}
