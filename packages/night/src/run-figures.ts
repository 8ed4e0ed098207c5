import { addToOutbox, coordinatorsOfSchools, type OutboxMail } from '@stagebrug/db'
import { computeRunFigures, previousWatchList, type WatchItem, watchNews } from '@stagebrug/figures'
import { escapeHtml, formatDate } from '@stagebrug/mail'
import type { WorkerDeps } from './deps.js'

export interface RunFiguresDone {
  /** What `computeRunFigures` found: `stored` (this call), `existing` (before), or why there are none. */
  readonly figures: 'stored' | 'existing' | 'not_found' | 'not_closed' | 'failed'
  /** Watch-list mails this call put in the outbox. */
  readonly mails: number
}

/**
 * After a run closed: computes and stores its regional figures (once per run) and puts one
 * watch-list mail in the outbox for every coordinator of a school that relies on a watched place
 * that is new on the school's list or moved closer (90 → 30 → 7 days → overdue) since the previous
 * run — once per run and coordinator, `watch:<coordinator id>`. Safe to call again. Never throws:
 * the run is closed already, so a failure is logged and the figures can be computed later.
 */
export async function runFiguresAfterClose(
  deps: Pick<WorkerDeps, 'db' | 'logger' | 'settings'>,
  runId: string,
): Promise<RunFiguresDone> {
  try {
    const outcome = await computeRunFigures(deps.db, runId)
    if (outcome.status === 'not_found' || outcome.status === 'not_closed')
      return { figures: outcome.status, mails: 0 }
    const { figures } = outcome
    const news = watchNews(figures.watch, await previousWatchList(deps.db, runId))
    const mails = await watchMails(deps, runId, figures.today, news)
    const added = mails.length ? await addToOutbox(deps.db, runId, mails) : 0
    deps.logger.info(
      {
        stage: 'figures',
        runId,
        status: outcome.status,
        rows: figures.rows.length,
        idle: figures.idle.length,
        watch: figures.watch.length,
        mails: added,
        ...(outcome.status === 'stored' ? outcome.timings : {}),
      },
      'regional figures',
    )
    return { figures: outcome.status, mails: added }
  } catch (error) {
    deps.logger.error(
      { stage: 'figures', runId, error: error instanceof Error ? error.message : String(error) },
      'regional figures failed',
    )
    return { figures: 'failed', mails: 0 }
  }
}

async function watchMails(
  deps: Pick<WorkerDeps, 'db' | 'settings'>,
  runId: string,
  today: string,
  watch: readonly WatchItem[],
): Promise<OutboxMail[]> {
  const bySchool = new Map<string, WatchItem[]>()
  for (const item of watch) {
    for (const school of item.schools) bySchool.set(school.id, [...(bySchool.get(school.id) ?? []), item])
  }
  if (bySchool.size === 0) return []
  const schoolNames = new Map(watch.flatMap((w) => w.schools.map((s) => [s.id, s.name] as const)))
  const coordinators = await coordinatorsOfSchools(deps.db, [...bySchool.keys()])
  return coordinators.map((c) =>
    renderWatchMail(
      {
        runId,
        today,
        coordinatorId: c.id,
        name: c.name,
        email: c.email,
        school: schoolNames.get(c.school_id) ?? '',
      },
      bySchool.get(c.school_id) ?? [],
      deps.settings,
    ),
  )
}

function describe(item: WatchItem): string {
  const days = item.daysLeft
  const when =
    days > 0
      ? `over ${days} ${days === 1 ? 'dag' : 'dagen'}`
      : days === 0
        ? 'vandaag'
        : `${-days} ${days === -1 ? 'dag' : 'dagen'} geleden`
  const date = formatDate(item.dueDate)
  switch (item.kind) {
    case 'recognition_expiring':
      return `de erkenning voor ${item.programmeTitle ?? `studierichting ${item.programmeId}`} loopt af op ${date} (${when})`
    case 'mentor_training_due':
      return `de mentor moet de mentoropleiding afronden tegen ${date} (${when})`
    case 'mentor_training_overdue':
      return `de mentor had de mentoropleiding moeten afronden tegen ${date} (${when})`
  }
}

const place = (item: WatchItem) =>
  `${item.companyName} (${item.sector}), ${item.postcode}${item.municipality ? ` ${item.municipality}` : ''}`

/** One coordinator's watch-list mail, Dutch text and simple HTML. */
export function renderWatchMail(
  to: {
    readonly runId: string
    readonly today: string
    readonly coordinatorId: string
    readonly name: string
    readonly email: string
    readonly school: string
  },
  items: readonly WatchItem[],
  settings: Pick<WorkerDeps['settings'], 'platformName' | 'adminEmail' | 'publicUrl'>,
): OutboxMail {
  const intro = `Leerlingen van ${to.school} staan op of zijn voorgesteld voor deze werkplekken. Daar loopt binnenkort iets af:`
  const advice =
    'Vraag het bedrijf om de erkenning tijdig te laten verlengen (werkplekduaal.be) en de verplichte mentoropleiding af te ronden; anders kan de werkplek niet meer dienen voor duaal leren.'
  const link = settings.publicUrl ? `${settings.publicUrl.replace(/\/$/, '')}/runs/${to.runId}/figures` : null
  const why = `U ontvangt deze mail omdat u trajectbegeleider bent van ${to.school} in ${settings.platformName}.`
  const stop = settings.adminEmail
    ? `Geen mails meer ontvangen? Schrijf naar ${settings.adminEmail}.`
    : 'Geen mails meer ontvangen? Vraag het aan de beheerder van Stagebrug.'
  const lines = items.map((i) => `- ${place(i)}: ${describe(i)}.`)
  const text = [
    `Beste ${to.name},`,
    '',
    intro,
    '',
    ...lines,
    '',
    advice,
    ...(link ? ['', `De cijfers van deze run: ${link}`] : []),
    '',
    '-- ',
    settings.platformName,
    why,
    stop,
  ].join('\n')
  const html =
    `<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4;color:#1a1a1a;">` +
    `<p>Beste ${escapeHtml(to.name)},</p><p>${escapeHtml(intro)}</p><ul>` +
    items
      .map((i) => `<li><strong>${escapeHtml(place(i))}</strong>: ${escapeHtml(describe(i))}.</li>`)
      .join('') +
    `</ul><p>${escapeHtml(advice)}</p>` +
    (link ? `<p><a href="${escapeHtml(link)}">De cijfers van deze run</a></p>` : '') +
    `<p style="font-size:12px;color:#555555;">${escapeHtml(settings.platformName)}<br>${escapeHtml(why)}<br>${escapeHtml(stop)}</p></div>`
  return {
    recipient: `watch:${to.coordinatorId}`,
    kind: 'coordinator',
    to: to.email,
    subject: `${settings.platformName}: ${items.length === 1 ? '1 werkplek' : `${items.length} werkplekken`} om op te volgen (erkenning, mentor) — ${formatDate(to.today)}`,
    text,
    html,
  }
}
