import { join } from 'node:path'
import { type DbHandle, getMatchRun, type MatchRunRow } from '@stagebrug/db'
import { createEmlMailer, createMailer, type Mailer } from '@stagebrug/mail'
import { runNightInline } from '@stagebrug/night'
import { openQueues, redisConnection, triggerRun } from '@stagebrug/queue'

export interface RunArgs {
  readonly inline?: boolean | undefined
  readonly hold?: boolean | undefined
  readonly wait?: boolean | undefined
}

const quiet = { info() {}, warn() {}, error() {} }

/**
 * `stagebrug run`: with REDIS_URL, asks the workers for a run now and follows it until it closes;
 * with `--inline` (or without REDIS_URL), runs the same night in this process — mails go over
 * SMTP_URL if set, else into `.stagebrug/mails/` as .eml files.
 */
export async function runNight(
  handle: DbHandle,
  args: RunArgs,
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<number> {
  const publish = !args.hold
  if (args.inline || !env.REDIS_URL) return inline(handle, publish, env, cwd)

  const queues = openQueues({
    connection: redisConnection(env.REDIS_URL, 'producer'),
    prefix: env.QUEUE_PREFIX ?? 'stagebrug',
    mailAttempts: 8,
    mailBackoffMs: 30_000,
  })
  try {
    const jobId = await triggerRun(queues.match, `cli:${env.USER ?? 'admin'}`, publish)
    console.log(`Run gevraagd / requested (job ${jobId}).`)
    if (args.wait === false) return 0
    const started = Date.now()
    let last = ''
    let hinted = false
    for (;;) {
      const run = await handle.db
        .selectFrom('match_run')
        .selectAll()
        .where('job_key', '=', `night.${jobId}`)
        .executeTakeFirst()
      const line = run ? await progressLine(handle, run) : 'wacht op een worker / waiting for a worker'
      if (line !== last) console.log(line)
      last = line
      if (run?.status === 'succeeded') return printRun(run)
      if (run?.status === 'failed') {
        console.error(`Run mislukt / failed: ${run.error}`)
        return 1
      }
      if (!run && !hinted && Date.now() - started > 10_000) {
        console.error(
          'Nog geen worker bezig: draait er een? (pnpm --filter @stagebrug/worker start) / no worker yet',
        )
        hinted = true
      }
      await new Promise((r) => setTimeout(r, 500))
    }
  } finally {
    await queues.close()
  }
}

async function progressLine(handle: DbHandle, run: MatchRunRow): Promise<string> {
  if (!run.parts) return `run ${run.id}: ${run.status}`
  const stored = await handle.db
    .selectFrom('match_run_part')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('run_id', '=', run.id)
    .executeTakeFirstOrThrow()
  return `run ${run.id}: ${run.status}, ${stored.n}/${run.parts} delen / parts`
}

async function inline(
  handle: DbHandle,
  publish: boolean,
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<number> {
  const from = env.MAIL_FROM ?? 'Stagebrug <noreply@stagebrug.local>'
  const dir = join(cwd, '.stagebrug', 'mails')
  const mailer: Mailer = env.SMTP_URL ? createMailer(env.SMTP_URL, from) : createEmlMailer(dir, from)
  try {
    const night = await runNightInline(
      {
        db: handle.db,
        mailer,
        logger: quiet,
        now: () => new Date(),
        settings: {
          matchParts: 8,
          timeZone: env.TZ ?? 'Europe/Brussels',
          platformName: 'Stagebrug',
          adminEmail: env.ADMIN_EMAIL ?? null,
          publicUrl: env.PUBLIC_URL ?? null,
          messageIdDomain: from.match(/@([^>\s]+)>?\s*$/)?.[1] ?? 'stagebrug.local',
        },
      },
      { jobKey: `cli.${Date.now()}`, requestedBy: `cli:${env.USER ?? 'admin'}`, publish },
      (stage, done, total) => {
        if (done === total) console.log(`${stage}: ${done}/${total}`)
      },
    )
    const run = await getMatchRun(handle.db, night.run.id)
    const code = printRun(run!)
    console.log(`Mails: ${JSON.stringify(night.mails)}${env.SMTP_URL ? '' : ` → ${dir}`}`)
    return code
  } finally {
    mailer.close()
  }
}

function printRun(run: MatchRunRow): number {
  const c = run.counts
  console.log(
    `Run ${run.id} (${run.today}): ${c.students ?? 0} leerlingen, ${c.matched ?? 0} geplaatst, ${c.pinned ?? 0} manueel, ${c.unmatched ?? 0} zonder plaats, ${c.mails ?? 0} mails.`,
  )
  return 0
}
