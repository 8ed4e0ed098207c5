// `stagebrug purge`: a real night on demo data of school year 2025-2026, a few students of the next
// year, a contact release and a pin; then the purge removes exactly last year's students and what
// points at them, in one transaction, on both engines.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { json, PurgeError, parseSchoolYear, purgeSchoolYear, writeAudit } from '@stagebrug/db'
import { seedSynthetic } from '@stagebrug/demo'
import type { Mailer } from '@stagebrug/mail'
import { runNightInline } from '@stagebrug/night'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb } from '../../../test/support/databases.js'

const acceptAll: Mailer = { send: async () => ({ accepted: true, response: '250 test' }), close() {} }
const quiet = { info() {}, warn() {}, error() {} }
const YEAR = parseSchoolYear('2025-2026')
const TODAY = '2026-11-23'

describe('parseSchoolYear', () => {
  it('reads 2025-2026, 2025/2026 and 2025 as 1 Sept 2025 to 31 Aug 2026', () => {
    for (const text of ['2025-2026', '2025/2026', ' 2025 ']) {
      expect(parseSchoolYear(text)).toEqual({ label: '2025-2026', start: '2025-09-01', end: '2026-08-31' })
    }
  })
  it('refuses years that do not follow each other, or are not years', () => {
    for (const text of ['2025-2027', '25-26', 'vorig jaar', '']) {
      expect(() => parseSchoolYear(text)).toThrow(/Ongeldig schooljaar .*invalid school year/)
    }
  })
})

describe.each(ENGINES)('purgeSchoolYear on %s', (engine) => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  /**
   * Students who must survive the purge of 2025-2026: six moved to next school year, and the
   * school leavers seeking a job from July to December 2026 (their availability has not ended).
   */
  let keep: string[]
  let runId: string

  const count = async (
    table: 'student' | 'proposal' | 'match_outcome' | 'placement_override' | 'contact_release',
  ) =>
    Number(
      (await handle.db.selectFrom(table).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n,
    )
  const snapshot = async () => ({
    students: await count('student'),
    proposals: await count('proposal'),
    outcomes: await count('match_outcome'),
    overrides: await count('placement_override'),
    releases: await count('contact_release'),
  })

  beforeAll(async () => {
    handle = await openSeededDb(engine)
    const seeded = await seedSynthetic(handle.db, {
      students: 240,
      seed: 11,
      region: 'reg-kempen',
      schoolYearStart: 2025,
    })
    // Six students move to next school year's placements before the night.
    const next = await handle.db.selectFrom('student').select('id').orderBy('external_id').limit(6).execute()
    await handle.db
      .updateTable('student')
      .set({ available_from: '2026-10-01', available_to: '2027-03-26' })
      .where(
        'id',
        'in',
        next.map((s) => s.id),
      )
      .execute()
    const jobSeekers = await handle.db.selectFrom('student').select('id').where('seeks', '=', 'job').execute()
    expect(jobSeekers.length).toBeGreaterThan(0)
    keep = [...new Set([...next, ...jobSeekers].map((s) => s.id))]

    const night = await runNightInline(
      {
        db: handle.db,
        mailer: acceptAll,
        logger: quiet,
        now: () => new Date(`${seeded.today}T01:00:00Z`),
        settings: {
          matchParts: 2,
          timeZone: 'Europe/Brussels',
          platformName: 'Stagebrug',
          adminEmail: null,
          publicUrl: null,
          messageIdDomain: 'purge.stagebrug.test',
        },
      },
      { jobKey: 'purge-test', requestedBy: 'test', publish: true, seed: 3 },
    )
    runId = night.run.id
    // A released contact and a pin for last year's students, as a school would have made them.
    const proposal = await handle.db
      .selectFrom('proposal')
      .select(['id', 'student_id', 'place_id'])
      .where('run_id', '=', runId)
      // Proposal ids are random: without this, the first one was now and then a kept student's.
      .where('student_id', 'not in', keep)
      .orderBy('id')
      .executeTakeFirstOrThrow()
    await handle.db
      .insertInto('contact_release')
      .values({ proposal_id: proposal.id, released_by: 'test' })
      .execute()
    await handle.db
      .insertInto('placement_override')
      .values({
        kind: 'pin',
        student_id: proposal.student_id,
        place_id: proposal.place_id,
        reason: 'afspraak met het bedrijf',
        created_by: 'test',
      })
      .execute()
    // The audit log repeats a pin's free-text reason: one of last year's students, one kept.
    await writeAudit(handle.db, [
      {
        actor: 'test',
        action: 'pin.create',
        subject: 'pin:a',
        detail: { student: proposal.student_id, place: proposal.place_id, reason: 'vraagt Jan Peeters' },
      },
      {
        actor: 'test',
        action: 'pin.create',
        subject: 'pin:b',
        detail: { student: keep[0], place: proposal.place_id, reason: 'blijft' },
      },
      // A decline's reason for the school is free text too (issue 13).
      {
        actor: 'test',
        action: 'proposal.status',
        subject: `proposal:${proposal.id}`,
        detail: {
          student: proposal.student_id,
          from: 'accepted',
          to: 'declined',
          reason: 'ziek volgens de moeder',
        },
      },
    ])
    // Refused uploads quote cell values in their row errors: one from last year, one from this year.
    const errors = json([{ row: 3, column: 'naam', value: 'Peeters', message: 'verplicht' }])
    await handle.db
      .insertInto('upload')
      .values(
        ['2026-05-04T08:00:00Z', '2026-10-05T08:00:00Z'].map((at) => ({
          uploaded_by: 'test',
          uploaded_at: at,
          kind: 'students' as const,
          file_sha256: '0'.repeat(64),
          filename: `lijst-${at.slice(0, 7)}.csv`,
          outcome: 'rejected' as const,
          errors,
          counts: json({}),
        })),
      )
      .execute()
  }, 120_000)
  afterAll(() => handle?.close())

  it('starts from a night with proposals, outcomes, sent mails and next year’s students', async () => {
    const s = await snapshot()
    expect(s.students).toBe(240)
    expect(s.proposals).toBeGreaterThan(50)
    expect(s.outcomes).toBe(240)
    expect(s.releases).toBe(1)
    expect(s.overrides).toBe(1)
    const sent = await handle.db
      .selectFrom('mail_outbox')
      .select('status')
      .where('run_id', '=', runId)
      .execute()
    expect(sent.length).toBeGreaterThan(0)
    expect(sent.every((m) => m.status === 'sent')).toBe(true)
  })

  it('refuses a school year that is not over, and changes nothing', async () => {
    const before = await snapshot()
    await expect(
      purgeSchoolYear(handle.db, { year: YEAR, today: '2026-08-31', dryRun: false, actor: 'test' }),
    ).rejects.toThrow(PurgeError)
    await expect(
      purgeSchoolYear(handle.db, { year: YEAR, today: '2026-08-31', dryRun: false, actor: 'test' }),
    ).rejects.toThrow(/nog niet voorbij \(tot 2026-08-31\)/)
    expect(await snapshot()).toEqual(before)
  })

  it('counts on a dry run without changing anything', async () => {
    const before = await snapshot()
    const counts = await purgeSchoolYear(handle.db, { year: YEAR, today: TODAY, dryRun: true, actor: 'test' })
    expect(counts.students).toBe(240 - keep.length)
    expect(counts.proposals).toBeGreaterThan(50)
    expect(counts.contactReleases).toBe(1)
    expect(counts.overrides).toBe(1)
    expect(counts.mailBodies).toBeGreaterThan(0)
    expect(await snapshot()).toEqual(before)
    const purged = await handle.db
      .selectFrom('mail_outbox')
      .select('id')
      .where('text_body', 'like', '[verwijderd%')
      .execute()
    expect(purged).toEqual([])
  })

  it('removes last year’s students and what points at them; keeps next year’s, the ledger and the figures', async () => {
    const figuresBefore = Number(
      (
        await handle.db
          .selectFrom('run_figure')
          .select(sql<string>`count(*)`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
    const outcomesKept = (
      await handle.db
        .selectFrom('match_outcome')
        .select('student_id')
        .where('student_id', 'in', keep)
        .execute()
    ).length
    const counts = await purgeSchoolYear(handle.db, { year: YEAR, today: TODAY, dryRun: false, actor: 'cli' })
    expect(counts.students).toBe(240 - keep.length)

    const left = await handle.db.selectFrom('student').select('id').orderBy('id').execute()
    expect(left.map((s) => s.id)).toEqual([...keep].sort())
    const orphanProposals = await handle.db
      .selectFrom('proposal')
      .select('id')
      .where('student_id', 'not in', keep)
      .execute()
    expect(orphanProposals).toEqual([])
    expect(await count('match_outcome')).toBe(outcomesKept)
    expect(await count('contact_release')).toBe(0)
    expect(await count('placement_override')).toBe(0)

    const mails = await handle.db
      .selectFrom('mail_outbox')
      .select(['status', 'text_body', 'html_body', 'message_id'])
      .where('run_id', '=', runId)
      .execute()
    expect(mails.length).toBe(counts.mailBodies)
    for (const m of mails) {
      expect(m.status).toBe('sent')
      expect(m.message_id).toBeTruthy()
      expect(m.text_body).toBe('[verwijderd na het schooljaar / purged after the school year]')
      expect(m.html_body).not.toMatch(/@|leerling/i)
    }
    const figuresAfter = Number(
      (
        await handle.db
          .selectFrom('run_figure')
          .select(sql<string>`count(*)`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
    expect(figuresAfter).toBe(figuresBefore)
    const uploads = await handle.db
      .selectFrom('upload')
      .select(['filename', 'errors'])
      .orderBy('filename')
      .execute()
    expect(uploads.map((u) => [u.filename, (u.errors as unknown[]).length])).toEqual([
      ['lijst-2026-05.csv', 0],
      ['lijst-2026-10.csv', 1],
    ])
    expect(counts.uploadErrors).toBe(1)
    const pins = await handle.db
      .selectFrom('audit_log')
      .select(['subject', 'detail'])
      .where('action', '=', 'pin.create')
      .orderBy('subject')
      .execute()
    expect(pins.map((p) => [p.subject, p.detail.reason ?? null, typeof p.detail.student])).toEqual([
      ['pin:a', null, 'string'],
      ['pin:b', 'blijft', 'string'],
    ])
    const declines = await handle.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'proposal.status')
      .where('actor', '=', 'test')
      .execute()
    expect(declines.map((d) => d.detail.reason ?? null)).toEqual([null])
    expect(counts.auditReasons).toBe(2)
    const audit = await handle.db
      .selectFrom('audit_log')
      .select(['actor', 'detail'])
      .where('action', '=', 'schoolyear.purge')
      .execute()
    expect(audit).toEqual([{ actor: 'cli', detail: { ...counts } }])

    // Purging again finds nothing more.
    const again = await purgeSchoolYear(handle.db, { year: YEAR, today: TODAY, dryRun: false, actor: 'cli' })
    expect(again).toEqual({
      students: 0,
      proposals: 0,
      outcomes: 0,
      overrides: 0,
      contactReleases: 0,
      mailBodies: 0,
      uploadErrors: 0,
      auditReasons: 0,
    })
  })
})

describe('pnpm stagebrug purge (child process)', () => {
  const exec = promisify(execFile)
  const cwd = new URL('..', import.meta.url).pathname
  async function stagebrug(...args: string[]) {
    const argv = ['--conditions=@stagebrug/source', '--import', 'tsx', 'src/stagebrug.ts', ...args]
    try {
      const { stdout, stderr } = await exec(process.execPath, argv, {
        cwd,
        env: { ...process.env, DATABASE_URL: 'pglite://memory', REDIS_URL: '' },
      })
      return { code: 0, stdout, stderr }
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string }
      return { code: e.code, stdout: e.stdout, stderr: e.stderr }
    }
  }

  it('exits 2 with a Dutch message for a school year that is not over', async () => {
    const future = await stagebrug('purge', '--school-year', '2099-2100')
    expect(future.code).toBe(2)
    expect(future.stderr).toContain('Schooljaar 2099-2100 is nog niet voorbij')
  }, 180_000)
})
