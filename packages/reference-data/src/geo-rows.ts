import { type CsvRow, col, readCsv, splitList } from './csv.js'
import { memo } from './memo.js'

export type BelgianRegion = 'VLG' | 'WAL' | 'BRU'

/** One row of geo/be_postcode_places.csv: a (postcode, place) pair. */
export interface PlaceRow {
  readonly postcode: string
  readonly place: string
  readonly region: BelgianRegion
  readonly province: string
  readonly arrondissementCode: string
  readonly arrondissement: string
}

/** One row of geo/flemish_municipalities.csv (2019-2024 boundaries). */
export interface MunicipalityRecord {
  readonly nis: string
  readonly name: string
  readonly arrondissementCode: string
  readonly arrondissement: string
  readonly province: string
  readonly deelgemeenten: readonly string[]
}

export function toRegion(code: string): BelgianRegion {
  if (code === 'VLG' || code === 'WAL' || code === 'BRU') return code
  throw new Error(`reference-data: unknown region_code "${code}"`)
}

function toPlaceRow(row: CsvRow): PlaceRow {
  return {
    postcode: col(row, 'postcode'),
    place: col(row, 'place'),
    region: toRegion(col(row, 'region_code')),
    province: col(row, 'province_nl'),
    arrondissementCode: col(row, 'arrondissement_code'),
    arrondissement: col(row, 'arrondissement'),
  }
}

function toMunicipalityRecord(row: CsvRow): MunicipalityRecord {
  return {
    nis: col(row, 'nis_code'),
    name: col(row, 'municipality'),
    arrondissementCode: col(row, 'arrondissement_code'),
    arrondissement: col(row, 'arrondissement'),
    province: col(row, 'province'),
    deelgemeenten: splitList(col(row, 'deelgemeenten')),
  }
}

export const placeRows: () => readonly PlaceRow[] = memo(() =>
  readCsv('geo/be_postcode_places.csv').map(toPlaceRow),
)

export const municipalityRecords: () => readonly MunicipalityRecord[] = memo(() =>
  readCsv('geo/flemish_municipalities.csv').map(toMunicipalityRecord),
)
