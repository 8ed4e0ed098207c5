import type { CompiledInstance } from '../compile/compiled.js'

/** Weighted share of the place's competences that the student has or wants to learn. */
export function competenceShare(c: CompiledInstance, s: number, p: number): number {
  const total = c.pCompTotal[p]!
  if (total <= 0) return NEUTRAL_SHARE
  const base = s * c.compWords
  let covered = 0
  const end = c.pCompStart[p + 1]!
  for (let j = c.pCompStart[p]!; j < end; j++) {
    const bit = c.pCompBit[j]!
    // Branch-free: whether a student has a competence is a coin flip for the branch predictor.
    covered += c.pCompWeight[j]! * ((c.sComp[base + (bit >>> 5)]! >>> (bit & 31)) & 1)
  }
  return covered / total
}

/** A place that lists no competences is neither favoured nor punished. */
export const NEUTRAL_SHARE = 0.5

/** Covered and total counts (unweighted), for explanations such as "4 van 6 competenties". */
export function competenceCounts(
  c: CompiledInstance,
  s: number,
  p: number,
): { covered: number; total: number } {
  const base = s * c.compWords
  let covered = 0
  for (let j = c.pCompStart[p]!; j < c.pCompStart[p + 1]!; j++) {
    const bit = c.pCompBit[j]!
    if ((c.sComp[base + (bit >>> 5)]! >>> (bit & 31)) & 1) covered++
  }
  return { covered, total: c.pCompStart[p + 1]! - c.pCompStart[p]! }
}
