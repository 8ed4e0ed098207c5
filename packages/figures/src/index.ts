// @stagebrug/figures — regional figures per run: supply and demand per region × programme, the
// shortage index, the 1–5 chance of a place, the benchmark against Flanders, the idle recognised
// supply and the watch list; CSV, JSON and SVG charts. Explicit exports only.

export {
  CHANCE_LABELS,
  chanceBand,
  placementPct,
  placementVsFlandersPp,
  rateBand,
  shortageVsFlandersPct,
  shortageX100,
  supplyBand,
} from './compute/bands.js'
export { computeFigures, FLANDERS } from './compute/compute-figures.js'
export {
  COUNT_FIELDS,
  type CountField,
  DERIVED_FIELDS,
  type DerivedField,
  type Disclosure,
  exactRows,
  OTHER_REASONS,
  type OwnCounts,
  ownCountsByRow,
  protectRows,
  ROUND_TO,
  rowKey,
  type ShownCount,
  type ShownFigureRow,
  SMALL,
  SMALL_CELL,
  showCount,
  withOwnCounts,
} from './compute/disclosure.js'
export type {
  AcceptedFact,
  ChanceBand,
  FigureLevel,
  FigureRow,
  FiguresInput,
  IdlePlace,
  IdleReason,
  OutcomeFact,
  PlaceFact,
  ProposalFact,
  RegionRef,
  RunFigures,
  WatchItem,
  WatchKind,
} from './compute/model.js'
export { ALL_PROGRAMMES } from './compute/recognition.js'
export { WATCH_DAYS, type WatchStage, watchNews, watchStage } from './compute/watch-list.js'
export { type ChartOptions, chartRows, regionChartSvg } from './output/chart.js'
export { csvCell, figuresToCsv, figuresToJson } from './output/csv.js'
export { ALL_PROGRAMMES_NL, hundredths, LEVEL_LABELS_NL, REASON_LABELS_NL } from './output/labels.js'
export {
  computeRunFigures,
  loadFigureTrend,
  loadOwnFigureRows,
  loadRunFigures,
  previousWatchList,
  type RunFiguresOutcome,
} from './store/compute-run-figures.js'
export { regionSlug, sourceToFiguresInput } from './store/source-to-input.js'
