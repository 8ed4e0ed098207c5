import type { CompiledInstance } from '../compile/compiled.js'

const TIER = 2 ** 50
const SCORE = 2 ** 32
const LOTTERY_MAX = 2 ** 32 - 1

/**
 * A place's view of a student, as one exactly representable number (higher is better):
 * priority tier first, then the score in thousandths, then the student's seeded lottery draw.
 * With `priority: 'tier'` every place ranks vulnerable students above the others — the GO!
 * "voorselectie": among the places that fit them, they are served first.
 */
export function placeKey(c: CompiledInstance, s: number, score: number): number {
  const tier = c.config.priority === 'tier' && c.sPriority[s] === 1 ? 1 : 0
  return tier * TIER + Math.round(score * 1000) * SCORE + (LOTTERY_MAX - c.sLottery[s]!)
}
