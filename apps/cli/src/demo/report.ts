import type { Database, MailKind } from '@stagebrug/db'
import { loadNamedRegions, postcodeIndex } from '@stagebrug/reference-data'
import type { Kysely } from 'kysely'

export interface RegionRow {
  /** e.g. 'Regio Kempen (Antwerpen)'; the province alone for a school outside every named region. */
  readonly label: string
  readonly schools: number
  readonly students: number
  readonly matched: number
  readonly pinned: number
  readonly unmatched: number
}

export interface MailRow {
  readonly id: string
  readonly kind: MailKind
  readonly to: string
  readonly subject: string
  readonly status: string
  readonly messageId: string | null
  readonly html: string
}

export interface Example {
  readonly student: string
  readonly school: string
  readonly place: string
  readonly reasons: readonly string[]
}

/**
 * The run's outcomes per region of the student's school: the named region its postcode lies in
 * (one of `preferred` when it lies in several), else its province.
 */
export async function outcomesByRegion(
  db: Kysely<Database>,
  runId: string,
  preferred: readonly string[],
): Promise<RegionRow[]> {
  const rows = await db
    .selectFrom('match_outcome as o')
    .innerJoin('student as s', 's.id', 'o.student_id')
    .innerJoin('school as sc', 'sc.id', 's.school_id')
    .select(['sc.id as school', 'sc.postcode', 'o.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('o.run_id', '=', runId)
    .groupBy(['sc.id', 'sc.postcode', 'o.status'])
    .execute()
  const labels = new Map(loadNamedRegions().map((r) => [r.key, r.label]))
  const postcodes = postcodeIndex()
  const regionOf = (postcode: string) => {
    const info = postcodes.get(postcode)
    if (!info) return postcode
    const key = info.regionKeys.find((k) => preferred.includes(k)) ?? info.regionKeys[0]
    return key ? `${labels.get(key) ?? key} (${info.province})` : `Provincie ${info.province}`
  }
  const regions = new Map<
    string,
    { schools: Set<string>; matched: number; pinned: number; unmatched: number }
  >()
  for (const r of rows) {
    const label = regionOf(r.postcode)
    const region = regions.get(label) ?? { schools: new Set(), matched: 0, pinned: 0, unmatched: 0 }
    region.schools.add(r.school)
    region[r.status] += Number(r.n)
    regions.set(label, region)
  }
  return [...regions]
    .map(([label, r]) => ({
      label,
      schools: r.schools.size,
      students: r.matched + r.pinned + r.unmatched,
      matched: r.matched,
      pinned: r.pinned,
      unmatched: r.unmatched,
    }))
    .sort((a, b) => b.students - a.students || a.label.localeCompare(b.label))
}

const KIND_ORDER: Readonly<Record<MailKind, number>> = { coordinator: 0, company: 1, admin: 2 }

/** The run's mail ledger: coordinators first, then companies, each by address. */
export async function runMails(db: Kysely<Database>, runId: string): Promise<MailRow[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['id', 'kind', 'to_address', 'subject', 'status', 'message_id', 'html_body'])
    .where('run_id', '=', runId)
    .execute()
  return rows
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      to: r.to_address,
      subject: r.subject,
      status: r.status,
      messageId: r.message_id,
      html: r.html_body,
    }))
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.to.localeCompare(b.to))
}

/** One placed student's first proposal with its reasons, to show what a coordinator reads. */
export async function exampleProposal(db: Kysely<Database>, runId: string): Promise<Example | null> {
  const row = await db
    .selectFrom('proposal as p')
    .innerJoin('student as s', 's.id', 'p.student_id')
    .innerJoin('school as sc', 'sc.id', 's.school_id')
    .innerJoin('place as pl', 'pl.id', 'p.place_id')
    .innerJoin('company as c', 'c.id', 'pl.company_id')
    .innerJoin('postcode as pc', 'pc.postcode', 'pl.establishment_postcode')
    .select([
      's.first_name',
      's.last_name',
      'sc.name as school',
      'c.name as company',
      'pc.municipality',
      'p.reasons',
    ])
    .where('p.run_id', '=', runId)
    .where('p.kind', '=', 'allocated')
    .orderBy('p.score', 'desc')
    .orderBy('p.id')
    .limit(1)
    .executeTakeFirst()
  if (!row) return null
  return {
    student: `${row.first_name} ${row.last_name}`,
    school: row.school,
    place: row.municipality ? `${row.company}, ${row.municipality}` : row.company,
    reasons: row.reasons.map((r) => r.text),
  }
}
