import { ApiKeyError, createApiKey, type DbHandle } from '@stagebrug/db'

export interface ApiKeyCreateArgs {
  readonly name?: string | undefined
  readonly role?: string | undefined
  readonly school?: string | undefined
  readonly company?: string | undefined
}

/**
 * `stagebrug apikey create --name <name> --role admin|school|company [--school <instellingsnummer> | --company <KBO>]`:
 * prints the key once on stdout; only its hash is stored.
 */
export async function apiKeyCreate(handle: DbHandle, args: ApiKeyCreateArgs): Promise<number> {
  const role = args.role ?? 'admin'
  if (role !== 'admin' && role !== 'school' && role !== 'company') {
    console.error(
      `--role: admin, school of company / admin, school or company (niet / not ${JSON.stringify(role)})`,
    )
    return 2
  }
  const scope: { schoolId?: string; companyId?: string } = {}
  if (role === 'school') {
    const school = args.school
      ? await handle.db
          .selectFrom('school')
          .select('id')
          .where('instellingsnummer', '=', args.school)
          .executeTakeFirst()
      : undefined
    if (!school) {
      console.error(
        `--school: geen school met instellingsnummer ${JSON.stringify(args.school ?? '')} / no such school`,
      )
      return 2
    }
    scope.schoolId = school.id
  }
  if (role === 'company') {
    const kbo = (args.company ?? '').replace(/\D/g, '')
    const company = kbo
      ? await handle.db.selectFrom('company').select('id').where('kbo_number', '=', kbo).executeTakeFirst()
      : undefined
    if (!company) {
      console.error(
        `--company: geen bedrijf met ondernemingsnummer ${JSON.stringify(args.company ?? '')} / no such company`,
      )
      return 2
    }
    scope.companyId = company.id
  }
  try {
    const created = await createApiKey(handle.db, {
      name: args.name?.trim() || `${role}-sleutel`,
      role,
      scope,
      actor: 'cli:apikey-create',
    })
    console.error(
      `Sleutel "${created.name}" (${role}, ${created.id}) aangemaakt; bewaar ze nu, ze wordt niet meer getoond.`,
    )
    console.log(created.key)
    return 0
  } catch (error) {
    if (!(error instanceof ApiKeyError)) throw error
    console.error(error.message)
    return 2
  }
}
