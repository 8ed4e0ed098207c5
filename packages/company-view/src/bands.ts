import { ageOn, isoToYmd } from '@stagebrug/matching-core'

const BANDS: readonly { below: number; label: string }[] = [
  { below: 5, label: '0–5 km' },
  { below: 10, label: '5–10 km' },
  { below: 20, label: '10–20 km' },
  { below: 30, label: '20–30 km' },
]

/**
 * The travel band a company may see instead of the distance from home (domain.md §5.1). Bands
 * are half-open: `travelBand(5)` is "5–10 km", `travelBand(30)` is "30+ km". Throws on a negative
 * or non-finite distance.
 */
export function travelBand(km: number): string {
  if (!Number.isFinite(km) || km < 0) throw new RangeError(`Not a distance in km: ${km}`)
  return BANDS.find((b) => km < b.below)?.label ?? '30+ km'
}

const AGE_FLAGS = [15, 16, 18] as const

/**
 * The age flags a company may see instead of the birth date (domain.md §5.1): "≥15", "≥16",
 * "≥18" for each threshold the student has reached on `onDate` (both yyyy-mm-dd), e.g.
 * `ageFlags('2010-03-04', '2026-09-01')` → ["≥15", "≥16"]. Under 15: [].
 */
export function ageFlags(birthDate: string, onDate: string): string[] {
  const age = ageOn(isoToYmd(birthDate), isoToYmd(onDate))
  return AGE_FLAGS.filter((a) => age >= a).map((a) => `≥${a}`)
}
