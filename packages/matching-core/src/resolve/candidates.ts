import levenshtein from 'fast-levenshtein'
import { normaliseName } from './normalise.js'

/** One normalised spelling (name or alias) of a candidate, with its tokens precomputed. */
export interface Form {
  readonly text: string
  readonly tokens: readonly string[]
  readonly alias: boolean
}

/** Everything known under one id; several entries with the same id merge into one candidate. */
export interface Candidate<Id> {
  readonly id: Id
  readonly name: string
  readonly sortKey: string
  readonly order: number
  readonly forms: Form[]
}

export interface Ranked<Id> {
  readonly candidate: Candidate<Id>
  readonly distance: number
}

export interface CandidateIndex<Id> {
  readonly candidates: readonly Candidate<Id>[]
  /** Normalised text → candidates owning it, in insertion order, one per id. */
  readonly exact: ReadonlyMap<
    string,
    readonly { readonly candidate: Candidate<Id>; readonly alias: boolean }[]
  >
}

export function indexCandidates<Id>(
  entries: readonly { readonly id: Id; readonly name: string; readonly aliases?: readonly string[] }[],
): CandidateIndex<Id> {
  const byId = new Map<Id, Candidate<Id>>()
  const exact = new Map<string, { candidate: Candidate<Id>; alias: boolean }[]>()
  for (const entry of entries) {
    let candidate = byId.get(entry.id)
    if (candidate === undefined) {
      const sortKey = normaliseName(entry.name)
      candidate = { id: entry.id, name: entry.name, sortKey, order: byId.size, forms: [] }
      byId.set(entry.id, candidate)
    }
    const spellings = [
      { text: entry.name, alias: false },
      ...(entry.aliases ?? []).map((text) => ({ text, alias: true })),
    ]
    for (const spelling of spellings) {
      const text = normaliseName(spelling.text)
      // A name that normalises to nothing can never be typed back, so it is not indexed.
      if (text === '') continue
      const owners = exact.get(text) ?? []
      const owned = owners.find((owner) => owner.candidate === candidate)
      if (owned !== undefined) {
        owned.alias &&= spelling.alias
        continue
      }
      owners.push({ candidate, alias: spelling.alias })
      exact.set(text, owners)
      candidate.forms.push({ text, tokens: text.split(' '), alias: spelling.alias })
    }
  }
  return { candidates: [...byId.values()].filter((candidate) => candidate.forms.length > 0), exact }
}

/** Orders by distance, then normalised name, then insertion, so equal inputs give equal lists. */
export function compareRanked<Id>(a: Ranked<Id>, b: Ranked<Id>): number {
  const { sortKey: x, order: i } = a.candidate
  const { sortKey: y, order: j } = b.candidate
  return a.distance - b.distance || (x < y ? -1 : x > y ? 1 : 0) || i - j
}

/** True when every input token prefixes a form token, in order, the first one anchored at the start. */
export function isTokenPrefix(input: readonly string[], form: readonly string[]): boolean {
  const [first, ...rest] = input
  if (first === undefined || !form[0]?.startsWith(first)) return false
  let j = 1
  for (const token of rest) {
    while (j < form.length && !form[j]!.startsWith(token)) j++
    if (j === form.length) return false
    j++
  }
  return true
}

export function prefixMatches<Id>(candidates: readonly Candidate<Id>[], input: string): Candidate<Id>[] {
  const tokens = input.split(' ')
  return candidates.filter((candidate) => candidate.forms.some((form) => isTokenPrefix(tokens, form.tokens)))
}

/** Smallest edit distance between any of the inputs and any form of the candidate. */
export function distanceTo<Id>(candidate: Candidate<Id>, inputs: readonly string[]): number {
  let best = Number.POSITIVE_INFINITY
  for (const form of candidate.forms) {
    for (const input of inputs) best = Math.min(best, levenshtein.get(input, form.text))
  }
  return best
}

/** The k candidates closest to the input by edit distance, best first. */
export function nearest<Id>(candidates: readonly Candidate<Id>[], input: string, k: number): Ranked<Id>[] {
  const top: Ranked<Id>[] = []
  for (const candidate of candidates) {
    // Edit distance is at least the length difference: skip forms that cannot beat this
    // candidate's best so far, nor tie with the k-th best (a tie may still win on name).
    const kth = top.length === k ? top[k - 1]!.distance : Number.POSITIVE_INFINITY
    let best = Number.POSITIVE_INFINITY
    for (const form of candidate.forms) {
      const gap = Math.abs(form.text.length - input.length)
      if (gap >= best || gap > kth) continue
      best = Math.min(best, levenshtein.get(input, form.text))
    }
    if (best === Number.POSITIVE_INFINITY || best > kth) continue
    top.push({ candidate, distance: best })
    top.sort(compareRanked)
    if (top.length > k) top.pop()
  }
  return top
}
