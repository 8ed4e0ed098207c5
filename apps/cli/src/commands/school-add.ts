import { saveSchool } from '@stagebrug/admin'
import type { DbHandle } from '@stagebrug/db'
import { reportAdminError } from './admin-errors.js'

export interface SchoolAddArgs {
  readonly number?: string | undefined
  readonly name?: string | undefined
  readonly postcode?: string | undefined
  readonly group?: string | undefined
}

const FLAGS = { instellingsnummer: '--number', name: '--name', postcode: '--postcode', group: '--group' }

/**
 * `stagebrug school add --number <instellingsnummer> --name <name> --postcode <postcode> [--group <name>]`:
 * the API's own write (@stagebrug/admin: same rules, same audit row), as `actor`.
 */
export async function schoolAdd(handle: DbHandle, actor: string, args: SchoolAddArgs): Promise<number> {
  try {
    const school = await saveSchool(handle.db, actor, {
      name: args.name,
      instellingsnummer: args.number,
      postcode: args.postcode,
      group: args.group ?? null,
    })
    console.log(`School ${school.instellingsnummer} (${school.name}) opgeslagen / saved: ${school.id}`)
    return 0
  } catch (error) {
    return reportAdminError(error, FLAGS)
  }
}
