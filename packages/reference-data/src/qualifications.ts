import { col, intOrNull, readCsv } from './csv.js'
import { memo } from './memo.js'

/** A beroepskwalificatie (BK) of the Vlaamse kwalificatiestructuur. */
export interface Qualification {
  /** e.g. BK-0002-3 (number and version) */
  readonly id: string
  readonly title: string
  readonly vksLevel: number | null
  /** Number of competences the source publishes for this BK. */
  readonly competenceCount: number
}

const qualifications = memo((): readonly Qualification[] =>
  Object.freeze(
    readCsv('programmes/qualifications.csv').map((row) =>
      Object.freeze({
        id: col(row, 'bk_id'),
        title: col(row, 'titel'),
        vksLevel: intOrNull(col(row, 'vks_niveau')),
        competenceCount: intOrNull(col(row, 'competenties_aantal')) ?? 0,
      }),
    ),
  ),
)

/** The beroepskwalificaties in programmes/qualifications.csv (38 today). Memoised. */
export function loadQualifications(): readonly Qualification[] {
  return qualifications()
}
