import * as vega from 'vega'
import * as vegaLite from 'vega-lite'
import type { FigureLevel, FigureRow, RunFigures } from '../compute/model.js'

const SEEKERS = 'zoekende leerlingen'
const FREE = 'vrije capaciteit'

export interface ChartOptions {
  /** At most this many programmes (those with the most seekers plus free seats); default 30. */
  readonly maxProgrammes?: number
}

/** The programme rows of one region that the chart shows, in the chart's order. */
export function chartRows(
  figures: Pick<RunFigures, 'rows'>,
  region: { readonly level: FigureLevel; readonly key: string },
  opts: ChartOptions = {},
): FigureRow[] {
  return figures.rows
    .filter((r) => r.level === region.level && r.regionKey === region.key && r.programmeId !== null)
    .sort(
      (a, b) =>
        b.seekers + b.freeSeats - (a.seekers + a.freeSeats) ||
        (a.programmeTitle ?? '').localeCompare(b.programmeTitle ?? '', 'nl') ||
        (a.programmeId ?? 0) - (b.programmeId ?? 0),
    )
    .slice(0, opts.maxProgrammes ?? 30)
}

/**
 * A bar chart of one region: per programme, the seekers next to the free seats, as SVG text made
 * with vega-lite and rendered on the server (no browser, no canvas). Two bars per programme.
 * @example await regionChartSvg(figures, { level: 'region', key: 'reg-kempen' })
 */
export async function regionChartSvg(
  figures: Pick<RunFigures, 'rows' | 'today'>,
  region: { readonly level: FigureLevel; readonly key: string },
  opts: ChartOptions = {},
): Promise<string> {
  const rows = chartRows(figures, region, opts)
  const label =
    figures.rows.find((r) => r.level === region.level && r.regionKey === region.key)?.regionLabel ??
    region.key
  const values = rows.flatMap((r) => {
    const programme = r.programmeTitle ?? String(r.programmeId)
    return [
      { studierichting: programme, reeks: SEEKERS, aantal: r.seekers },
      { studierichting: programme, reeks: FREE, aantal: r.freeSeats },
    ]
  })
  const spec: vegaLite.TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `${label}: zoekende leerlingen en vrije capaciteit`,
      subtitle: `run van ${figures.today}`,
    },
    width: 480,
    data: { values },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: {
        field: 'studierichting',
        type: 'nominal',
        sort: rows.map((r) => r.programmeTitle ?? String(r.programmeId)),
        title: 'studierichting',
        axis: { labelLimit: 260 },
      },
      yOffset: { field: 'reeks', sort: [SEEKERS, FREE] },
      x: { field: 'aantal', type: 'quantitative', title: 'aantal', axis: { tickMinStep: 1 } },
      color: {
        field: 'reeks',
        type: 'nominal',
        title: null,
        scale: { domain: [SEEKERS, FREE], range: ['#d95f02', '#1b9e77'] },
        legend: { orient: 'top' },
      },
    },
  }
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' })
  try {
    return await view.toSVG()
  } finally {
    view.finalize()
  }
}
