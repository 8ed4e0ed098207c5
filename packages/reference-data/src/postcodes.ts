import { col, readCsv, splitList } from './csv.js'
import { type BelgianRegion, municipalityRecords, type PlaceRow, placeRows } from './geo-rows.js'
import { memo } from './memo.js'
import { postcodeJoin } from './postcode-join.js'
import { regionKeysByNis } from './regions.js'

/** A Belgian postcode with its places, administrative units, centroid and Flemish municipality. */
export interface PostcodeInfo {
  readonly postcode: string
  readonly places: readonly string[]
  readonly region: BelgianRegion
  /** Dutch name. */
  readonly province: string
  readonly arrondissementCode: string
  readonly arrondissement: string
  readonly lat: number
  readonly lon: number
  /** NIS code of the Flemish municipality (2019 boundaries) or null outside Flanders / not joinable */
  readonly municipalityNis: string | null
  readonly municipality: string | null
  /** keys of the named regions (e.g. 'reg-kempen') this postcode's municipality belongs to */
  readonly regionKeys: readonly string[]
}

function toNumber(value: string, what: string): number {
  const n = Number.parseFloat(value)
  if (!Number.isFinite(n)) throw new Error(`reference-data: bad ${what} "${value}"`)
  return n
}

const postcodes = memo((): readonly PostcodeInfo[] => {
  const firstPlace = new Map<string, PlaceRow>()
  for (const row of placeRows()) if (!firstPlace.has(row.postcode)) firstPlace.set(row.postcode, row)
  const names = new Map(municipalityRecords().map((m) => [m.nis, m.name]))
  const { nisByPostcode } = postcodeJoin()
  const regionKeys = regionKeysByNis()

  return Object.freeze(
    readCsv('geo/be_postcodes.csv').map((row): PostcodeInfo => {
      const postcode = col(row, 'postcode')
      // no postcode spans two provinces or arrondissements (checked upstream), so any place row will do
      const place = firstPlace.get(postcode)
      if (!place) throw new Error(`reference-data: postcode ${postcode} has no place rows`)
      const nis = nisByPostcode.get(postcode) ?? null
      return Object.freeze({
        postcode,
        places: Object.freeze(splitList(col(row, 'places'))),
        region: place.region,
        province: place.province,
        arrondissementCode: place.arrondissementCode,
        arrondissement: place.arrondissement,
        lat: toNumber(col(row, 'lat'), 'lat'),
        lon: toNumber(col(row, 'lon'), 'lon'),
        municipalityNis: nis,
        municipality: nis === null ? null : (names.get(nis) ?? null),
        regionKeys: Object.freeze(nis === null ? [] : [...(regionKeys.get(nis) ?? [])]),
      })
    }),
  )
})

const index = memo((): ReadonlyMap<string, PostcodeInfo> => new Map(postcodes().map((p) => [p.postcode, p])))

/** All 1,146 Belgian postcodes (GeoNames), sorted. Memoised. */
export function loadPostcodes(): readonly PostcodeInfo[] {
  return postcodes()
}

/** Postcode → info, e.g. `postcodeIndex().get('9100')?.municipality === 'Sint-Niklaas'`. Memoised. */
export function postcodeIndex(): ReadonlyMap<string, PostcodeInfo> {
  return index()
}
