import { WISH_COMPANY, WISH_PLACE } from '../compile/codes.js'
import type { CompiledInstance } from '../compile/compiled.js'

/**
 * Share of the wish points. The student's best matching wish counts 1 for the first wish,
 * 1 - r/n for wish r of n. When the company states a preference between students, the share is
 * the mean of the student's wish and the company's preference; when it states none (most small
 * companies), the student's wish counts alone.
 */
export function wishShare(c: CompiledInstance, s: number, p: number): number {
  const own = studentWishShare(c, s, p)
  if (c.pHasPreference[p] === 0) return own
  return (own + companyPreferenceShare(c, s, p)) / 2
}

export function studentWishShare(c: CompiledInstance, s: number, p: number): number {
  const from = c.sWishStart[s]!
  const n = c.sWishStart[s + 1]! - from
  for (let r = 0; r < n; r++) {
    const kind = c.sWishKind[from + r]!
    const ref = c.sWishRef[from + r]!
    const hit =
      kind === WISH_PLACE ? ref === p : kind === WISH_COMPANY ? ref === c.pCompany[p] : ref === c.pSector[p]
    if (hit) return 1 - r / n
  }
  return 0
}

export function companyPreferenceShare(c: CompiledInstance, s: number, p: number): number {
  return c.preference.get(s * c.nP + p) ?? 0
}

/** 1-based rank of the first wish this place fulfils, or 0. */
export function wishRank(c: CompiledInstance, s: number, p: number): number {
  const from = c.sWishStart[s]!
  const share = studentWishShare(c, s, p)
  if (share === 0) return 0
  const n = c.sWishStart[s + 1]! - from
  return Math.round((1 - share) * n) + 1
}
