import { ABBREVIATIONS } from './abbreviations.js'

// A Map, not the Record itself: a typed token such as "constructor" must not hit Object.prototype.
const expansions = new Map(Object.entries(ABBREVIATIONS))
const longestPhrase = Math.max(...Object.keys(ABBREVIATIONS).map((key) => key.split(' ').length))

/**
 * Folds free text to a comparable form: lowercase, accents removed, every run of punctuation or
 * whitespace turned into one space, trimmed. Abbreviations are left as typed.
 * @example foldName('St.-Niklaas') // 'st niklaas'
 */
export function foldName(text: string): string {
  return (
    text
      .toLowerCase()
      // NFKD rather than NFD so pasted ligatures and non-breaking spaces fold as well.
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/&/g, ' en ') // "Haar- & schoonheidsverzorging" is how people type "en"
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  )
}

/** Expands the abbreviations of an already folded string token by token, longest phrase first. */
export function expandAbbreviations(folded: string): string {
  if (folded === '') return ''
  const tokens = folded.split(' ')
  const out: string[] = []
  let i = 0
  while (i < tokens.length) {
    let taken = 1
    let word = tokens[i]!
    for (let n = Math.min(longestPhrase, tokens.length - i); n >= 1; n--) {
      const expansion = expansions.get(tokens.slice(i, i + n).join(' '))
      if (expansion !== undefined) {
        taken = n
        word = expansion
        break
      }
    }
    out.push(word)
    i += taken
  }
  return out.join(' ')
}

/**
 * Normalises a programme, place or municipality name for matching: folds it and expands abbreviations.
 * @example normaliseName('Elektromech.') // 'elektromechanica'
 */
export function normaliseName(text: string): string {
  return expandAbbreviations(foldName(text))
}
