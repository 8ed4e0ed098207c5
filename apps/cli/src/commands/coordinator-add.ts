import { saveCoordinator } from '@stagebrug/admin'
import type { DbHandle } from '@stagebrug/db'
import { reportAdminError } from './admin-errors.js'

export interface CoordinatorAddArgs {
  readonly school?: string | undefined
  readonly name?: string | undefined
  readonly email?: string | undefined
}

const FLAGS = { instellingsnummer: '--school', name: '--name', email: '--email' }

/**
 * `stagebrug coordinator add --school <instellingsnummer> --name <name> --email <e-mail>`: who gets the
 * school's shortlists. The API's own write (@stagebrug/admin): the address is stored lower-cased, and
 * an address the school has already (in any case) updates that coordinator's name.
 */
export async function coordinatorAdd(
  handle: DbHandle,
  actor: string,
  args: CoordinatorAddArgs,
): Promise<number> {
  try {
    const c = await saveCoordinator(
      handle.db,
      actor,
      { instellingsnummer: args.school },
      { name: args.name, email: args.email },
    )
    console.log(
      `Trajectbegeleider ${c.email} ${c.created ? 'toegevoegd / added' : 'bijgewerkt / updated'} bij school ${args.school}`,
    )
    return 0
  } catch (error) {
    return reportAdminError(error, FLAGS)
  }
}
