import {
  type Candidate,
  compareRanked,
  distanceTo,
  indexCandidates,
  nearest,
  prefixMatches,
  type Ranked,
} from './candidates.js'
import { expandAbbreviations, foldName } from './normalise.js'

export interface ResolverEntry<Id> {
  readonly id: Id
  readonly name: string
  readonly aliases?: readonly string[]
}

export interface Suggestion<Id> {
  readonly id: Id
  readonly name: string
  readonly distance: number
}

export type Resolution<Id> =
  | {
      readonly ok: true
      readonly id: Id
      readonly name: string
      readonly distance: number
      readonly via: 'exact' | 'alias' | 'prefix' | 'fuzzy'
    }
  | {
      readonly ok: false
      readonly reason: 'empty' | 'unknown' | 'ambiguous'
      readonly input: string
      readonly suggestions: readonly Suggestion<Id>[]
    }

export interface Resolver<Id> {
  resolve(text: string): Resolution<Id>
  /** Number of distinct resolvable ids. */
  readonly size: number
}

export interface ResolverOptions {
  /** Largest accepted fuzzy edit distance. Default: a fifth of the normalised input length, at least 1. */
  readonly maxDistance?: number | ((normalisedInput: string) => number)
  /** How much closer the best fuzzy match must be than the runner-up with another id. Default 1. */
  readonly minMargin?: number
}

type Outcome<Id> = Resolution<Id> | Omit<Extract<Resolution<Id>, { ok: false }>, 'input'>

const SUGGESTIONS = 3
// Bounds memory when one resolver outlives an import; a full reset is cheap compared with a miss storm.
const CACHE_LIMIT = 50_000

const defaultMaxDistance = (input: string): number => Math.max(1, Math.floor(input.length / 5))

/**
 * Builds a resolver from free text to canonical ids over a fixed list. `resolve` never throws and
 * never guesses: in order it tries an exact normalised name or alias, a unique token prefix
 * ("kant duaal" → "Kantoor duaal"), then a fuzzy match that must be close and clearly ahead;
 * anything else is `unknown` or `ambiguous` with the three best suggestions (an ambiguous exact
 * name lists every id sharing it). Results are cached per normalised input.
 * @example createResolver([{ id: 1, name: 'Verzorging' }]).resolve('Verzorgnig') // { ok: true, id: 1, via: 'fuzzy', … }
 */
export function createResolver<Id>(
  entries: readonly ResolverEntry<Id>[],
  options: ResolverOptions = {},
): Resolver<Id> {
  const { candidates, exact } = indexCandidates(entries)
  const { maxDistance = defaultMaxDistance, minMargin = 1 } = options
  const allowed = typeof maxDistance === 'number' ? () => maxDistance : maxDistance
  const cache = new Map<string, Outcome<Id>>()

  const suggest = (ranked: readonly Ranked<Id>[]): Suggestion<Id>[] =>
    [...ranked]
      .sort(compareRanked)
      .map(({ candidate, distance }) => ({ id: candidate.id, name: candidate.name, distance }))
  const ambiguous = (ranked: readonly Ranked<Id>[], limit = SUGGESTIONS): Outcome<Id> => ({
    ok: false,
    reason: 'ambiguous',
    suggestions: suggest(ranked).slice(0, limit),
  })
  const ok = (candidate: Candidate<Id>, distance: number, via: 'exact' | 'alias' | 'prefix' | 'fuzzy') =>
    ({ ok: true, id: candidate.id, name: candidate.name, distance, via }) as const

  function decide(typed: string, normalised: string): Outcome<Id> {
    const inputs = [normalised, typed]
    const rank = (candidate: Candidate<Id>) => ({ candidate, distance: distanceTo(candidate, inputs) })

    const owners = exact.get(normalised)
    if (owners !== undefined && owners.length > 1) {
      return ambiguous(
        owners.map(({ candidate }) => ({ candidate, distance: 0 })),
        owners.length,
      )
    }
    const owner = owners?.[0]
    if (owner !== undefined) {
      // An expanded abbreviation must not hide a rival the typed letters also fit:
      // "elektromech" is both "elektromechanica" and "elektromechanische technieken".
      if (typed !== normalised) {
        const covered = new Set(prefixMatches(candidates, normalised))
        const rivals = prefixMatches(candidates, typed).filter((candidate) => !covered.has(candidate))
        if (rivals.length > 0)
          return ambiguous([{ candidate: owner.candidate, distance: 0 }, ...rivals.map(rank)])
      }
      return ok(owner.candidate, 0, owner.alias ? 'alias' : 'exact')
    }

    const typedPrefixed = typed === normalised ? [] : prefixMatches(candidates, typed)
    const prefixed = new Set([...prefixMatches(candidates, normalised), ...typedPrefixed])
    if (prefixed.size > 0) {
      const ranked = [...prefixed].map(rank)
      const [only] = ranked
      return ranked.length === 1 && only !== undefined
        ? ok(only.candidate, only.distance, 'prefix')
        : ambiguous(ranked)
    }

    const top = nearest(candidates, normalised, SUGGESTIONS)
    const [best, runnerUp] = top
    if (best === undefined || best.distance > allowed(normalised)) {
      return { ok: false, reason: 'unknown', suggestions: suggest(top) }
    }
    if (runnerUp !== undefined && runnerUp.distance - best.distance < minMargin) return ambiguous(top)
    return ok(best.candidate, best.distance, 'fuzzy')
  }

  return {
    size: candidates.length,
    resolve(text) {
      const typed = foldName(text)
      if (typed === '') return { ok: false, reason: 'empty', input: text, suggestions: [] }
      let outcome = cache.get(typed)
      if (outcome === undefined) {
        if (cache.size >= CACHE_LIMIT) cache.clear()
        outcome = decide(typed, expandAbbreviations(typed))
        cache.set(typed, outcome)
      }
      return outcome.ok ? outcome : { ...outcome, input: text }
    },
  }
}
