import type { ChanceBand } from './model.js'

/** n / d rounded half away from zero, for integers with d > 0 (exact: no floating-point ratios). */
export function roundDiv(n: number, d: number): number {
  const q = Math.floor((2 * Math.abs(n) + d) / (2 * d))
  return n < 0 ? -q : q
}

/**
 * Shortage index × 100: seekers per free seat, ×100 and rounded (150 = 1.5 seekers per free seat).
 * 0 without seekers; null when there are no free seats (none to share: "no supply"), with or
 * without seekers.
 */
export function shortageX100(seekers: number, freeSeats: number): number | null {
  if (freeSeats === 0) return null
  return roundDiv(100 * seekers, freeSeats)
}

/** Placement rate in %: seekers the run placed, of all seekers; null without seekers. */
export function placementPct(proposed: number, seekers: number): number | null {
  return seekers === 0 ? null : roundDiv(100 * proposed, seekers)
}

/** Band of the placement rate: ≥ 90 % → 5, ≥ 75 % → 4, ≥ 50 % → 3, ≥ 25 % → 2, else 1. */
export function rateBand(proposed: number, seekers: number): ChanceBand {
  // Integer comparisons on the counts themselves, so no rounding can move a case across a border.
  if (10 * proposed >= 9 * seekers) return 5
  if (4 * proposed >= 3 * seekers) return 4
  if (2 * proposed >= seekers) return 3
  if (4 * proposed >= seekers) return 2
  return 1
}

/** Band of the shortage index s: s ≤ 0.5 → 5, ≤ 0.8 → 4, ≤ 1 → 3, ≤ 2 → 2, above 2 or no free seats → 1. */
export function supplyBand(seekers: number, freeSeats: number): ChanceBand {
  if (freeSeats === 0) return 1
  if (2 * seekers <= freeSeats) return 5
  if (5 * seekers <= 4 * freeSeats) return 4
  if (seekers <= freeSeats) return 3
  if (seekers <= 2 * freeSeats) return 2
  return 1
}

/**
 * "Kans op een plaats" 1–5: the lower of the placement-rate band and the shortage band, so a 5
 * needs both most seekers placed tonight and plenty of seats left for the next ones. Without
 * seekers it is the shortage band (5 when seats are free); null when there are neither seekers
 * nor free seats (nothing to say).
 */
export function chanceBand(seekers: number, proposed: number, freeSeats: number): ChanceBand | null {
  if (seekers === 0) return freeSeats === 0 ? null : 5
  return Math.min(rateBand(proposed, seekers), supplyBand(seekers, freeSeats)) as ChanceBand
}

/** The region's shortage index as a % of Flanders' (same programme); null when either is undefined or Flanders' is 0. */
export function shortageVsFlandersPct(
  region: { readonly seekers: number; readonly freeSeats: number },
  flanders: { readonly seekers: number; readonly freeSeats: number },
): number | null {
  if (region.freeSeats === 0 || flanders.freeSeats === 0 || flanders.seekers === 0) return null
  // (sR / fR) / (sF / fF) = sR·fF / (fR·sF)
  return roundDiv(100 * region.seekers * flanders.freeSeats, region.freeSeats * flanders.seekers)
}

/** The region's placement rate minus Flanders' (same programme), in percentage points; null without seekers. */
export function placementVsFlandersPp(
  region: { readonly seekers: number; readonly proposed: number },
  flanders: { readonly seekers: number; readonly proposed: number },
): number | null {
  if (region.seekers === 0 || flanders.seekers === 0) return null
  return roundDiv(
    100 * (region.proposed * flanders.seekers - flanders.proposed * region.seekers),
    region.seekers * flanders.seekers,
  )
}

/** The bands in words, Dutch and English, for a pupil and a parent. */
export const CHANCE_LABELS: Readonly<Record<ChanceBand, { readonly nl: string; readonly en: string }>> = {
  5: { nl: 'zeer goed', en: 'very good' },
  4: { nl: 'goed', en: 'good' },
  3: { nl: 'redelijk', en: 'fair' },
  2: { nl: 'matig', en: 'limited' },
  1: { nl: 'klein', en: 'poor' },
}
