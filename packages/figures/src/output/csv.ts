import { CHANCE_LABELS } from '../compute/bands.js'
import type { FigureRow, RunFigures } from '../compute/model.js'
import { ALL_PROGRAMMES_NL, hundredths, LEVEL_LABELS_NL, REASON_LABELS_NL } from './labels.js'

type Cell = string | number | null

const COLUMNS: readonly (readonly [string, (r: FigureRow) => Cell])[] = [
  ['Niveau', (r) => LEVEL_LABELS_NL[r.level]],
  ['Regio', (r) => r.regionLabel],
  ['Regiocode', (r) => r.regionKey],
  ['Studierichting', (r) => r.programmeTitle ?? (r.programmeId === null ? ALL_PROGRAMMES_NL : '')],
  ['Studierichtingnummer', (r) => r.programmeId],
  ['Zoekende leerlingen', (r) => r.seekers],
  ['Voorgesteld', (r) => r.proposed],
  ['Zonder plaats', (r) => r.unmatched],
  ['Aanvaard', (r) => r.accepted],
  ['Plaatsen', (r) => r.places],
  ['Capaciteit', (r) => r.seats],
  ['Vrije capaciteit', (r) => r.freeSeats],
  ['Onbenut na de run', (r) => r.idleSeats],
  ['Erkende werkplekken', (r) => r.recognisedPlaces],
  ['Erkende werkplekken onbenut', (r) => r.idleRecognisedPlaces],
  ['Krapte-index', (r) => hundredths(r.shortageX100)],
  ['Plaatsingsgraad (%)', (r) => r.placementPct],
  ['Kans op een plaats (1-5)', (r) => r.chance],
  ['Kans op een plaats', (r) => (r.chance === null ? 'onbekend' : CHANCE_LABELS[r.chance].nl)],
  ['Krapte-index Vlaanderen', (r) => hundredths(r.flandersShortageX100)],
  ['Plaatsingsgraad Vlaanderen (%)', (r) => r.flandersPlacementPct],
  ['Krapte t.o.v. Vlaanderen (%)', (r) => r.shortageVsFlandersPct],
  ['Plaatsingsgraad t.o.v. Vlaanderen (procentpunt)', (r) => r.placementVsFlandersPp],
  [
    'Redenen zonder plaats',
    (r) => r.unmatchedReasons.map((x) => `${REASON_LABELS_NL[x.code] ?? x.code}: ${x.count}`).join(', '),
  ],
]

// What a spreadsheet may run as a formula: = + - @ first (also the full-width forms, which some
// Excel input methods turn into the ASCII ones), after leading spaces too, or a tab or line break first.
// A number we formatted with a decimal comma (`0,67`, `-1,5`): written as is, so Excel reads a number.
const DECIMAL = /^-?\d+(,\d+)?$/
const FORMULA_START = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/

/**
 * A text cell for a spreadsheet: one that a spreadsheet could run as a formula gets a leading
 * apostrophe so Excel shows it instead of running it (OWASP "CSV injection"); quoted when it holds
 * ; , " a tab or a line break, so it stays one cell whichever list separator the reader's Excel uses.
 * Numbers we computed ourselves, and decimal-comma numbers, are written as they are (so -8 stays a number).
 */
export function csvCell(value: Cell): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  if (DECIMAL.test(value)) return value
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return /[;,"\t\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/**
 * The figure rows as CSV for Belgian Excel: Dutch headers, `;` between cells, decimal commas,
 * CRLF line ends and a UTF-8 byte order mark (so Excel reads the accents).
 * @example figuresToCsv(figures.rows.filter((r) => r.level === 'region'))
 */
export function figuresToCsv(rows: readonly FigureRow[], opts: { readonly bom?: boolean } = {}): string {
  const lines = [
    COLUMNS.map(([header]) => csvCell(header)).join(';'),
    ...rows.map((r) => COLUMNS.map(([, get]) => csvCell(get(r))).join(';')),
  ]
  return `${opts.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`
}

/** The figures of a run as JSON text (the shape of `RunFigures`), for the API and for files. */
export function figuresToJson(figures: RunFigures): string {
  return JSON.stringify(figures, null, 2)
}
