import { readSchoolProfile, saveSchool, updateSchoolProfile } from '@stagebrug/admin'
import type { DbHandle } from '@stagebrug/db'
import { reportAdminError } from './admin-errors.js'

/** The school's own data as flags (issue 15); absent = unchanged, `''` clears. */
export interface SchoolProfileArgs {
  readonly street?: string | undefined
  readonly 'house-number'?: string | undefined
  readonly municipality?: string | undefined
  readonly director?: string | undefined
  readonly 'director-function'?: string | undefined
  readonly insurer?: string | undefined
  readonly 'policy-number'?: string | undefined
  /** `naam;e-mail;telefoon`, once per stagebegeleider, in order; replaces the list (`''` alone empties it). */
  readonly supervisor?: readonly string[] | undefined
  /** Programme ids, comma-separated; replaces the list (`''` empties it). */
  readonly programmes?: string | undefined
}

export interface SchoolAddArgs extends SchoolProfileArgs {
  readonly number?: string | undefined
  readonly name?: string | undefined
  readonly postcode?: string | undefined
  readonly group?: string | undefined
}

const FLAGS = {
  instellingsnummer: '--number',
  name: '--name',
  postcode: '--postcode',
  group: '--group',
  street: '--street',
  houseNumber: '--house-number',
  municipality: '--municipality',
  directorName: '--director',
  directorFunction: '--director-function',
  insurer: '--insurer',
  policyNumber: '--policy-number',
  supervisors: '--supervisor',
  programmes: '--programmes',
}

/** The profile fields of the shared input, from the flags: parsed and refused by @stagebrug/admin only. */
function profileInput(args: SchoolProfileArgs) {
  const supervisors = args.supervisor
    ?.filter((s) => s.trim() !== '')
    .map((s) => {
      const [name, email, phone] = s.split(';').map((p) => p.trim())
      return { name, email: email || null, phone: phone || null }
    })
  const programmes =
    args.programmes === undefined
      ? undefined
      : args.programmes
          .split(',')
          .map((p) => p.trim())
          .filter((p) => p !== '')
          .map((p) => (/^\d+$/.test(p) ? Number(p) : p))
  return {
    street: args.street,
    houseNumber: args['house-number'],
    municipality: args.municipality,
    directorName: args.director,
    directorFunction: args['director-function'],
    insurer: args.insurer,
    policyNumber: args['policy-number'],
    supervisors,
    programmes,
  }
}

/**
 * `stagebrug school add --number <instellingsnummer> --name <name> --postcode <postcode> [--group <name>]
 * [profile flags]`: the API's own write (@stagebrug/admin: same rules, same audit row), as `actor`.
 */
export async function schoolAdd(handle: DbHandle, actor: string, args: SchoolAddArgs): Promise<number> {
  try {
    const school = await saveSchool(handle.db, actor, {
      name: args.name,
      instellingsnummer: args.number,
      postcode: args.postcode,
      group: args.group ?? null,
      ...profileInput(args),
    })
    console.log(`School ${school.instellingsnummer} (${school.name}) opgeslagen / saved: ${school.id}`)
    return 0
  } catch (error) {
    return reportAdminError(error, FLAGS)
  }
}

/**
 * `stagebrug school update --number <instellingsnummer> [profile flags]`: the school's own data, the
 * same write as the school's `PATCH /school/schools/:id/profile`; prints the data as stored (JSON).
 */
export async function schoolUpdate(handle: DbHandle, actor: string, args: SchoolAddArgs): Promise<number> {
  try {
    const ref = { instellingsnummer: args.number }
    const input = profileInput(args)
    const given = Object.values(input).some((v) => v !== undefined)
    const profile = given
      ? await updateSchoolProfile(handle.db, actor, ref, input)
      : await readSchoolProfile(handle.db, ref)
    console.log(JSON.stringify(profile, null, 2))
    return 0
  } catch (error) {
    return reportAdminError(error, FLAGS)
  }
}
