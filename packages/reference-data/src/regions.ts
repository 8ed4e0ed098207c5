import { col, readCsv } from './csv.js'
import { memo } from './memo.js'

/** A publiq/UiT "regio" (Kempen, Waasland, …) and the Flemish municipalities in it. */
export interface NamedRegion {
  readonly key: string
  readonly label: string
  /** NIS codes (2019 boundaries), sorted, without duplicates. */
  readonly municipalities: readonly string[]
}

/** Labels the source gets wrong; the keys are right. */
const LABEL_FIXES: Readonly<Record<string, string>> = { 'reg-waasland': 'Regio Waasland' }

const namedRegions = memo((): readonly NamedRegion[] => {
  const regions = new Map<string, { label: string; nis: Set<string> }>()
  for (const row of readCsv('geo/uit_regions_municipalities.csv')) {
    const nis = col(row, 'nis_code_2019')
    if (nis === '') continue
    const key = col(row, 'region_key')
    const region = regions.get(key) ?? {
      label: LABEL_FIXES[key] ?? col(row, 'region_label_in_source'),
      nis: new Set(),
    }
    region.nis.add(nis)
    regions.set(key, region)
  }
  return Object.freeze(
    [...regions].map(([key, { label, nis }]) =>
      Object.freeze({ key, label, municipalities: Object.freeze([...nis].sort()) }),
    ),
  )
})

/**
 * The Flemish named regions, in source order. Brussels and Walloon regions are left out
 * (their rows have no 2019 Flemish NIS code). Memoised.
 */
export function loadNamedRegions(): readonly NamedRegion[] {
  return namedRegions()
}

/** NIS code → keys of the named regions it belongs to. Memoised. */
export const regionKeysByNis = memo((): ReadonlyMap<string, readonly string[]> => {
  const byNis = new Map<string, string[]>()
  for (const region of namedRegions()) {
    for (const nis of region.municipalities) byNis.set(nis, [...(byNis.get(nis) ?? []), region.key])
  }
  return byNis
})
