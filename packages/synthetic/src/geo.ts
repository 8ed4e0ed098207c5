import type { Location } from '@stagebrug/matching-core'
import { loadMunicipalities, loadNamedRegions, loadPostcodes } from '@stagebrug/reference-data'
import { type Rng, WeightedTable } from './random.js'

/** A real postcode with an estimated population, the unit every synthetic location is drawn from. */
export interface Area {
  readonly location: Location
  /** First bpost place of the postcode (deelgemeente), used in place labels. */
  readonly placeName: string
  readonly municipalityNis: string
  readonly population: number
}

/** Students live at most this far (straight line) from their school. */
export const HOME_RADIUS_KM = 25

/**
 * Erasmus+ destinations just across the border (the postcode carries the country prefix, so it can
 * never collide with a Belgian one).
 */
export const FOREIGN_POINTS: readonly { readonly location: Location; readonly placeName: string }[] = [
  { location: { postcode: 'NL-6211', lat: 50.8514, lon: 5.691 }, placeName: 'Maastricht' },
  { location: { postcode: 'NL-4811', lat: 51.5866, lon: 4.7759 }, placeName: 'Breda' },
  { location: { postcode: 'NL-5611', lat: 51.4416, lon: 5.4697 }, placeName: 'Eindhoven' },
  { location: { postcode: 'NL-4331', lat: 51.4988, lon: 3.6109 }, placeName: 'Middelburg' },
  { location: { postcode: 'DE-52062', lat: 50.7753, lon: 6.0839 }, placeName: 'Aachen' },
]

export function haversineKm(a: Location, b: Location): number {
  return haversineRaw(a.lat, a.lon, b.lat, b.lon)
}

/** Great-circle distance in km between two WGS84 points given as plain numbers. */
export function haversineRaw(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180
  const h =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2
  return 12_742 * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * The Flemish postcodes (or those of one named region) with a population: each municipality's
 * inhabitants split evenly over its postcodes, summed where a postcode serves several municipalities.
 */
export function loadAreas(region?: string): readonly Area[] {
  const population = new Map<string, number>()
  for (const m of loadMunicipalities()) {
    const share = (m.inhabitants ?? 0) / Math.max(1, m.postcodes.length)
    for (const pc of m.postcodes) population.set(pc, (population.get(pc) ?? 0) + share)
  }
  if (region !== undefined && !loadNamedRegions().some((r) => r.key === region)) {
    const keys = loadNamedRegions().map((r) => r.key)
    throw new RangeError(`unknown region "${region}"; expected one of ${keys.join(', ')}`)
  }
  const areas: Area[] = []
  for (const pc of loadPostcodes()) {
    if (pc.region !== 'VLG' || pc.municipalityNis === null) continue
    if (region !== undefined && !pc.regionKeys.includes(region)) continue
    areas.push({
      location: { postcode: pc.postcode, lat: pc.lat, lon: pc.lon },
      placeName: pc.places[0] ?? pc.municipality ?? pc.postcode,
      municipalityNis: pc.municipalityNis,
      population: population.get(pc.postcode) ?? 0,
    })
  }
  if (areas.length === 0) throw new RangeError(`region "${region}" has no Flemish postcodes`)
  return areas
}

/** Population-weighted draw; `exponent` > 1 favours cities (companies cluster more than people). */
export function areaTable(areas: readonly Area[], exponent = 1): WeightedTable<Area> {
  // a postcode with an unknown population still gets a small chance
  return new WeightedTable(
    areas,
    areas.map((a) => Math.max(a.population, 100) ** exponent),
  )
}

/** Companies cluster in cities a little more than people do. */
export const ESTABLISHMENT_EXPONENT = 1.15

export interface School {
  readonly id: string
  readonly area: Area
  /** Home postcodes of its pupils: population-weighted, within HOME_RADIUS_KM. */
  readonly homes: WeightedTable<Area>
  /** Postcodes of the workplaces in its network: the same circle, weighted towards the towns. */
  readonly workplaces: WeightedTable<Area>
}

export function placeSchools(rng: Rng, areas: readonly Area[], count: number): School[] {
  const table = areaTable(areas)
  return Array.from({ length: count }, (_, i) => {
    const area = table.draw(rng)
    const near = areas.filter((a) => haversineKm(a.location, area.location) <= HOME_RADIUS_KM)
    return {
      id: `sc-${String(i + 1).padStart(3, '0')}`,
      area,
      homes: areaTable(near),
      workplaces: areaTable(near, ESTABLISHMENT_EXPONENT),
    }
  })
}
