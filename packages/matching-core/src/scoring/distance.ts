/**
 * Share of the distance points: h / (h + km). 1 at the door, 1/2 at `halfKm`, 1/3 at twice that,
 * 1/4 at three times. The curve is steep where a few km matter for a 16-year-old on a bike or a
 * bus and flat further out, where the hard maximum-distance rule already decides; it never
 * reaches 0, so two far places still differ. One division, no Math.pow, in the hot loop.
 */
export function distanceShare(km: number, halfKm: number): number {
  return halfKm / (halfKm + km)
}
