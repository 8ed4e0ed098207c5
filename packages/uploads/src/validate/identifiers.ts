import { normaliseIdentifier } from './normalise.js'

// Belgian identifiers (domain.md §6). All checks are mod 97 on the leading digits.

const checkDigits = (body: number): number => 97 - (body % 97)

/**
 * Normalises an ondernemingsnummer (KBO) to 10 digits, or returns null when it is not one:
 * strips `BE`, spaces, dots and dashes, prefixes a 9-digit legacy value with 0, requires a first
 * digit 0 or 1 and a valid mod-97 check.
 * @example normaliseKbo('BE 0403.019.261') // '0403019261'
 */
export function normaliseKbo(text: string): string | null {
  let digits = normaliseIdentifier(text)
    .replace(/^be/i, '')
    .replace(/[\s.\-/]/g, '')
  if (/^\d{9}$/.test(digits)) digits = `0${digits}`
  if (!/^[01]\d{9}$/.test(digits)) return null
  return checkDigits(Number(digits.slice(0, 8))) === Number(digits.slice(8)) ? digits : null
}

/** Displays a 10-digit KBO number as `0xxx.xxx.xxx`. */
export const formatKbo = (digits: string): string =>
  `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`

/** Normalises a vestigingseenheidsnummer: 10 digits, first digit 2–8, mod-97 check; else null. */
export function normaliseEstablishmentNumber(text: string): string | null {
  const digits = normaliseIdentifier(text).replace(/[\s.\-/]/g, '')
  if (!/^[2-8]\d{9}$/.test(digits)) return null
  return checkDigits(Number(digits.slice(0, 8))) === Number(digits.slice(8)) ? digits : null
}

/**
 * True when the text is a rijksregisternummer or BIS number: 11 digits (punctuation ignored, a
 * leading zero lost by Excel restored) whose last two are 97 − (first 9 mod 97), computed on the
 * first 9 digits (born before 2000) or on "2" + the first 9 (born from 2000).
 */
export function looksLikeNationalNumber(text: string): boolean {
  const raw = text.trim()
  let digits = raw.replace(/[\s.\-/]/g, '')
  // Excel drops the leading zero of numbers born 2000–2009 (a bare number, never punctuated); a
  // 10-digit value starting with 0 is a KBO number.
  if (/^[1-9]\d{9}$/.test(raw)) digits = `0${digits}`
  if (!/^\d{11}$/.test(digits)) return false
  const month = Number(digits.slice(2, 4))
  if (month % 20 > 12 || month > 52 || Number(digits.slice(4, 6)) > 31) return false
  const body = Number(digits.slice(0, 9))
  const check = Number(digits.slice(9))
  return checkDigits(body) === check || checkDigits(2_000_000_000 + body) === check
}
