import { type Kysely, sql } from 'kysely'
import type { Database } from '../schema/database.js'
import { writeAudit } from './audit.repository.js'

/** A Flemish school year: 1 September to 31 August. */
export interface SchoolYear {
  readonly label: string
  /** YYYY-MM-DD, 1 September. */
  readonly start: string
  /** YYYY-MM-DD, 31 August of the next calendar year. */
  readonly end: string
}

export class PurgeError extends Error {
  override readonly name = 'PurgeError'
}

/** `2025-2026` (or `2025`) → 1 Sept 2025 … 31 Aug 2026. */
export function parseSchoolYear(text: string): SchoolYear {
  const m = /^(\d{4})(?:\s*[-/]\s*(\d{4}))?$/.exec(text.trim())
  const first = m ? Number(m[1]) : Number.NaN
  if (!m || first < 2000 || first > 2100 || (m[2] !== undefined && Number(m[2]) !== first + 1)) {
    throw new PurgeError(
      `Ongeldig schooljaar ${JSON.stringify(text)}: verwacht bv. 2025-2026 / invalid school year, expected e.g. 2025-2026`,
    )
  }
  return { label: `${first}-${first + 1}`, start: `${first}-09-01`, end: `${first + 1}-08-31` }
}

export interface PurgeCounts {
  readonly students: number
  readonly proposals: number
  readonly outcomes: number
  readonly overrides: number
  readonly contactReleases: number
  /** Mail ledger rows whose rendered bodies were blanked (status and Message-ID stay). */
  readonly mailBodies: number
  /** Upload rows whose row errors (which quote cell values) were cleared. */
  readonly uploadErrors: number
  /** Audit rows of pins and moves of these students whose free-text reason was removed. */
  readonly auditReasons: number
}

export interface PurgeOptions {
  readonly year: SchoolYear
  /** The day the purge runs (YYYY-MM-DD); the school year must be over by then. */
  readonly today: string
  readonly dryRun: boolean
  /** Who purged, for the audit log (`cli`, `apikey:<id>`). */
  readonly actor: string
}

const PURGED_BODY = '[verwijderd na het schooljaar / purged after the school year]'

/**
 * Removes the students of a finished school year — everyone whose availability ended by 31 August
 * of that year — with their proposals, outcomes, pins, moves and contact releases, and blanks the
 * rendered mail bodies of the runs of that year (they quote names) and the free-text reasons of
 * their pins and moves in the audit log. Aggregated figures, the mail ledger's statuses
 * (exactly-once depends on them) and the rest of the audit log (ids) stay.
 * One transaction: all or nothing. With `dryRun` it counts and changes nothing.
 */
export async function purgeSchoolYear(db: Kysely<Database>, options: PurgeOptions): Promise<PurgeCounts> {
  const { year, today, dryRun } = options
  if (today <= year.end) {
    throw new PurgeError(
      `Schooljaar ${year.label} is nog niet voorbij (tot ${year.end}); er is niets verwijderd / the school year is not over yet, nothing was removed`,
    )
  }
  const rollback = new Error('dry run')
  let counts: PurgeCounts | undefined
  try {
    await db.transaction().execute(async (trx) => {
      const students = trx.selectFrom('student').select('id').where('available_to', '<=', year.end)
      const proposals = trx.selectFrom('proposal').select('id').where('student_id', 'in', students)
      const count = async (q: { executeTakeFirstOrThrow(): Promise<{ n: string | number | bigint }> }) =>
        Number((await q.executeTakeFirstOrThrow()).n)
      const n = sql<string>`count(*)`.as('n')

      const contactReleases = await count(
        trx.selectFrom('contact_release').select(n).where('proposal_id', 'in', proposals),
      )
      const outcomes = await count(
        trx.selectFrom('match_outcome').select(n).where('student_id', 'in', students),
      )
      const overrides = await count(
        trx.selectFrom('placement_override').select(n).where('student_id', 'in', students),
      )
      const mails = await trx
        .updateTable('mail_outbox')
        .set({ text_body: PURGED_BODY, html_body: `<p>${PURGED_BODY}</p>` })
        .where('status', 'not in', ['pending', 'sending'])
        .where('text_body', '<>', PURGED_BODY)
        .where('run_id', 'in', trx.selectFrom('match_run').select('id').where('today', '<=', year.end))
        .executeTakeFirst()
      const uploads = await trx
        .updateTable('upload')
        .set({ errors: sql`'[]'::jsonb` })
        .where('uploaded_at', '<', sql<Date>`(${year.end}::date + 1)`)
        .where(sql<boolean>`errors <> '[]'::jsonb`)
        .executeTakeFirst()
      const reasons = await trx
        .updateTable('audit_log')
        .set({ detail: sql`detail - 'reason'` })
        .where('action', 'in', ['pin.create', 'proposal.move', 'proposal.status'])
        .where(sql<boolean>`detail ? 'reason'`)
        .where(
          sql<string>`detail->>'student'`,
          'in',
          trx
            .selectFrom('student')
            .select(sql<string>`id::text`.as('id'))
            .where('available_to', '<=', year.end),
        )
        .executeTakeFirst()
      // contact_release, match_outcome and placement_override go with ON DELETE CASCADE.
      const deletedProposals = await trx
        .deleteFrom('proposal')
        .where('id', 'in', proposals)
        .executeTakeFirst()
      const deletedStudents = await trx
        .deleteFrom('student')
        .where('available_to', '<=', year.end)
        .executeTakeFirst()

      counts = {
        students: Number(deletedStudents.numDeletedRows),
        proposals: Number(deletedProposals.numDeletedRows),
        outcomes,
        overrides,
        contactReleases,
        mailBodies: Number(mails.numUpdatedRows),
        uploadErrors: Number(uploads.numUpdatedRows),
        auditReasons: Number(reasons.numUpdatedRows),
      }
      if (dryRun) throw rollback
      await writeAudit(trx, {
        actor: options.actor,
        action: 'schoolyear.purge',
        subject: `schoolyear:${year.label}`,
        detail: { ...counts },
      })
    })
  } catch (error) {
    if (error !== rollback) throw error
  }
  if (!counts) throw new Error('purge produced no counts')
  return counts
}
