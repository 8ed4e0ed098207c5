import { col, intOrNull, readCsv } from './csv.js'
import { type MunicipalityRecord, municipalityRecords } from './geo-rows.js'
import { memo } from './memo.js'
import { postcodeJoin } from './postcode-join.js'

/** A Flemish municipality with its pre-2025 boundaries (300 of them). */
export interface Municipality extends MunicipalityRecord {
  /** Population on 1 January 2020 (Statbel), null when the NIS code is not in that file. */
  readonly inhabitants: number | null
  /** Every postcode with at least one place in this municipality, sorted. */
  readonly postcodes: readonly string[]
}

const inhabitantsByNis = memo(
  (): ReadonlyMap<string, number | null> =>
    new Map(
      readCsv('geo/be_municipalities_2020.csv').map((row) => [
        col(row, 'NIS_code'),
        intOrNull(col(row, 'inhabitants')),
      ]),
    ),
)

const municipalities = memo((): readonly Municipality[] => {
  const { postcodesByNis } = postcodeJoin()
  const inhabitants = inhabitantsByNis()
  return Object.freeze(
    municipalityRecords().map((m) =>
      Object.freeze({
        ...m,
        deelgemeenten: Object.freeze([...m.deelgemeenten]),
        inhabitants: inhabitants.get(m.nis) ?? null,
        postcodes: Object.freeze([...(postcodesByNis.get(m.nis) ?? [])]),
      }),
    ),
  )
})

/** The 300 Flemish municipalities, in NIS order as in the source. Memoised. */
export function loadMunicipalities(): readonly Municipality[] {
  return municipalities()
}
