import type { CandidateLists } from '../candidates/candidate-lists.js'
import type { CompiledInstance } from '../compile/compiled.js'
import { deferredAcceptance, type IntProblem } from './deferred-acceptance.js'
import { placeKey } from './place-key.js'

/** The allocation problem the candidate lists define: students' lists as they are, places' keys. */
export function candidateProblem(c: CompiledInstance, cands: CandidateLists): IntProblem {
  const prefKey = new Float64Array(cands.place.length)
  for (let s = 0; s < c.nS; s++) {
    for (let e = cands.start[s]!; e < cands.start[s + 1]!; e++) prefKey[e] = placeKey(c, s, cands.score[e]!)
  }
  return { nS: c.nS, nP: c.nP, capacity: c.pSeats, prefStart: cands.start, prefPlace: cands.place, prefKey }
}

/** Stage 3 (allocate): student-optimal stable allocation over the candidate lists. */
export function allocateCandidates(c: CompiledInstance, cands: CandidateLists): Int32Array {
  return deferredAcceptance(candidateProblem(c, cands))
}
