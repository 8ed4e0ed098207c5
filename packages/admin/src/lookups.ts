import type { Database } from '@stagebrug/db'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { AdminError, parseInput } from './errors.js'
import { ZInstellingsnummer, ZKboNumber } from './fields.js'

const ZSchoolNumber = z.object({ instellingsnummer: ZInstellingsnummer() })
const ZCompanyKbo = z.object({ kboNumber: ZKboNumber() })

// The command line names a school by its instellingsnummer and a company by its KBO number (the API
// by id): read with the same rules as the writes, so `３００５` and `BE 0403.019.261` are found too.

/** The id of the school with this instellingsnummer. */
export async function schoolIdByNumber(db: Kysely<Database>, instellingsnummer: unknown): Promise<string> {
  const nr = parseInput(ZSchoolNumber, { instellingsnummer }).instellingsnummer
  const row = await db
    .selectFrom('school')
    .select('id')
    .where('instellingsnummer', '=', nr)
    .executeTakeFirst()
  if (!row)
    throw new AdminError('not_found', [
      {
        field: 'instellingsnummer',
        value: instellingsnummer,
        message: 'geen school met dit nummer; voeg ze eerst toe / no such school; add it first',
      },
    ])
  return row.id
}

/** The id of the company with this KBO number. */
export async function companyIdByKbo(db: Kysely<Database>, kboNumber: unknown): Promise<string> {
  const kbo = parseInput(ZCompanyKbo, { kboNumber }).kboNumber
  const row = await db.selectFrom('company').select('id').where('kbo_number', '=', kbo).executeTakeFirst()
  if (!row)
    throw new AdminError('not_found', [
      { field: 'kboNumber', value: kboNumber, message: 'geen bedrijf met dit nummer / no such company' },
    ])
  return row.id
}
