// `pnpm bench night [sizes…]`: one night of the real pipeline (plan, parts, close, mail ledger) on
// demo data in an embedded PGlite database, in one process: what a worker does, without Redis.
// Mails go to a mailer that accepts everything at once, so the figures are ours, not an SMTP
// server's. Seeding the database is not counted.
import { createDb, runMigrations, seedReferenceData } from '@stagebrug/db'
import { seedSynthetic } from '@stagebrug/demo'
import type { Mailer } from '@stagebrug/mail'
import { type InlineStage, runNightInline } from '@stagebrug/night'

const acceptAll: Mailer = { send: async () => ({ accepted: true, response: '250 bench' }), close() {} }
const quiet = { info() {}, warn() {}, error() {} }

export async function benchNight(students: number, seed: number): Promise<void> {
  const handle = createDb('pglite://memory')
  try {
    const migrated = await runMigrations(handle.db)
    if (migrated.error) throw migrated.error
    await seedReferenceData(handle.db)
    const seeded = await seedSynthetic(handle.db, {
      students,
      seed,
      region: ['reg-kempen', 'reg-limburgse-kempen'],
    })
    const started = new Map<InlineStage, number>()
    const took: Partial<Record<InlineStage, number>> = {}
    let peakRss = process.memoryUsage.rss()
    const t0 = performance.now()
    const night = await runNightInline(
      {
        db: handle.db,
        mailer: acceptAll,
        logger: quiet,
        now: () => new Date(`${seeded.today}T01:00:00Z`),
        settings: {
          matchParts: 8,
          timeZone: 'Europe/Brussels',
          platformName: 'Stagebrug',
          adminEmail: null,
          publicUrl: null,
          messageIdDomain: 'bench.stagebrug.test',
        },
      },
      { jobKey: `bench-${students}`, requestedBy: 'bench', publish: true, seed },
      (stage, done, total) => {
        if (!started.has(stage)) started.set(stage, performance.now())
        if (done === total) took[stage] = Math.round(performance.now() - started.get(stage)!)
        peakRss = Math.max(peakRss, process.memoryUsage.rss())
      },
    )
    const totalMs = Math.round(performance.now() - t0)
    const mails = night.mails.sent ?? 0
    const line = {
      bench: 'night',
      engine: 'pglite (memory)',
      students: night.summary.students,
      places: night.summary.places,
      matched: night.summary.matched + night.summary.pinned,
      mails,
      planMs: took.plan ?? 0,
      partsMs: took.part ?? 0,
      finalizeMs: took.finalize ?? 0,
      mailMs: took.mail ?? 0,
      totalMs,
      peakRssMb: Math.round(peakRss / 2 ** 20),
    }
    console.log(
      `\n== night: ${students.toLocaleString('en')} students, ${line.places.toLocaleString('en')} places, ${mails.toLocaleString('en')} mails`,
    )
    console.log(
      `   plan ${line.planMs} ms · parts ${line.partsMs} ms · close ${line.finalizeMs} ms · mail ledger ${line.mailMs} ms · total ${totalMs} ms`,
    )
    console.log(JSON.stringify(line))
  } finally {
    await handle.destroy()
  }
}
