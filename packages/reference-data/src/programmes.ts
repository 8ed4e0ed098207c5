import { type CsvRow, col, emptyToNull, intOrNull, readCsv, splitList } from './csv.js'
import { memo } from './memo.js'

export type Finality = 'arbeidsmarkt' | 'dubbele finaliteit' | 'doorstroom'

/** A structuuronderdeel of the Flemish secondary-education matrix. */
export interface Programme {
  /** structuuronderdeel_nummer */
  readonly id: number
  readonly title: string
  readonly groupId: string
  readonly groupTitle: string
  readonly grade: number | null
  readonly years: readonly number[]
  readonly finality: Finality | null
  readonly domain: string | null
  readonly onderwijsvorm: string | null
  readonly duaal: boolean
  readonly aanloop: boolean
  readonly buso: string | null
  readonly startDate: string | null
  readonly endDate: string | null
  /** for a "… duaal" unit: the id of its base programme (same group, title without " duaal"), else null */
  readonly baseProgrammeId: number | null
}

const DUAAL_SUFFIX = ' duaal'
// When a group has several units with the base title, the one agreeing on most of these wins.
const SIBLING_KEYS = [
  'fase_buso',
  'leerjaren',
  'studiedomein',
  'onderwijsvorm',
  'opleidingsvorm_buso',
  'type7',
]

function toFinality(value: string): Finality | null {
  if (value === '') return null
  if (value === 'arbeidsmarkt' || value === 'dubbele finaliteit' || value === 'doorstroom') return value
  throw new Error(`reference-data: unknown finaliteit "${value}"`)
}

function findBase(row: CsvRow, rows: readonly CsvRow[]): number | null {
  const title = col(row, 'titel')
  if (!title.endsWith(DUAAL_SUFFIX)) return null
  const baseTitle = title.slice(0, -DUAAL_SUFFIX.length)
  const agreement = (other: CsvRow) => SIBLING_KEYS.filter((k) => col(other, k) === col(row, k)).length
  const [best] = rows
    .filter((r) => col(r, 'groep_nummer') === col(row, 'groep_nummer') && col(r, 'titel') === baseTitle)
    .sort(
      (a, b) =>
        agreement(b) - agreement(a) ||
        Number(col(a, 'structuuronderdeel_nummer')) - Number(col(b, 'structuuronderdeel_nummer')),
    )
  return best ? Number(col(best, 'structuuronderdeel_nummer')) : null
}

function toProgramme(row: CsvRow, rows: readonly CsvRow[]): Programme {
  return Object.freeze({
    id: Number(col(row, 'structuuronderdeel_nummer')),
    title: col(row, 'titel'),
    groupId: col(row, 'groep_nummer'),
    groupTitle: col(row, 'groep_titel'),
    grade: intOrNull(col(row, 'graad')),
    years: Object.freeze(splitList(col(row, 'leerjaren'), ',').map(Number)),
    finality: toFinality(col(row, 'finaliteit')),
    domain: emptyToNull(col(row, 'studiedomein')),
    onderwijsvorm: emptyToNull(col(row, 'onderwijsvorm')),
    duaal: col(row, 'duaal') === '1',
    aanloop: col(row, 'aanloop') === '1',
    buso: emptyToNull(col(row, 'opleidingsvorm_buso')),
    startDate: emptyToNull(col(row, 'begindatum')),
    endDate: emptyToNull(col(row, 'einddatum')),
    baseProgrammeId: findBase(row, rows),
  })
}

const programmes = memo((): readonly Programme[] => {
  const rows = readCsv('programmes/programmes.csv')
  return Object.freeze(rows.map((row) => toProgramme(row, rows)))
})

const byId = memo((): ReadonlyMap<number, Programme> => new Map(programmes().map((p) => [p.id, p])))

const pairs = memo((): readonly (readonly [number, number])[] =>
  Object.freeze(
    programmes().flatMap((p) =>
      p.baseProgrammeId === null ? [] : [Object.freeze([p.id, p.baseProgrammeId] as const)],
    ),
  ),
)

/** The 961 structuuronderdelen, in source order. Memoised. */
export function loadProgrammes(): readonly Programme[] {
  return programmes()
}

/** Programme id (structuuronderdeel_nummer) → programme. Memoised. */
export function programmeById(): ReadonlyMap<number, Programme> {
  return byId()
}

/** `[dualVariantId, baseId]` for every "… duaal" unit that has a base programme in its group. */
export function relatedProgrammePairs(): readonly (readonly [number, number])[] {
  return pairs()
}
