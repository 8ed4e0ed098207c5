import * as vega from 'vega'
import * as vegaLite from 'vega-lite'
import { type ShownCount, type ShownFigureRow, SMALL } from '../compute/disclosure.js'
import type { FigureLevel, FigureRow } from '../compute/model.js'

const SEEKERS = 'zoekende leerlingen'
const FREE = 'vrije capaciteit'

export interface ChartOptions {
  /** At most this many programmes (those with the most seekers plus free seats); default 30. */
  readonly maxProgrammes?: number
}

/** Figure rows exact (`FigureRow`) or as a reader may see them (`ShownFigureRow`, with `'< 5'`). */
type ChartRow = FigureRow | ShownFigureRow
interface ChartFigures<R extends ChartRow> {
  readonly rows: readonly R[]
  readonly today: string
}

// A shown count as a number for ordering: '< 5' between 0 and 5, so the order says nothing more
// than the shown counts do.
const rank = (v: ShownCount) => (v === SMALL ? 1 : v)

/** The programme rows of one region that the chart shows, in the chart's order. */
export function chartRows<R extends ChartRow>(
  figures: Pick<ChartFigures<R>, 'rows'>,
  region: { readonly level: FigureLevel; readonly key: string },
  opts: ChartOptions = {},
): R[] {
  return figures.rows
    .filter((r) => r.level === region.level && r.regionKey === region.key && r.programmeId !== null)
    .sort(
      (a, b) =>
        rank(b.seekers) + rank(b.freeSeats) - (rank(a.seekers) + rank(a.freeSeats)) ||
        (a.programmeTitle ?? '').localeCompare(b.programmeTitle ?? '', 'nl') ||
        (a.programmeId ?? 0) - (b.programmeId ?? 0),
    )
    .slice(0, opts.maxProgrammes ?? 30)
}

/**
 * A bar chart of one region: per programme, the seekers next to the free seats, as SVG text made
 * with vega-lite and rendered on the server (no browser, no canvas). Two bars per programme, each
 * labelled with its count; a count shown as `'< 5'` gets the label `< 5` and no bar.
 * @example await regionChartSvg(figures, { level: 'region', key: 'reg-kempen' })
 */
export async function regionChartSvg(
  figures: ChartFigures<ChartRow>,
  region: { readonly level: FigureLevel; readonly key: string },
  opts: ChartOptions = {},
): Promise<string> {
  const rows = chartRows(figures, region, opts)
  const label =
    figures.rows.find((r) => r.level === region.level && r.regionKey === region.key)?.regionLabel ??
    region.key
  const values = rows.flatMap((r) => {
    const programme = r.programmeTitle ?? String(r.programmeId)
    return [datum(programme, SEEKERS, r.seekers), datum(programme, FREE, r.freeSeats)]
  })
  const spec: vegaLite.TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `${label}: zoekende leerlingen en vrije capaciteit`,
      subtitle: `run van ${figures.today}`,
    },
    width: 480,
    data: { values },
    encoding: {
      y: {
        field: 'studierichting',
        type: 'nominal',
        sort: rows.map((r) => r.programmeTitle ?? String(r.programmeId)),
        title: 'studierichting',
        axis: { labelLimit: 260 },
      },
      yOffset: { field: 'reeks', sort: [SEEKERS, FREE] },
    },
    layer: [
      {
        // A small count has aantal null: no bar (vega-lite filters invalid values), only its label.
        mark: { type: 'bar', tooltip: true },
        encoding: {
          x: { field: 'aantal', type: 'quantitative', title: 'aantal', axis: { tickMinStep: 1 } },
          color: {
            field: 'reeks',
            type: 'nominal',
            title: null,
            scale: { domain: [SEEKERS, FREE], range: ['#d95f02', '#1b9e77'] },
            legend: { orient: 'top' },
          },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 9 },
        encoding: {
          x: { field: 'positie', type: 'quantitative' },
          text: { field: 'label', type: 'nominal' },
        },
      },
    ],
  }
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' })
  try {
    return await view.toSVG()
  } finally {
    view.finalize()
  }
}

/** One bar of the chart: the count (null when it is shown as `< 5`), its label and where the label goes. */
function datum(programme: string, reeks: string, count: ShownCount) {
  const aantal = count === SMALL ? null : count
  return { studierichting: programme, reeks, aantal, label: String(count), positie: aantal ?? 0 }
}
