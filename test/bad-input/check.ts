// How a corpus case is judged: the answer (a specific 4xx problem+json) and the database (nothing
// of a refused request stored; a refused upload leaves at most its own "rejected" upload record).
import { loadProgrammes } from '@stagebrug/reference-data'
import type pg from 'pg'
import { kbo, type World } from '../../apps/api/test/support/world.js'
import type { Case, CorpusContext } from './case.js'

/** A digest of every table a write could touch, and the upload records by outcome. */
export interface Snapshot {
  readonly digests: Readonly<Record<string, string | null>>
  readonly accepted: number
  readonly rejected: number
}

const TABLES = [
  'student',
  'place',
  'company',
  'school',
  'school_group',
  'coordinator',
  'placement_override',
  'proposal',
  'match_run',
  'recognition',
  'mentor',
  'place_mentor',
] as const

// place_mentor has no id (its key is place × mentor): every table is ordered by its whole row.
const SNAPSHOT_SQL = `select ${TABLES.map((t) => `(select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) from ${t} x) as ${t}`).join(', ')},
  (select count(*)::int from upload where outcome = 'accepted') as accepted,
  (select count(*)::int from upload where outcome = 'rejected') as rejected`

/** The snapshot, read through a plain pg client of the world's database. */
export async function snapshot(client: pg.Client): Promise<Snapshot> {
  const { rows } = await client.query<Record<string, string | null> & { accepted: number; rejected: number }>(
    SNAPSHOT_SQL,
  )
  const { accepted, rejected, ...rest } = rows[0]!
  return { digests: rest, accepted, rejected }
}

export interface Answer {
  readonly status: number
  readonly contentType: string
  readonly body: string
}

const INTERNAL_DETAIL = /Er ging iets mis/

/** Everything wrong with the answer to a case, as readable lines (empty when it is right). */
export function judge(c: Case, answer: Answer, before: Snapshot, after: Snapshot): string[] {
  const problems: string[] = []
  const say = (what: string) => problems.push(`${c.id}: ${what}`)
  if (answer.status < 400 || answer.status >= 500)
    say(`status ${answer.status} is not a 4xx: ${answer.body.slice(0, 200)}`)
  else if (!c.expect.status.includes(answer.status))
    say(`status ${answer.status}, expected ${c.expect.status.join('|')}: ${answer.body.slice(0, 300)}`)
  if (!answer.contentType.startsWith('application/problem+json'))
    say(`content type ${answer.contentType}: ${answer.body.slice(0, 200)}`)
  else {
    const p = JSON.parse(answer.body) as { type?: string; title?: string; detail?: unknown; errors?: unknown }
    if (c.expect.type && p.type !== `https://stagebrug.be/problems/${c.expect.type}`)
      say(`type ${p.type}, expected ${c.expect.type}: ${String(p.detail).slice(0, 200)}`)
    if (typeof p.title !== 'string' || !p.title.includes(' / '))
      say(`title is not Dutch / English: ${p.title}`)
    if (typeof p.detail !== 'string' || p.detail.trim() === '' || INTERNAL_DETAIL.test(p.detail))
      say(`detail is not specific: ${String(p.detail)}`)
    else if (c.expect.detail && !c.expect.detail.test(p.detail))
      say(`detail ${p.detail.slice(0, 200)} does not match ${c.expect.detail}`)
    const want = c.expect.rowError
    if (want && answer.status === 422) {
      const errors = Array.isArray(p.errors)
        ? (p.errors as { row: unknown; column: unknown; value: unknown; message: unknown }[])
        : []
      if (errors.length === 0) say('no row errors')
      for (const e of errors)
        if (
          typeof e.row !== 'number' ||
          typeof e.column !== 'string' ||
          typeof e.message !== 'string' ||
          typeof e.value !== 'string'
        )
          say(`row error of the wrong shape: ${JSON.stringify(e).slice(0, 200)}`)
        else if (e.value.length > 210) say(`row error echoes ${e.value.length} characters of the value`)
      const hit = errors.some(
        (e) =>
          (want.row === undefined || e.row === want.row) &&
          (want.column === undefined || e.column === want.column) &&
          want.message.test(String(e.message)),
      )
      if (errors.length > 0 && !hit)
        say(
          `no row error ${JSON.stringify({ ...want, message: String(want.message) })} among ${JSON.stringify(errors.slice(0, 3)).slice(0, 600)}`,
        )
    }
  }
  for (const [table, digest] of Object.entries(before.digests))
    if (after.digests[table] !== digest) say(`table ${table} changed`)
  if (after.accepted !== before.accepted) say('an upload was accepted')
  if (after.rejected - before.rejected > 1) say(`${after.rejected - before.rejected} rejected upload records`)
  return problems
}

/** A duaal programme of the reference data: the recognition the corpus declares is for it. */
const DUAL_PROGRAMME = loadProgrammes().find((p) => p.grade === 3 && p.duaal)!
const ESTABLISHMENT = '2147812701'

/**
 * The world's ids the corpus points at. The world has no mentors or recognitions, so the company
 * registers two mentors (the first supervising its first place) and one recognition through the
 * doors a company uses: a body that wrongly passes then reaches real rows, and the snapshot sees
 * what it changed. Idempotent (mentors are keyed by e-mail, recognitions by establishment ×
 * programme), so a second call gives the same ids.
 */
export async function corpusContext(w: World): Promise<CorpusContext> {
  const through = async (method: 'POST' | 'PUT', url: string, payload: object) => {
    const res = await w.call('companyX', { method, url, payload })
    if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`)
    return res.json() as { id: string }
  }
  const mentor = await through('POST', '/company/mentors', {
    name: 'Corpus Mentor',
    email: 'corpus.mentor@x.test',
    birthDate: '1980-03-12',
    trainingCompleted: true,
    placeIds: [w.ids.placesX[0]],
  })
  const otherMentorEmail = 'tweede.mentor@x.test'
  await through('POST', '/company/mentors', { name: 'Tweede Mentor', email: otherMentorEmail })
  const recognition = await through('PUT', '/company/recognitions', {
    establishmentNumber: ESTABLISHMENT,
    programme: DUAL_PROGRAMME.id,
    validFrom: '2025-09-01',
    status: 'erkend',
  })
  const proposal = await w.db
    .selectFrom('proposal')
    .select('id')
    .where('run_id', '=', w.night.run.id)
    .where('student_id', 'in', [w.ids.students.a1!, w.ids.students.a2!, w.ids.students.a3!])
    .executeTakeFirstOrThrow()
  return {
    tenant: { school: '3001', kbo: kbo(1) },
    schoolId: w.ids.schoolA,
    placeId: w.ids.placesX[0],
    studentId: w.ids.students.a1!,
    proposalId: proposal.id,
    runId: w.night.run.id,
    mentorId: mentor.id,
    otherMentorEmail,
    recognitionId: recognition.id,
    establishmentNumber: ESTABLISHMENT,
    programme: DUAL_PROGRAMME.id,
  }
}

/**
 * Collects what would crash this process (uncaught exceptions, unhandled rejections) from `start`
 * to `stop`; a suite expects `crashes` to stay empty.
 */
export function crashWatch() {
  const crashes: unknown[] = []
  const onCrash = (error: unknown) => crashes.push(error)
  return {
    crashes,
    start: () => {
      process.on('uncaughtException', onCrash)
      process.on('unhandledRejection', onCrash)
    },
    stop: () => {
      process.off('uncaughtException', onCrash)
      process.off('unhandledRejection', onCrash)
    },
  }
}
