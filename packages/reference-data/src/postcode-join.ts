import { type MunicipalityRecord, municipalityRecords, type PlaceRow, placeRows } from './geo-rows.js'
import { memo } from './memo.js'
import { normaliseName, PLACE_ALIASES } from './names.js'

export interface PostcodeJoin {
  /** Flemish postcode → NIS code of the municipality most of its places belong to. */
  readonly nisByPostcode: ReadonlyMap<string, string>
  /** NIS code → every postcode with at least one place in that municipality (sorted). */
  readonly postcodesByNis: ReadonlyMap<string, readonly string[]>
}

type NameIndex = ReadonlyMap<string, readonly MunicipalityRecord[]>

function buildNameIndex(municipalities: readonly MunicipalityRecord[]): NameIndex {
  const index = new Map<string, MunicipalityRecord[]>()
  for (const m of municipalities) {
    for (const name of new Set([m.name, ...m.deelgemeenten].map(normaliseName))) {
      const list = index.get(name) ?? []
      list.push(m)
      index.set(name, list)
    }
  }
  return index
}

const aliases = new Map(Object.entries(PLACE_ALIASES).map(([k, v]) => [normaliseName(k), normaliseName(v)]))

/** The single municipality a place name points to; the postcode's arrondissement settles shared names. */
function resolvePlace(index: NameIndex, row: PlaceRow): MunicipalityRecord | undefined {
  const key = normaliseName(row.place)
  const all = index.get(key) ?? index.get(aliases.get(key) ?? '') ?? []
  const sameArrondissement = all.filter((m) => m.arrondissementCode === row.arrondissementCode)
  const candidates = sameArrondissement.length > 0 ? sameArrondissement : all
  return candidates.length === 1 ? candidates[0] : undefined
}

/** Joins Flemish postcode places to 2019 municipalities by (normalised) name. */
export function joinPostcodes(
  places: readonly PlaceRow[],
  municipalities: readonly MunicipalityRecord[],
): PostcodeJoin {
  const index = buildNameIndex(municipalities)
  const votes = new Map<string, Map<string, { count: number; ownName: boolean }>>()
  for (const row of places) {
    if (row.region !== 'VLG') continue
    const m = resolvePlace(index, row)
    if (!m) continue
    const perPostcode = votes.get(row.postcode) ?? new Map<string, { count: number; ownName: boolean }>()
    const vote = perPostcode.get(m.nis) ?? { count: 0, ownName: false }
    vote.count += 1
    vote.ownName ||= normaliseName(row.place) === normaliseName(m.name)
    perPostcode.set(m.nis, vote)
    votes.set(row.postcode, perPostcode)
  }

  const nisByPostcode = new Map<string, string>()
  const postcodesByNis = new Map<string, string[]>()
  for (const [postcode, perPostcode] of votes) {
    // most places first, then a place named like the municipality itself, then the lowest NIS
    const [best] = [...perPostcode].sort(
      ([nisA, a], [nisB, b]) =>
        b.count - a.count || Number(b.ownName) - Number(a.ownName) || nisA.localeCompare(nisB),
    )
    if (best) nisByPostcode.set(postcode, best[0])
    for (const nis of perPostcode.keys()) {
      const list = postcodesByNis.get(nis) ?? []
      list.push(postcode)
      postcodesByNis.set(nis, list)
    }
  }
  for (const list of postcodesByNis.values()) list.sort()
  return { nisByPostcode, postcodesByNis }
}

export const postcodeJoin: () => PostcodeJoin = memo(() => joinPostcodes(placeRows(), municipalityRecords()))
