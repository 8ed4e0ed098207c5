// Straight-line distances on a local equirectangular projection centred on Flanders (51° N).
// Over Belgium's extent the error against the great-circle distance stays below 1%, and a
// distance becomes two subtractions and a square root in the hot loop.

const KM_PER_DEG_LAT = 110.574
const KM_PER_DEG_LON = 111.32 * Math.cos((51 * Math.PI) / 180)

export function projectX(lon: number): number {
  return lon * KM_PER_DEG_LON
}

export function projectY(lat: number): number {
  return lat * KM_PER_DEG_LAT
}

export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dx = projectX(a.lon) - projectX(b.lon)
  const dy = projectY(a.lat) - projectY(b.lat)
  return Math.sqrt(dx * dx + dy * dy)
}
