// The bad-input corpus: at least 1,000 malformed uploads, request bodies, parameters and query
// strings, generated deterministically from one seed. Each case says what the API must answer:
// a 4xx problem+json, and for file contents the row and column of the error.
import { type Case, type CorpusContext, prng } from './case.js'
import { requestCases } from './corpus-requests.js'
import { uploadCases } from './corpus-uploads.js'

export type { Case, CorpusContext } from './case.js'

export const CORPUS_SEED = 0x5eed_2026

/** The whole corpus, in a stable order. */
export async function buildCorpus(ctx: CorpusContext, seed = CORPUS_SEED): Promise<Case[]> {
  const rng = prng(seed)
  const cases = [...(await uploadCases(ctx, rng)), ...requestCases(ctx, rng)]
  const ids = new Set<string>()
  for (const c of cases) {
    if (ids.has(c.id)) throw new Error(`duplicate corpus case id ${c.id}`)
    ids.add(c.id)
  }
  return cases
}
