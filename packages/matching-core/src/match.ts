import { allocateCandidates } from './allocation/allocate-candidates.js'
import { generateCandidates } from './candidates/generate.js'
import { compileInstance, type MatchOptions } from './compile/compile.js'
import type { MatchInput } from './model.js'
import type { MatchResult } from './result.js'
import { buildResult } from './shortlist/build.js'

/**
 * The whole core pipeline: index → score → allocate → shortlist. Pure: the same input, seed and
 * day give the same result, byte for byte, whatever the order of the input arrays.
 * Callers that time the stages call the four stage functions themselves.
 */
export function match(input: MatchInput, options: MatchOptions): MatchResult {
  const compiled = compileInstance(input, options)
  const candidates = generateCandidates(compiled)
  const assigned = allocateCandidates(compiled, candidates)
  return buildResult(compiled, candidates, assigned, input.pinned)
}
