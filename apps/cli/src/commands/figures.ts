import { type DbHandle, latestSucceededRunId } from '@stagebrug/db'
import {
  ALL_PROGRAMMES_NL,
  CHANCE_LABELS,
  computeRunFigures,
  type FigureRow,
  figuresToCsv,
  hundredths,
  LEVEL_LABELS_NL,
  loadRunFigures,
  type RunFigures,
} from '@stagebrug/figures'

export interface FiguresArgs {
  readonly run?: string | undefined
  readonly level?: string | undefined
  readonly csv?: boolean | undefined
}

const LEVELS = ['province', 'arrondissement', 'region'] as const
type Level = (typeof LEVELS)[number]

const COLUMNS: readonly (readonly [string, (r: FigureRow) => string, 'left' | 'right'])[] = [
  ['regio', (r) => r.regionLabel, 'left'],
  ['studierichting', (r) => clip(r.programmeTitle ?? ALL_PROGRAMMES_NL, 38), 'left'],
  ['zoekend', (r) => String(r.seekers), 'right'],
  ['voorgesteld', (r) => String(r.proposed), 'right'],
  ['zonder', (r) => String(r.unmatched), 'right'],
  ['aanvaard', (r) => String(r.accepted), 'right'],
  ['plaatsen', (r) => String(r.places), 'right'],
  ['vrij', (r) => String(r.freeSeats), 'right'],
  ['onbenut', (r) => String(r.idleSeats), 'right'],
  [
    'krapte',
    (r) => (r.shortageX100 === null ? (r.seekers > 0 ? '∞' : '–') : hundredths(r.shortageX100)),
    'right',
  ],
  ['geplaatst', (r) => (r.placementPct === null ? '–' : `${r.placementPct}%`), 'right'],
  ['kans', (r) => (r.chance === null ? '–' : `${r.chance} ${CHANCE_LABELS[r.chance].nl}`), 'left'],
  ['krapte/Vl', (r) => (r.shortageVsFlandersPct === null ? '–' : `${r.shortageVsFlandersPct}%`), 'right'],
  [
    'geplaatst/Vl',
    (r) => (r.placementVsFlandersPp === null ? '–' : signed(r.placementVsFlandersPp)),
    'right',
  ],
]

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)
const signed = (n: number) => `${n > 0 ? '+' : ''}${n} pp`

/**
 * `stagebrug figures [--run <id>] [--level province|arrondissement|region] [--csv]`: the regional
 * figures of a run (default the latest succeeded one) as a table, or as CSV for Excel. Flanders is
 * always on top as the benchmark; default level: province. Computes and stores them first when the
 * run has none yet (a run closed before the figures existed).
 */
export async function printFigures(handle: DbHandle, args: FiguresArgs): Promise<number> {
  const level = (args.level ?? 'province') as Level
  if (!LEVELS.includes(level)) {
    console.error(
      `--level: "${args.level}" is geen niveau; kies province, arrondissement of region / not a level`,
    )
    return 2
  }
  const runId = args.run ?? (await latestSucceededRunId(handle.db))
  if (!runId) {
    console.error('Nog geen geslaagde run; start er een met pnpm stagebrug run / no succeeded run yet')
    return 1
  }
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(runId)) {
    console.error(`--run: "${runId}" is geen run-id / not a run id`)
    return 2
  }
  let figures: RunFigures | undefined = await loadRunFigures(handle.db, runId)
  if (!figures) {
    const computed = await computeRunFigures(handle.db, runId)
    if (computed.status === 'not_found') {
      console.error(`Run ${runId} bestaat niet / does not exist`)
      return 1
    }
    if (computed.status === 'not_closed') {
      console.error(`Run ${runId} is niet geslaagd (${computed.runStatus}) / has not succeeded`)
      return 1
    }
    figures = computed.figures
  }
  const rows = figures.rows.filter((r) => r.level === 'flanders' || r.level === level)
  if (args.csv) {
    process.stdout.write(figuresToCsv(rows))
    return 0
  }
  console.log(`Regionale cijfers van run ${figures.runId} (${figures.today}), per ${LEVEL_LABELS_NL[level]}:`)
  console.log(table(rows))
  console.log(
    `Erkende werkplekken zonder plaatsing: ${figures.idle.length}. Op te volgen (erkenning of mentoropleiding binnen 90 dagen): ${figures.watch.length}.`,
  )
  console.log(
    `krapte = zoekende leerlingen per vrije plaats (∞: geen vrije plaats); kans op een plaats: ${[
      5, 4, 3, 2, 1,
    ]
      .map((b) => `${b} ${CHANCE_LABELS[b as 1].nl}`)
      .join(', ')}; /Vl = t.o.v. Vlaanderen.`,
  )
  return 0
}

function table(rows: readonly FigureRow[]): string {
  const cells = rows.map((r) => COLUMNS.map(([, get]) => get(r)))
  const widths = COLUMNS.map(([header], i) => Math.max(header.length, ...cells.map((c) => c[i]!.length)))
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (COLUMNS[i]![2] === 'right' ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd()
  return [line(COLUMNS.map(([h]) => h)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join(
    '\n',
  )
}
