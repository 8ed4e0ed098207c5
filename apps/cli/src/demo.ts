// pnpm demo [--students N] [--region KEY[,KEY…]|vlaanderen] [--seed N] [--out DIR] [--db URL]
// One night of Stagebrug in this process, without Redis: a PGlite database with demo schools,
// students, companies and places, one run (plan, parts, close, mail ledger), every mail written as
// an .eml file, then index.html, summary.json and a summary table.
import { isAbsolute, join, relative } from 'node:path'
import { createDb, type Database, type MailKind, runMigrations, seedReferenceData } from '@stagebrug/db'
import { seedSynthetic } from '@stagebrug/demo'
import { createEmlMailer } from '@stagebrug/mail'
import { type InlineStage, runNightInline, type WorkerDeps } from '@stagebrug/night'
import type { Kysely } from 'kysely'
import { type DemoOptions, parseDemoOptions, UsageError } from './demo/options.js'
import { clearOutputs, MAILS_DIR, writeMailPages, writeReport } from './demo/outputs.js'
import { createProgress } from './demo/progress.js'
import { exampleProposal, outcomesByRegion, runMails } from './demo/report.js'
import { type DemoSummary, num, renderSummaryTable } from './demo/summary.js'

const FROM = 'Stagebrug <noreply@stagebrug.test>'
const STAGE_NL: Readonly<Record<InlineStage, string>> = {
  plan: 'plan',
  part: 'delen',
  finalize: 'afsluiten',
  mail: 'mails',
}

const cwd = process.env.INIT_CWD ?? process.cwd()
try {
  await demo(parseDemoOptions(process.argv.slice(2), cwd))
} catch (error) {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(error instanceof UsageError ? 2 : 1)
}

async function demo(options: DemoOptions): Promise<void> {
  const started = performance.now()
  const progress = createProgress(process.stderr)
  const warnings: string[] = []
  progress.update('database', 0, 1)
  const handle = createDb(options.dbUrl)
  try {
    const migrated = await runMigrations(handle.db)
    if (migrated.error !== undefined) throw migrated.error
    if (await holdsSchools(handle.db))
      throw new UsageError(`the database ${options.dbUrl} already holds schools; the demo needs an empty one`)
    await seedReferenceData(handle.db)
    progress.update('database', 1, 1)

    progress.update('demodata', 0, 1)
    const seeded = await seedSynthetic(handle.db, {
      students: options.students,
      seed: options.seed,
      ...(options.regions.length > 0 ? { region: options.regions.map((r) => r.key) } : {}),
    })
    progress.update('demodata', 1, 1)

    clearOutputs(options.out)
    const mailer = createEmlMailer(join(options.out, MAILS_DIR), FROM)
    const note = (fields: object, message?: string) =>
      warnings.push(`${message ?? ''} ${JSON.stringify(fields)}`)
    const deps: WorkerDeps = {
      db: handle.db,
      mailer,
      logger: { info: () => {}, warn: note, error: note },
      now: () => new Date(`${seeded.today}T03:00:00Z`),
      settings: {
        matchParts: 4,
        timeZone: 'Europe/Brussels',
        platformName: 'Stagebrug',
        adminEmail: null,
        publicUrl: null,
        messageIdDomain: 'demo.stagebrug.test',
      },
    }
    const night = await runNightInline(
      deps,
      { jobKey: `demo-${options.seed}`, requestedBy: 'pnpm demo', publish: true, seed: options.seed },
      (stage, done, total) => progress.update(STAGE_NL[stage], done, total),
    )
    mailer.close()

    progress.update('bestanden', 0, 1)
    const regionKeys = options.regions.map((r) => r.key)
    const mails = await runMails(handle.db, night.run.id)
    const byRegion = await outcomesByRegion(handle.db, night.run.id, regionKeys)
    const example = await exampleProposal(handle.db, night.run.id)
    const listed = writeMailPages(options.out, mails, mailer.written)
    progress.update('bestanden', 1, 1)

    const sent = mails.filter((m) => m.status === 'sent')
    const byKind: Partial<Record<MailKind, number>> = {}
    for (const m of sent) byKind[m.kind] = (byKind[m.kind] ?? 0) + 1
    const summary: DemoSummary = {
      ...night.summary,
      regions: options.regions.map((r) => r.label),
      seed: options.seed,
      today: seeded.today,
      runId: night.run.id,
      schools: seeded.schools,
      companies: seeded.companies,
      byRegion,
      mails: { sent: sent.length, notSent: mails.length - sent.length, byKind },
      timingsMs: { ...progress.finish(), totaal: Math.round(performance.now() - started) },
      example,
    }
    writeReport(options.out, summary, listed)
    const shown = (path: string) => {
      const rel = relative(cwd, path)
      return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel
    }
    console.log(
      renderSummaryTable(summary, [
        [shown(join(options.out, 'index.html')), 'overzicht: samenvatting en alle mails'],
        [
          `${shown(join(options.out, MAILS_DIR))}/`,
          `${num(mailer.written.length)} mails als .eml (en .html)`,
        ],
        [shown(join(options.out, 'summary.json')), 'samenvatting als JSON'],
      ]),
    )
  } finally {
    progress.finish()
    for (const w of warnings) console.error(`demo: ${w}`)
    await handle.destroy()
  }
}

async function holdsSchools(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('school').select('id').limit(1).executeTakeFirst()) !== undefined
}
