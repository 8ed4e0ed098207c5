import type { PlaceFact } from './model.js'

/** Programme 0 in the figures: all programmes together. */
export const ALL_PROGRAMMES = 0

/**
 * A place counts as recognised for a programme when it is a dual place with a recognition for that
 * programme valid on the day (for `ALL_PROGRAMMES`: for any programme).
 */
export function recognisedFor(place: PlaceFact, programme: number, today: string): boolean {
  return (
    place.kind === 'dual' &&
    place.recognitions.some(
      (r) =>
        (programme === ALL_PROGRAMMES || r.programme === programme) &&
        r.validFrom <= today &&
        today <= r.validTo,
    )
  )
}

/**
 * Where a place stands for a programme (`ALL_PROGRAMMES`: any): `not_dual`; `recognised` (a
 * recognition valid on the day); `no_data` (no recognition entered at all: a data gap);
 * `not_recognised` (recognitions entered, none valid for the programme on the day: expired or missing).
 */
export function dualStanding(
  place: PlaceFact,
  programme: number,
  today: string,
): 'not_dual' | 'recognised' | 'no_data' | 'not_recognised' {
  if (place.kind !== 'dual') return 'not_dual'
  if (place.recognitions.length === 0) return 'no_data'
  return recognisedFor(place, programme, today) ? 'recognised' : 'not_recognised'
}

/** Plain code-point order, for ids and codes (locale collation could reorder dashes and underscores). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
