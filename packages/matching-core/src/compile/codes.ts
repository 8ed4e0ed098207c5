// Small integer codes for enums that the hot loop compares.
import type { PlaceKind, Seeks } from '../model.js'

export const PLACE_KINDS: readonly PlaceKind[] = ['internship', 'dual', 'job', 'aanloopfase']
export const KIND_COUNT = PLACE_KINDS.length
export const SEEKS: readonly Seeks[] = ['internship', 'dual', 'job']

export const KIND = { internship: 0, dual: 1, job: 2, aanloopfase: 3 } as const satisfies Record<
  PlaceKind,
  number
>
export const SEEK = { internship: 0, dual: 1, job: 2 } as const satisfies Record<Seeks, number>

/**
 * Which place kinds a student may be offered. An aanloopfase is the preparatory phase of dual
 * learning, so only dual seekers reach it (and the work-readiness rule keeps it for the not-ready).
 */
export const KINDS_FOR_SEEK: readonly (readonly number[])[] = [
  [KIND.internship],
  [KIND.dual, KIND.aanloopfase],
  [KIND.job],
]

export const WISH_PLACE = 0
export const WISH_COMPANY = 1
export const WISH_SECTOR = 2

/** A yyyymmdd value later than any real date, for "no deadline". */
export const FAR_FUTURE = 99991231
