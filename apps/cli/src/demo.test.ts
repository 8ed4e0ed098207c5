// Runs `pnpm demo`'s entry as a real child process on a small data set and checks what it writes.
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { createDb } from '@stagebrug/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

interface ParsedMail {
  messageId?: string
  subject?: string
  text?: string
  html?: string | false
}
// mailparser is a test dependency of packages/mail, not of the CLI: load it from there.
const { simpleParser } = createRequire(new URL('../../../packages/mail/package.json', import.meta.url))(
  'mailparser',
) as { simpleParser: (source: Buffer) => Promise<ParsedMail> }

const run = promisify(execFile)
const cwd = new URL('..', import.meta.url).pathname
const tmp = mkdtempSync(join(tmpdir(), 'stagebrug-demo-'))
const out = join(tmp, 'out')
const dbDir = join(tmp, 'db')
const tsx = ['--conditions=@stagebrug/source', '--import', 'tsx', 'src/demo.ts']
const demo = (args: readonly string[]) => run(process.execPath, [...tsx, ...args], { cwd })

afterAll(() => rmSync(tmp, { recursive: true, force: true }))

interface Summary {
  students: number
  matched: number
  pinned: number
  unmatched: number
  unmatchedByReason: Record<string, number>
  byRegion: { label: string; students: number; matched: number; pinned: number; unmatched: number }[]
  mails: { sent: number; notSent: number; byKind: Record<string, number> }
  timingsMs: Record<string, number>
}

describe('pnpm demo', { timeout: 180_000 }, () => {
  let stdout: string
  let stderr: string

  beforeAll(async () => {
    // What an earlier demo left behind, and a file of the user's own.
    mkdirSync(join(out, 'mails'), { recursive: true })
    writeFileSync(join(out, 'students.json'), '[]')
    writeFileSync(join(out, 'mails', '0001-old@school.test.eml'), 'old')
    writeFileSync(join(out, 'notes.txt'), 'mine')
    ;({ stdout, stderr } = await demo([
      '--students',
      '300',
      '--seed',
      '7',
      '--out',
      out,
      '--db',
      `pglite://${dbDir}`,
    ]))
  }, 180_000)

  it('runs one night over the Kempen and Limburg and prints the summary table', () => {
    expect(stdout).toContain(
      'Stagebrug demo — Regio Kempen + Regio Limburgse Kempen: 2 scholen, 300 leerlingen',
    )
    expect(stdout).toMatch(/^leerlingen +300$/m)
    expect(stdout).toMatch(/^Regio Kempen \(Antwerpen\) +1 +150 /m)
    expect(stdout).toMatch(/^Regio Limburgse Kempen \(Limburg\) +1 +150 /m)
    expect(stdout).toMatch(/^tijd: database .* · totaal \d+,\d s$/m)
    expect(stdout).toContain(`${out}/index.html`)
    // not a terminal: one line per finished stage
    for (const stage of ['database', 'demodata', 'plan', 'delen', 'afsluiten', 'mails', 'bestanden'])
      expect(stderr).toMatch(new RegExp(`^${stage}: \\d+/\\d+ in \\d+\\.\\d s$`, 'm'))
  })

  it('writes a summary whose numbers add up', () => {
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary
    expect(s.students).toBe(300)
    expect(s.matched + s.pinned + s.unmatched).toBe(s.students)
    expect(Object.values(s.unmatchedByReason).reduce((a, b) => a + b, 0)).toBe(s.unmatched)
    expect(s.byRegion.map((r) => r.students)).toEqual([150, 150])
    for (const r of s.byRegion) expect(r.matched + r.pinned + r.unmatched).toBe(r.students)
    expect(s.byRegion.reduce((a, r) => a + r.matched, 0)).toBe(s.matched)
    expect(s.mails.notSent).toBe(0)
    expect(s.mails.byKind.coordinator).toBe(2)
    expect(s.mails.sent).toBe((s.mails.byKind.coordinator ?? 0) + (s.mails.byKind.company ?? 0))
    expect(s.timingsMs.totaal).toBeGreaterThan(0)
  })

  it('writes every mail as an .eml that parses, lists each in index.html, and keeps other files', async () => {
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary
    const files = readdirSync(join(out, 'mails'))
    const emls = files.filter((f) => f.endsWith('.eml'))
    expect(emls).toHaveLength(s.mails.sent)
    expect(files.filter((f) => f.endsWith('.html'))).toHaveLength(emls.length)
    expect(emls).not.toContain('0001-old@school.test.eml')
    expect(readdirSync(out).sort()).toEqual(['index.html', 'mails', 'notes.txt', 'summary.json'])

    const index = readFileSync(join(out, 'index.html'), 'utf8')
    const linked = [...index.matchAll(/href="mails\/([^"]+\.eml)"/g)].map((m) => m[1])
    expect(linked.sort()).toEqual([...emls].sort())
    expect(index).toContain('<html lang="nl-BE">')

    for (const f of emls) {
      const mail = await simpleParser(readFileSync(join(out, 'mails', f)))
      expect(mail.messageId).toMatch(/^<[0-9a-f-]+\.[0-9a-f-]+@demo\.stagebrug\.test>$/)
      expect(mail.subject).toMatch(/^Stagebrug: /)
      expect(mail.html).toContain('</html>')
    }
  })

  it('keeps student names and addresses out of the company mails', async () => {
    const { db, destroy } = createDb(`pglite://${dbDir}`)
    try {
      const students = await db.selectFrom('student').select(['first_name', 'last_name', 'email']).execute()
      const mails = await db.selectFrom('mail_outbox').select(['kind', 'message_id']).execute()
      const kindOf = new Map(mails.map((m) => [m.message_id, m.kind]))
      const surnames = [...new Set(students.map((s) => s.last_name))]
      const byKind: Record<string, string[]> = { company: [], coordinator: [] }
      for (const f of readdirSync(join(out, 'mails')).filter((f) => f.endsWith('.eml'))) {
        const mail = await simpleParser(readFileSync(join(out, 'mails', f)))
        const kind = kindOf.get(mail.messageId ?? null) ?? 'unknown'
        expect(['company', 'coordinator']).toContain(kind)
        byKind[kind]!.push(`${mail.subject}\n${mail.text}\n${mail.html}`)
      }
      expect(byKind.company!.length).toBeGreaterThan(0)
      expect(byKind.coordinator).toHaveLength(2)
      for (const text of byKind.company!) {
        expect(surnames.filter((n) => text.includes(n))).toEqual([])
        expect(students.filter((s) => s.email && text.includes(s.email))).toEqual([])
      }
      // the check would see a name: coordinators get their students by name
      for (const text of byKind.coordinator!) expect(surnames.some((n) => text.includes(n))).toBe(true)
    } finally {
      await destroy()
    }
  })

  it('refuses a database that already holds a demo', async () => {
    await expect(demo(['--students', '10', '--out', out, '--db', `pglite://${dbDir}`])).rejects.toMatchObject(
      {
        code: 2,
        stderr: expect.stringContaining('already holds schools; the demo needs an empty one'),
      },
    )
  })
})

describe('pnpm demo with bad arguments', () => {
  it('refuses each with a clear message and exit code 2', async () => {
    await expect(demo(['--region', 'reg-atlantis', '--out', out])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown --region reg-atlantis; choose vlaanderen or one of reg-'),
    })
    await expect(demo(['--students', 'veel', '--out', out])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--students must be 1–20000, got veel'),
    })
    await expect(demo(['--db', 'mysql://x', '--out', out])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--db must be one of postgres://…'),
    })
    await expect(demo(['--colour'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Unknown option '--colour'"),
    })
  }, 60_000)
})
