import type { FiguresInput, IdlePlace } from './model.js'
import { ALL_PROGRAMMES, byCodePoint, recognisedFor } from './recognition.js'

/**
 * The idle recognised supply of a run: dual places with a recognition valid on the run's day and
 * free seats, where the run placed nobody. `not_proposed`: no proposal of the run names the place
 * (no seeker could or would take it); `not_filled`: proposed (as an alternative) but nobody placed.
 */
export function idleSupply(input: FiguresInput, placedAt: ReadonlyMap<string, number>): IdlePlace[] {
  const proposals = new Map<string, number>()
  for (const p of input.proposals) proposals.set(p.placeId, (proposals.get(p.placeId) ?? 0) + p.count)
  const out: IdlePlace[] = []
  for (const p of input.places) {
    const free = Math.max(0, p.capacity - p.acceptedSeats)
    if (free === 0 || (placedAt.get(p.id) ?? 0) > 0 || !recognisedFor(p, ALL_PROGRAMMES, input.today))
      continue
    const n = proposals.get(p.id) ?? 0
    out.push({
      placeId: p.id,
      reason: n === 0 ? 'not_proposed' : 'not_filled',
      companyId: p.companyId,
      companyName: p.companyName,
      sector: p.sector,
      postcode: p.postcode,
      municipality: p.municipality,
      regions: p.regions,
      programmes: [...p.programmes],
      freeSeats: free,
      acceptedSeats: p.acceptedSeats,
      proposals: n,
    })
  }
  return out.sort(compareIdle)
}

/** By postcode, then place id (code-point order, as the database sorts uuids). */
export function compareIdle(a: IdlePlace, b: IdlePlace): number {
  return byCodePoint(a.postcode, b.postcode) || byCodePoint(a.placeId, b.placeId)
}
