import { describe, expect, it } from 'vitest'
import {
  createCompetenceResolver,
  createStatementSearch,
  groupIdenticalStatements,
  type Statement,
} from './statements.js'

// Statements and codes as published in the bundled qualification_competences.csv (BK-0002-3,
// BK-0019-3, BK-0020-3, BK-0021-3, BK-0068-2, BK-0104-3, BK-0004-2, BK-0014-3, BK-0017-3 …),
// sorted by code as loadCompetences() gives them. The first five "Ontvangt goederen …" share one text.
const STATEMENTS: readonly Statement<number>[] = [
  ['bkc0001300', 'Haalt goederen op, transporteert goederen en levert goederen'],
  [
    'bkc0008315',
    'Bereidt het materiaal, de producten voor volgens de aanwijzingen van de tandarts en de aard van de interventie',
  ],
  ['bkc0008318', 'informeert patiënten over mond- en tandhygiëne en het onderhoud van tandprothesen'],
  ['bkc0042851', 'Ontvangt goederen en producten en controleert de levering'],
  ['bkc0044291', 'Ontvangt goederen en producten en controleert de levering'],
  ['bkc0044299', 'Werkt hygiënisch en (voedsel)veilig'],
  ['bkc0044305', 'Ontvangt goederen en producten en controleert de levering'],
  ['bkc0044320', 'Werkt hygiënisch en (voedsel)veilig'],
  ['bkc0044463', 'Ontvangt goederen en producten en controleert de levering'],
  [
    'bkc0044851',
    'Gebruikt arbeidsmiddelen (bv. wikkelmachine,...) en interne transportmiddelen waarop de bediener niet zit of staat bij de verplaatsing (bv. transpallet, meeloopstapelaar,...)',
  ],
  [
    'bkc0044858',
    'Ontvangt de goederen en producten en controleert de levering (bestemming, conditionering, aantal, administratief)',
  ],
  ['bkc0044860', 'Slaat de goederen op'],
  [
    'bkc0044869',
    'Ontvangt goederen en producten en controleert de levering (bestemming, conditionering, aantal)',
  ],
  ['bkc0049704', 'Werkt in teamverband'],
  ['bkc0049820', 'Werk in teamverband'],
  ['bkc0099001', 'Betegelt trappen'],
].map(([code, text], id) => ({ id, code: code!, text: text! }))

const ONTVANGT = 'Ontvangt goederen en producten en controleert de levering'
const textOf = (id: number) => STATEMENTS[id]!.text

describe('groupIdenticalStatements', () => {
  it('folds the same text under several codes into one choice, the first code canonical', () => {
    const { groups, canonical } = groupIdenticalStatements(STATEMENTS)
    const ontvangt = groups.filter((g) => g.text === ONTVANGT)
    expect(ontvangt).toEqual([
      {
        id: 3,
        code: 'bkc0042851',
        text: ONTVANGT,
        aliases: [
          { id: 4, code: 'bkc0044291' },
          { id: 6, code: 'bkc0044305' },
          { id: 8, code: 'bkc0044463' },
        ],
      },
    ])
    expect([3, 4, 6, 8].map(canonical)).toEqual([3, 3, 3, 3])
    expect(canonical(5)).toBe(5)
    expect(canonical(7)).toBe(5) // accents and brackets as published, same text
    expect(canonical(999)).toBeUndefined()
    // "Werk in teamverband" is a different text (a source quirk), not folded away.
    expect(canonical(14)).toBe(14)
    expect(groups).toHaveLength(STATEMENTS.length - 4)
  })
})

describe('createStatementSearch', () => {
  const { search } = createStatementSearch(STATEMENTS)

  it('finds the statements holding both words first, in any order and verb form', () => {
    const hits = search('goederen ontvangen')
    const both = hits.filter((h) => h.matched === 2).map((h) => textOf(h.id))
    expect(both.length).toBeGreaterThanOrEqual(5)
    for (const text of both) expect(text).toMatch(/^Ontvangt (de )?goederen/)
    // Then the statements holding one of them; never a statement without either word.
    expect(hits.slice(0, both.length).every((h) => h.matched === 2)).toBe(true)
    expect(hits.map((h) => textOf(h.id))).toContain('Slaat de goederen op')
    expect(hits.map((h) => textOf(h.id))).not.toContain('Betegelt trappen')
    // The shortest, most specific "Ontvangt …" statement ranks above the long ones.
    expect(textOf(hits[0]!.id)).toBe(ONTVANGT)
  })

  it('ignores accents and case, and takes a word of four letters or more as a prefix', () => {
    expect(search('HYGIENISCH').map((h) => h.id)).toEqual([5, 7])
    expect(search('hygiën').map((h) => textOf(h.id))).toEqual([
      'Werkt hygiënisch en (voedsel)veilig',
      'Werkt hygiënisch en (voedsel)veilig',
      // Inside the compound "tandhygiëne": found, ranked after the words that start with it.
      'informeert patiënten over mond- en tandhygiëne en het onderhoud van tandprothesen',
    ])
    expect(search('transpal').map((h) => h.id)).toEqual([9])
    // Inside a compound: "transport" in "transportmiddelen", "hygiëne" in "tandhygiëne".
    expect(search('transport').map((h) => h.id)).toEqual([0, 9])
    expect(search('hygiene').map((h) => h.id)).toContain(2)
  })

  it('finds nothing for a word no statement holds, and nothing for stopwords or short fragments', () => {
    // No forklift statement in this list (nor in the bundled data): no dentistry statement either.
    expect(search('heftruck')).toEqual([])
    expect(search('de en van')).toEqual([])
    expect(search('ont')).toEqual([]) // three letters: whole words only
    expect(search('')).toEqual([])
  })
})

describe('createCompetenceResolver', () => {
  const resolver = createCompetenceResolver(STATEMENTS)

  it('resolves a statement published under several codes to its one canonical id', () => {
    expect(resolver.resolve(ONTVANGT)).toMatchObject({ ok: true, id: 3, via: 'exact' })
    expect(resolver.resolve(`  ${ONTVANGT.toUpperCase()}.`)).toMatchObject({ ok: true, id: 3 })
    expect(resolver.resolve('Werkt hygienisch en voedselveilig')).toMatchObject({ ok: true, id: 5 })
    // Each twin's code resolves too, to the same choice.
    for (const code of ['bkc0042851', 'bkc0044291', 'bkc0044305', 'bkc0044463'])
      expect(resolver.resolve(code)).toMatchObject({ ok: true, id: 3 })
  })

  it('suggests statements by their words when a phrase is not a statement, never the text typed', () => {
    const r = resolver.resolve('goederen ontvangen')
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.suggestions.map((s) => s.name)).toEqual([
      ONTVANGT,
      expect.stringMatching(/^Ontvangt/),
      expect.stringMatching(/^Ontvangt/),
    ])
    expect(resolver.resolve('heftruck')).toMatchObject({ ok: false, reason: 'unknown', suggestions: [] })
  })

  it('never suggests the text it was given, whatever the input', () => {
    for (const { text } of STATEMENTS) {
      for (const typed of [text, text.slice(0, 20), `${text} x`, text.split(' ').reverse().join(' ')]) {
        const r = resolver.resolve(typed)
        if (r.ok) continue
        const folded = (s: string) =>
          s
            .toLowerCase()
            .normalize('NFKD')
            .replace(/[^a-z0-9]+/g, ' ')
            .trim()
        for (const s of r.suggestions) expect(folded(s.name)).not.toBe(folded(typed))
      }
    }
  })
})
