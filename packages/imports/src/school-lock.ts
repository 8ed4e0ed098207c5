import type { Database } from '@stagebrug/db'
import { sql, type Transaction } from 'kysely'

// Advisory-lock keys of the imports: the first key says "a school's student list", the second is
// the school. Two schools whose ids hash alike only wait for each other; they never mix lists.
const STUDENT_LIST_LOCK = 0x53_42_01 // 'S' 'B' 1

/**
 * Serialises the imports of one school's student list: the first statement of the import's
 * transaction, held until it commits or rolls back (pg_advisory_xact_lock, so nothing to release
 * and nothing left behind by a crash). A second upload of the same school waits here, then reads
 * the students as the first one left them, so the last list wins whole — without it, two uploads at
 * once both saw the old list and the school kept the union of both (issue 13). The API and the
 * command line both import through `importStudentList`, so both take it. Works on PGlite too.
 */
export async function lockSchoolImports(trx: Transaction<Database>, schoolId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${STUDENT_LIST_LOCK}::int4, hashtext(${schoolId}::text))`.execute(
    trx,
  )
}
