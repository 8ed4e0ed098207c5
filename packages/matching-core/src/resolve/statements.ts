import { foldName } from './normalise.js'
import { createResolver, type Resolution, type Resolver, type Suggestion } from './resolver.js'

/** A competence statement as the reference data lists it: a code (bkc…) and its Dutch text. */
export interface Statement<Id> {
  readonly id: Id
  readonly code: string
  readonly text: string
}

/** Statements with the same text: one choice. `id` is the canonical one; the others are aliases. */
export interface StatementGroup<Id> {
  readonly id: Id
  readonly code: string
  readonly text: string
  /** The other statements with this text (other BKs publish it under their own code), in input order. */
  readonly aliases: readonly { readonly id: Id; readonly code: string }[]
}

export interface StatementGroups<Id> {
  readonly groups: readonly StatementGroup<Id>[]
  /** The canonical id of any statement's id (itself when it has no twin); undefined for an unknown id. */
  canonical(id: Id): Id | undefined
}

/**
 * Folds identical statements into one choice. "Werkt in teamverband" is published by 19
 * beroepskwalificaties under 19 codes; to a person it is one competence. Texts are compared folded
 * (case, accents, punctuation and spacing do not count); the first statement in input order gives
 * the group its id, code and text, so callers pass the list sorted (reference data: by code).
 * @example groupIdenticalStatements([{ id: 0, code: 'bkc1', text: 'Werkt in teamverband' }, { id: 1, code: 'bkc2', text: 'Werkt in teamverband.' }]).canonical(1) // 0
 */
export function groupIdenticalStatements<Id>(statements: readonly Statement<Id>[]): StatementGroups<Id> {
  const byText = new Map<
    string,
    { id: Id; code: string; text: string; aliases: { id: Id; code: string }[] }
  >()
  const canonicalOf = new Map<Id, Id>()
  for (const statement of statements) {
    const key = foldName(statement.text)
    const group = byText.get(key)
    if (group === undefined) {
      byText.set(key, { id: statement.id, code: statement.code, text: statement.text, aliases: [] })
      canonicalOf.set(statement.id, statement.id)
    } else {
      group.aliases.push({ id: statement.id, code: statement.code })
      canonicalOf.set(statement.id, group.id)
    }
  }
  return { groups: [...byText.values()], canonical: (id) => canonicalOf.get(id) }
}

// Words that say nothing about the competence; a query made only of these finds nothing.
const STOPWORDS = new Set(
  'de het een en of in op van voor met aan als bij die dat om te tot uit zijn zich door naar over bv'.split(
    ' ',
  ),
)

/** Folded words of a text without stopwords. */
function words(text: string): string[] {
  return foldName(text)
    .split(' ')
    .filter((w) => w !== '' && !STOPWORDS.has(w))
}

// A light Dutch stem so verb forms meet: "ontvangen", "ontvangt" and "ontvang" all give "ontvang".
const stem = (word: string): string =>
  word.length <= 4 ? word : word.replace(/(en|ens|ers|es|er|e|t|s)$/, '')

/** How well one query word meets one statement word: 2 whole word, 1.8 another form of it, 1.5 prefix, 1 inside a compound, 0. */
function wordScore(query: string, word: string): number {
  if (query === word) return 2
  if (query.length < 4) return 0
  const q = stem(query)
  if (q === stem(word)) return 1.8
  if (word.startsWith(q)) return 1.5
  // "truck" in "heftruck", "transport" in "interne transportmiddelen": a compound's tail or head.
  if (query.length >= 5 && word.includes(q)) return 1
  return 0
}

export interface StatementHit<Id> {
  readonly id: Id
  readonly text: string
  /** How many distinct query words the statement contains. */
  readonly matched: number
  readonly score: number
}

export interface StatementSearch<Id> {
  /** Statements containing the query's words, best first: most query words, then closest, then rarest and shortest. */
  search(query: string, limit?: number): StatementHit<Id>[]
}

/**
 * Keyword search over statements: a query word finds the statements that contain it (accents and
 * case ignored; words of four letters or more also as a prefix, a verb form or inside a compound).
 * Ranked by how many query words match, then how well, then how rare the matched words are, then
 * shorter (more specific) statements first; ties by input order. Never a whole-string edit distance.
 * @example createStatementSearch([{ id: 1, text: 'Ontvangt goederen' }]).search('goederen ontvangen') // [{ id: 1, matched: 2, … }]
 */
export function createStatementSearch<Id>(
  entries: readonly { readonly id: Id; readonly text: string }[],
): StatementSearch<Id> {
  const indexed = entries.map((entry, order) => ({ ...entry, order, words: [...new Set(words(entry.text))] }))
  const frequency = new Map<string, number>()
  for (const entry of indexed) for (const w of entry.words) frequency.set(w, (frequency.get(w) ?? 0) + 1)
  const rarity = (w: string) => Math.log((1 + indexed.length) / (1 + (frequency.get(w) ?? 0)))

  return {
    search(query, limit = 20) {
      const asked = [...new Set(words(query))]
      if (asked.length === 0) return []
      const found: (StatementHit<Id> & { order: number; rare: number; length: number })[] = []
      for (const entry of indexed) {
        let matched = 0
        let score = 0
        let rare = 0
        for (const q of asked) {
          let best = 0
          let bestWord = ''
          for (const w of entry.words) {
            const s = wordScore(q, w)
            if (s > best) [best, bestWord] = [s, w]
          }
          if (best > 0) {
            matched++
            score += best
            rare += rarity(bestWord)
          }
        }
        if (matched > 0)
          found.push({
            id: entry.id,
            text: entry.text,
            matched,
            score,
            order: entry.order,
            rare,
            length: entry.words.length,
          })
      }
      found.sort(
        (a, b) =>
          b.matched - a.matched ||
          b.score - a.score ||
          b.rare - a.rare ||
          a.length - b.length ||
          a.order - b.order,
      )
      return found.slice(0, limit).map(({ id, text, matched, score }) => ({ id, text, matched, score }))
    },
  }
}

export interface CompetenceResolver<Id> extends Resolver<Id> {
  /** The canonical id of a statement id (see `groupIdenticalStatements`). */
  canonical(id: Id): Id | undefined
  readonly search: StatementSearch<Id>['search']
}

const SUGGESTIONS = 3

/**
 * Resolves a typed competence (its code or its statement) to one canonical id. Identical statements
 * under several codes are one choice, so their text resolves; every code, the twins' too, resolves to
 * the canonical id. What does not resolve is refused with up to three suggestions from the keyword
 * search, never one whose text is the text typed (pasting it back would loop).
 */
export function createCompetenceResolver<Id>(statements: readonly Statement<Id>[]): CompetenceResolver<Id> {
  const { groups, canonical } = groupIdenticalStatements(statements)
  const resolver = createResolver(
    groups.map((g) => ({ id: g.id, name: g.text, aliases: [g.code, ...g.aliases.map((a) => a.code)] })),
  )
  const { search } = createStatementSearch(groups)
  const suggest = (typed: string): Suggestion<Id>[] => {
    const folded = foldName(typed)
    return search(typed, SUGGESTIONS + 1)
      .filter((hit) => foldName(hit.text) !== folded)
      .slice(0, SUGGESTIONS)
      .map((hit) => ({ id: hit.id, name: hit.text, distance: 0 }))
  }
  return {
    size: resolver.size,
    canonical,
    search,
    resolve(text): Resolution<Id> {
      const resolved = resolver.resolve(text)
      if (resolved.ok || resolved.reason === 'empty') return resolved
      // The resolver's own suggestions are whole-string neighbours; a person typed words.
      const folded = foldName(text)
      const own = resolved.suggestions.filter((s) => foldName(s.name) !== folded)
      return {
        ...resolved,
        suggestions: resolved.reason === 'ambiguous' && own.length > 1 ? own : suggest(text),
      }
    },
  }
}
