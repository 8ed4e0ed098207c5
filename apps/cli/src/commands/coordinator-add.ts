import type { DbHandle } from '@stagebrug/db'

export interface CoordinatorAddArgs {
  readonly school?: string | undefined
  readonly name?: string | undefined
  readonly email?: string | undefined
}

/** `stagebrug coordinator add --school <instellingsnummer> --name <name> --email <e-mail>`: who gets the school's shortlists. */
export async function coordinatorAdd(handle: DbHandle, args: CoordinatorAddArgs): Promise<number> {
  const problems: string[] = []
  if (!args.school) problems.push('--school: instellingsnummer is verplicht / institution number is required')
  if (!args.name?.trim())
    problems.push('--name: naam van de trajectbegeleider is verplicht / name is required')
  if (!args.email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(args.email)) {
    problems.push(`--email: ${JSON.stringify(args.email ?? '')} is geen e-mailadres / not an e-mail address`)
  }
  if (problems.length > 0) {
    for (const p of problems) console.error(p)
    return 2
  }
  const school = await handle.db
    .selectFrom('school')
    .select(['id', 'name'])
    .where('instellingsnummer', '=', args.school!)
    .executeTakeFirst()
  if (!school) {
    console.error(`School ${args.school} bestaat niet; voeg ze eerst toe / no such school; add it first`)
    return 2
  }
  const existing = await handle.db
    .selectFrom('coordinator')
    .select('id')
    .where('school_id', '=', school.id)
    .where('email', '=', args.email!)
    .executeTakeFirst()
  if (existing) {
    await handle.db
      .updateTable('coordinator')
      .set({ name: args.name!.trim() })
      .where('id', '=', existing.id)
      .execute()
  } else {
    await handle.db
      .insertInto('coordinator')
      .values({ school_id: school.id, name: args.name!.trim(), email: args.email! })
      .execute()
  }
  console.log(
    `Trajectbegeleider ${args.email} ${existing ? 'bijgewerkt / updated' : 'toegevoegd / added'} bij ${school.name}`,
  )
  return 0
}
