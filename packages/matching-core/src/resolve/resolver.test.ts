import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createResolver, type ResolverEntry } from './resolver.js'

// Titles and structuuronderdeel numbers from the official programme matrix (programmes.csv).
// Horeca and Bouwtechnieken appear twice there under different numbers, as they do here.
const PROGRAMMES: readonly ResolverEntry<number>[] = [
  [1, 'Afwerking bouw duaal'],
  [2, 'Animator duaal'],
  [15, 'Bakkerij'],
  [59, 'Bouw'],
  [61, 'Bouwtechnieken'],
  [87, 'Elektriciteit'],
  [89, 'Elektromechanische technieken'],
  [120, 'Horeca'],
  [148, 'Kok duaal'],
  [152, 'Logistiek duaal'],
  [172, 'Mechanica'],
  [173, 'Mechanische technieken'],
  [253, 'Onthaal en recreatie'],
  [264, 'Organisatie en logistiek'],
  [303, 'Restaurant en keuken'],
  [322, 'Slagerij'],
  [375, 'Zorg en welzijn'],
  [458, 'Bouwtechnieken'],
  [494, 'Internationale handel en logistiek'],
  [502, 'Horeca'],
  [511, 'Elektrische installaties'],
  [517, 'Onderhoudsmechanica auto'],
  [521, 'Ruwbouw'],
  [540, 'Logistiek'],
  [544, 'Haarverzorging'],
  [546, 'Schoonheidsverzorging'],
  [547, 'Textielverzorging'],
  [754, 'Verzorgende/Zorgkundige'],
  [792, 'Kok'],
  [819, 'Elektromecanicien'],
].map(([id, name]) => ({ id: id as number, name: name as string }))

const programmes = createResolver(PROGRAMMES)
const entries = (...names: string[]) => names.map((name, id) => ({ id, name }))

describe('createResolver', () => {
  it('counts distinct ids', () => {
    expect(programmes.size).toBe(30)
  })

  it('resolves an exact name regardless of case, accents and punctuation', () => {
    expect(programmes.resolve('  verzorgende - zorgkundige ')).toMatchInlineSnapshot(`
      {
        "distance": 0,
        "id": 754,
        "name": "Verzorgende/Zorgkundige",
        "ok": true,
        "via": "exact",
      }
    `)
  })

  it('resolves places spelled with and without abbreviations, and aliases', () => {
    const places = createResolver([
      { id: 'sint-niklaas', name: 'Sint-Niklaas' },
      { id: 'sint-truiden', name: 'Sint-Truiden' },
      { id: 'stekene', name: 'Stekene' },
      { id: 'liege', name: 'Liège', aliases: ['Luik'] },
      { id: 'olv-waver', name: 'Onze-Lieve-Vrouw-Waver' },
    ])
    for (const text of ['Sint Niklaas', 'St.-Niklaas', 'ST NIKLAAS']) {
      expect(places.resolve(text)).toMatchObject({ ok: true, id: 'sint-niklaas', via: 'exact' })
    }
    expect(places.resolve('Liege')).toMatchObject({ ok: true, id: 'liege', via: 'exact' })
    expect(places.resolve('luik')).toMatchObject({ ok: true, id: 'liege', name: 'Liège', via: 'alias' })
    expect(places.resolve('O.L.V.-Waver')).toMatchObject({ ok: true, id: 'olv-waver', via: 'exact' })
    expect(places.resolve('Sint')).toMatchInlineSnapshot(`
      {
        "input": "Sint",
        "ok": false,
        "reason": "ambiguous",
        "suggestions": [
          {
            "distance": 8,
            "id": "sint-niklaas",
            "name": "Sint-Niklaas",
          },
          {
            "distance": 8,
            "id": "sint-truiden",
            "name": "Sint-Truiden",
          },
        ],
      }
    `)
  })

  describe('Elektromech.', () => {
    it('is ambiguous when the typed letters fit two programmes', () => {
      const resolver = createResolver(
        entries('Elektromechanica', 'Elektromechanische technieken', 'Elektriciteit', 'Mechanica'),
      )
      expect(resolver.resolve('Elektromech.')).toMatchInlineSnapshot(`
        {
          "input": "Elektromech.",
          "ok": false,
          "reason": "ambiguous",
          "suggestions": [
            {
              "distance": 0,
              "id": 0,
              "name": "Elektromechanica",
            },
            {
              "distance": 14,
              "id": 1,
              "name": "Elektromechanische technieken",
            },
          ],
        }
      `)
    })

    it('resolves through the abbreviation when nothing else fits', () => {
      const resolver = createResolver(entries('Elektromechanica', 'Elektriciteit', 'Mechanica'))
      expect(resolver.resolve('Elektromech.')).toMatchObject({ ok: true, id: 0, via: 'exact' })
    })

    it('resolves as a prefix against the current programme titles', () => {
      expect(programmes.resolve('Elektromech.')).toMatchInlineSnapshot(`
        {
          "distance": 14,
          "id": 89,
          "name": "Elektromechanische technieken",
          "ok": true,
          "via": "prefix",
        }
      `)
      expect(programmes.resolve('elektromech techn')).toMatchObject({ ok: true, id: 89, via: 'prefix' })
    })
  })

  it('keeps an abbreviation exact only when every rival also fits its expansion', () => {
    expect(programmes.resolve('Log.')).toMatchObject({ ok: true, id: 540, via: 'exact' })
    expect(programmes.resolve('Mech.')).toMatchInlineSnapshot(`
      {
        "input": "Mech.",
        "ok": false,
        "reason": "ambiguous",
        "suggestions": [
          {
            "distance": 0,
            "id": 172,
            "name": "Mechanica",
          },
          {
            "distance": 14,
            "id": 173,
            "name": "Mechanische technieken",
          },
        ],
      }
    `)
  })

  it('resolves unique token prefixes in order', () => {
    const resolver = createResolver(entries('Kantoor', 'Kantoor duaal', 'Kok duaal'))
    expect(resolver.resolve('Kant. duaal')).toMatchObject({ ok: true, id: 1, via: 'exact' })
    expect(resolver.resolve('kanto duaal')).toMatchObject({ ok: true, id: 1, via: 'prefix' })
    expect(programmes.resolve('int hand log')).toMatchObject({ ok: true, id: 494, via: 'prefix' })
    expect(programmes.resolve('Logist')).toMatchInlineSnapshot(`
      {
        "input": "Logist",
        "ok": false,
        "reason": "ambiguous",
        "suggestions": [
          {
            "distance": 3,
            "id": 540,
            "name": "Logistiek",
          },
          {
            "distance": 9,
            "id": 152,
            "name": "Logistiek duaal",
          },
        ],
      }
    `)
  })

  it('corrects a typo when the best match is close and clearly ahead', () => {
    const resolver = createResolver(entries('Verzorging', 'Haarverzorging', 'Zorg en welzijn'))
    expect(resolver.resolve('Verzorgnig')).toMatchInlineSnapshot(`
      {
        "distance": 2,
        "id": 0,
        "name": "Verzorging",
        "ok": true,
        "via": "fuzzy",
      }
    `)
    expect(programmes.resolve('Haarverzorgnig')).toMatchObject({ ok: true, id: 544, via: 'fuzzy' })
  })

  it('honours maxDistance and minMargin', () => {
    const list = entries('Verzorging', 'Haarverzorging')
    expect(createResolver(list, { maxDistance: 1 }).resolve('Verzorgnig')).toMatchObject({
      reason: 'unknown',
    })
    expect(createResolver(list, { maxDistance: () => 2 }).resolve('Verzorgnig')).toMatchObject({ ok: true })
    expect(createResolver(list, { minMargin: 5 }).resolve('Verzorgnig')).toMatchObject({
      reason: 'ambiguous',
    })
  })

  it('reports the same name under different ids as ambiguous, listing every id', () => {
    expect(programmes.resolve('HORECA')).toMatchInlineSnapshot(`
      {
        "input": "HORECA",
        "ok": false,
        "reason": "ambiguous",
        "suggestions": [
          {
            "distance": 0,
            "id": 120,
            "name": "Horeca",
          },
          {
            "distance": 0,
            "id": 502,
            "name": "Horeca",
          },
        ],
      }
    `)
    const many = createResolver([1, 2, 3, 4].map((id) => ({ id, name: 'Bouw' })))
    expect(many.resolve('bouw')).toMatchObject({ reason: 'ambiguous', suggestions: { length: 4 } })
  })

  it('merges entries that share an id', () => {
    const resolver = createResolver([
      { id: 'a', name: 'Horeca' },
      { id: 'a', name: 'Hotel', aliases: ['Horeca'] },
    ])
    expect(resolver.size).toBe(1)
    expect(resolver.resolve('horeca')).toMatchObject({ ok: true, id: 'a', via: 'exact' })
    expect(resolver.resolve('hotel')).toMatchObject({ ok: true, id: 'a', name: 'Horeca', via: 'exact' })
  })

  it('reports unknown text with the three nearest suggestions', () => {
    expect(programmes.resolve('Astronaut')).toMatchInlineSnapshot(`
      {
        "input": "Astronaut",
        "ok": false,
        "reason": "unknown",
        "suggestions": [
          {
            "distance": 7,
            "id": 59,
            "name": "Bouw",
          },
          {
            "distance": 7,
            "id": 120,
            "name": "Horeca",
          },
          {
            "distance": 7,
            "id": 502,
            "name": "Horeca",
          },
        ],
      }
    `)
  })

  it('reports empty input', () => {
    for (const text of ['', '   ', ' - / . ']) {
      expect(programmes.resolve(text)).toEqual({ ok: false, reason: 'empty', input: text, suggestions: [] })
    }
  })

  it('breaks ties by name, then by insertion, whatever the entry order', () => {
    const list = entries('Bak', 'Aak', 'Cak')
    const expected = ['Aak', 'Bak', 'Cak']
    expect(createResolver(list).resolve('xak')).toMatchObject({ reason: 'ambiguous' })
    for (const order of [list, [...list].reverse()]) {
      const result = createResolver(order).resolve('xak')
      expect(result.ok ? [] : result.suggestions.map((s) => s.name)).toEqual(expected)
    }
    const twins = createResolver([
      { id: 'second', name: 'Bouw' },
      { id: 'first', name: 'Bouw' },
    ])
    const result = twins.resolve('Bouw')
    expect(result.ok ? [] : result.suggestions.map((s) => s.id)).toEqual(['second', 'first'])
  })

  it('echoes the caller text even when the result comes from the cache', () => {
    expect(programmes.resolve('Astronaut')).toMatchObject({ input: 'Astronaut' })
    expect(programmes.resolve('ASTRONAUT!')).toMatchObject({ input: 'ASTRONAUT!' })
    expect(programmes.resolve('astronaut')).toEqual({
      ...programmes.resolve('Astronaut'),
      input: 'astronaut',
    })
  })

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const result = programmes.resolve(text)
        expect(result.ok || result.suggestions.length <= 3).toBe(true)
        expect(result.ok || result.input === text).toBe(true)
      }),
    )
  })

  it('resolves every entry name to itself or to an ambiguity that names it', () => {
    // Real titles and abbreviations make collisions, prefixes and expansions common.
    const typed = ['Mech.', 'Mechanica', 'Log', 'St. Niklaas', 'Sint-Niklaas', 'Elektromech.', 'Kant duaal']
    const name = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.constantFrom(...typed, ...PROGRAMMES.map((p) => p.name)),
    )
    const entry = fc.record({ id: fc.nat(20), name })
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 25 }), (list) => {
        const resolver = createResolver(list)
        for (const { id, name } of list) {
          const result = resolver.resolve(name)
          if (result.ok) expect(result.id).toBe(id)
          else if (result.reason === 'ambiguous') expect(result.suggestions.map((s) => s.id)).toContain(id)
          else expect(result.reason).toBe('empty')
        }
      }),
    )
  })
})
