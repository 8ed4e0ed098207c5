import { describe, expect, it } from 'vitest'
import { expandAbbreviations, foldName, normaliseName } from './normalise.js'

describe('foldName', () => {
  it('lowercases and strips accents', () => {
    expect(foldName('Zoë')).toBe('zoe')
    expect(foldName('Liège')).toBe('liege')
    expect(foldName('Technicus industriële elektriciteit')).toBe('technicus industriele elektriciteit')
  })

  it('turns punctuation, hyphens, slashes and dots into single spaces', () => {
    expect(foldName('  Verzorgende/Zorgkundige ')).toBe('verzorgende zorgkundige')
    expect(foldName('Haar- en schoonheidsverzorging')).toBe('haar en schoonheidsverzorging')
    expect(foldName("'s-Gravenwezel")).toBe('s gravenwezel')
    expect(foldName('Elektromech.')).toBe('elektromech')
  })

  it('folds ligatures and non-breaking spaces', () => {
    expect(foldName('Oﬃce\u00a0beheer')).toBe('office beheer')
  })

  it('leaves abbreviations as typed', () => {
    expect(foldName('St.-Niklaas')).toBe('st niklaas')
  })
})

describe('normaliseName', () => {
  it('gives every spelling of Sint-Niklaas the same form', () => {
    const forms = ['Sint-Niklaas', 'Sint Niklaas', 'St.-Niklaas', 'st niklaas', 'ST. NIKLAAS'].map(
      normaliseName,
    )
    expect(new Set(forms)).toEqual(new Set(['sint niklaas']))
  })

  it('expands a trailing-dot abbreviation', () => {
    expect(normaliseName('Elektromech.')).toBe('elektromechanica')
    expect(normaliseName('Kant. duaal')).toBe('kantoor duaal')
    expect(normaliseName('Verz.')).toBe('verzorging')
  })

  it('expands multi-token phrases before single tokens', () => {
    expect(normaliseName('O.L.V.-Waver')).toBe('onze lieve vrouw waver')
    expect(normaliseName('OLV Waver')).toBe('onze lieve vrouw waver')
  })

  it('keeps full words and words that only look like abbreviations', () => {
    expect(normaliseName('Zorg en welzijn')).toBe('zorg en welzijn')
    expect(normaliseName('BSO horeca bouw')).toBe('bso horeca bouw')
    expect(normaliseName('Stekene')).toBe('stekene')
  })

  it('does not treat Object.prototype keys as abbreviations', () => {
    expect(expandAbbreviations('constructor tostring')).toBe('constructor tostring')
  })

  it('returns an empty string for text without letters or digits', () => {
    expect(normaliseName(' .-/ ')).toBe('')
  })

  it('reads an ampersand as "en"', () => {
    expect(normaliseName('Haar- & schoonheidsverzorging')).toBe('haar en schoonheidsverzorging')
  })
})
