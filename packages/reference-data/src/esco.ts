import { col, readCsv, splitList } from './csv.js'
import { memo } from './memo.js'

/** An ESCO (v1.1.x) occupation with its Dutch labels. */
export interface EscoOccupation {
  readonly uri: string
  /** ESCO code, e.g. 7115.1 */
  readonly code: string
  /** 4-digit ISCO-08 unit group */
  readonly iscoGroup: string
  readonly label: string
  readonly altLabels: readonly string[]
  readonly regulated: boolean
}

const occupations = memo((): readonly EscoOccupation[] =>
  Object.freeze(
    readCsv('esco/esco_occupations_nl.csv').map((row) =>
      Object.freeze({
        uri: col(row, 'concept_uri'),
        code: col(row, 'esco_code'),
        iscoGroup: col(row, 'isco_group'),
        label: col(row, 'label_nl'),
        altLabels: Object.freeze(splitList(col(row, 'alt_labels_nl'))),
        regulated: col(row, 'regulated') === 'regulated',
      }),
    ),
  ),
)

/** The 3,007 ESCO occupations, Dutch labels, sorted by ESCO code as in the source. Memoised. */
export function loadEscoOccupations(): readonly EscoOccupation[] {
  return occupations()
}
