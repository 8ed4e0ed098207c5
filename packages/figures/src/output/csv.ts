import { CHANCE_LABELS } from '../compute/bands.js'
import { type DerivedField, type OwnCounts, type ShownFigureRow, SMALL } from '../compute/disclosure.js'
import type { FigureRow, RunFigures } from '../compute/model.js'
import { ALL_PROGRAMMES_NL, hundredths, LEVEL_LABELS_NL, REASON_LABELS_NL } from './labels.js'

type Cell = string | number | null
/** Figure rows exact (`FigureRow`) or as a reader may see them (`ShownFigureRow`, with `'< 5'`). */
type CsvRow = FigureRow | ShownFigureRow

const reasons = (list: readonly { readonly code: string; readonly count: number | string }[]) =>
  list.map((x) => `${REASON_LABELS_NL[x.code] ?? x.code}: ${x.count}`).join(', ')

// A derived value withheld because a count it needs is '< 5' is written as '< 5', not left empty
// (an empty cell means "none", e.g. no placement rate without seekers).
const derived =
  (field: DerivedField, show: (r: CsvRow) => Cell) =>
  (r: CsvRow): Cell =>
    'suppressed' in r && r.suppressed.includes(field) ? SMALL : show(r)

const COLUMNS: readonly (readonly [string, (r: CsvRow) => Cell])[] = [
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
  ['Stageplaatsen', (r) => r.internshipPlaces],
  ['Duale werkplekken', (r) => r.dualPlaces],
  ['Aanloopfaseplaatsen', (r) => r.aanloopfasePlaces],
  ['Jobs', (r) => r.jobPlaces],
  ['Vrije capaciteit stage', (r) => r.internshipFreeSeats],
  ['Vrije capaciteit duaal', (r) => r.dualFreeSeats],
  ['Vrije capaciteit aanloopfase', (r) => r.aanloopfaseFreeSeats],
  ['Vrije capaciteit job', (r) => r.jobFreeSeats],
  // A data gap, not a shortage: no recognition was ever entered for these dual places.
  ['Duale werkplekken zonder ingevoerde erkenning', (r) => r.dualPlacesNoRecognitionData],
  ['Duale werkplekken zonder geldige erkenning', (r) => r.dualPlacesNotRecognised],
  ['Krapte-index', derived('shortageX100', (r) => hundredths(r.shortageX100))],
  ['Plaatsingsgraad (%)', derived('placementPct', (r) => r.placementPct)],
  ['Kans op een plaats (1-5)', derived('chance', (r) => r.chance)],
  [
    'Kans op een plaats',
    derived('chance', (r) => (r.chance === null ? 'onbekend' : CHANCE_LABELS[r.chance].nl)),
  ],
  ['Krapte-index Vlaanderen', derived('flandersShortageX100', (r) => hundredths(r.flandersShortageX100))],
  ['Plaatsingsgraad Vlaanderen (%)', derived('flandersPlacementPct', (r) => r.flandersPlacementPct)],
  ['Krapte t.o.v. Vlaanderen (%)', derived('shortageVsFlandersPct', (r) => r.shortageVsFlandersPct)],
  [
    'Plaatsingsgraad t.o.v. Vlaanderen (procentpunt)',
    derived('placementVsFlandersPp', (r) => r.placementVsFlandersPp),
  ],
  ['Redenen zonder plaats', (r) => reasons(r.unmatchedReasons)],
]

// A school's own pupils, exact: after the regional columns, only when the rows carry them.
const OWN_COLUMNS: readonly (readonly [string, (o: OwnCounts) => Cell])[] = [
  ['Eigen school: zoekende leerlingen', (o) => o.seekers],
  ['Eigen school: voorgesteld', (o) => o.proposed],
  ['Eigen school: zonder plaats', (o) => o.unmatched],
  ['Eigen school: aanvaard', (o) => o.accepted],
  ['Eigen school: redenen zonder plaats', (o) => reasons(o.unmatchedReasons)],
]
const ownOf = (r: CsvRow) => ('ownSchool' in r ? r.ownSchool : undefined)

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
 * CRLF line ends and a UTF-8 byte order mark (so Excel reads the accents). Protected rows
 * (`protectRows`) show small counts as `< 5` and withheld values as empty cells; rows with a
 * school's own counts (`withOwnCounts`) get five "Eigen school" columns after the others.
 * @example figuresToCsv(figures.rows.filter((r) => r.level === 'region'))
 */
export function figuresToCsv(rows: readonly CsvRow[], opts: { readonly bom?: boolean } = {}): string {
  const own = rows.some((r) => ownOf(r) !== undefined)
  const columns: readonly (readonly [string, (r: CsvRow) => Cell])[] = own
    ? [
        ...COLUMNS,
        ...OWN_COLUMNS.map(
          ([h, get]) =>
            [
              h,
              (r: CsvRow) => {
                const o = ownOf(r)
                return o ? get(o) : null
              },
            ] as const,
        ),
      ]
    : COLUMNS
  const lines = [
    columns.map(([header]) => csvCell(header)).join(';'),
    ...rows.map((r) => columns.map(([, get]) => csvCell(get(r))).join(';')),
  ]
  return `${opts.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`
}

/** The figures of a run as JSON text (the shape of `RunFigures`), for the API and for files. */
export function figuresToJson(figures: RunFigures): string {
  return JSON.stringify(figures, null, 2)
}
