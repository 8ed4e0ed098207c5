import { type DbHandle, upsertSchool } from '@stagebrug/db'
import { postcodeIndex } from '@stagebrug/reference-data'

export interface SchoolAddArgs {
  readonly number?: string | undefined
  readonly name?: string | undefined
  readonly postcode?: string | undefined
  readonly group?: string | undefined
}

/** `stagebrug school add --number <instellingsnummer> --name <name> --postcode <postcode> [--group <name>]`. */
export async function schoolAdd(handle: DbHandle, args: SchoolAddArgs): Promise<number> {
  const problems: string[] = []
  if (!args.number || !/^\d{3,6}$/.test(args.number)) {
    problems.push('--number: instellingsnummer van 3 tot 6 cijfers / institution number of 3 to 6 digits')
  }
  if (!args.name?.trim()) problems.push('--name: naam van de school is verplicht / school name is required')
  if (!args.postcode || !postcodeIndex().has(args.postcode)) {
    problems.push(
      `--postcode: ${JSON.stringify(args.postcode ?? '')} is geen Belgische postcode / not a Belgian postcode`,
    )
  }
  if (problems.length > 0) {
    for (const p of problems) console.error(p)
    return 2
  }
  const id = await upsertSchool(handle.db, {
    name: args.name!.trim(),
    instellingsnummer: args.number!,
    postcode: args.postcode!,
    group: args.group ?? null,
  })
  console.log(`School ${args.number} (${args.name!.trim()}) opgeslagen / saved: ${id}`)
  return 0
}
