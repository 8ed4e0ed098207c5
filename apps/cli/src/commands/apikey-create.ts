import { companyIdByKbo, issueApiKey, parseInput, schoolIdByNumber, ZApiKeyInput } from '@stagebrug/admin'
import type { DbHandle } from '@stagebrug/db'
import { reportAdminError } from './admin-errors.js'

export interface ApiKeyCreateArgs {
  readonly name?: string | undefined
  readonly role?: string | undefined
  readonly school?: string | undefined
  readonly company?: string | undefined
}

const FLAGS = {
  name: '--name',
  role: '--role',
  instellingsnummer: '--school',
  kboNumber: '--company',
  scope: '--school/--company',
}
const ZRoleOnly = ZApiKeyInput.pick({ role: true })

/**
 * `stagebrug apikey create --name <name> --role admin|school|company [--school <instellingsnummer> | --company <KBO>]`:
 * prints the key once on stdout; only its hash is stored. The API's own write (@stagebrug/admin).
 */
export async function apiKeyCreate(handle: DbHandle, actor: string, args: ApiKeyCreateArgs): Promise<number> {
  try {
    const { role } = parseInput(ZRoleOnly, { role: args.role ?? 'admin' })
    const scope =
      role === 'school'
        ? { schoolId: await schoolIdByNumber(handle.db, args.school) }
        : role === 'company'
          ? { companyId: await companyIdByKbo(handle.db, args.company) }
          : {}
    const created = await issueApiKey(handle.db, actor, { name: args.name ?? `${role}-sleutel`, role, scope })
    console.error(
      `Sleutel "${created.name}" (${role}, ${created.id}) aangemaakt; bewaar ze nu, ze wordt niet meer getoond.`,
    )
    console.log(created.key)
    return 0
  } catch (error) {
    return reportAdminError(error, FLAGS)
  }
}
