// Builders for upload fixtures used by the tests (no binary fixtures in the repository).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const encoder = new TextEncoder()

export const utf8 = (text: string, bom = false): Uint8Array => {
  const body = encoder.encode(text)
  if (!bom) return body
  const out = new Uint8Array(body.length + 3)
  out.set([0xef, 0xbb, 0xbf])
  out.set(body, 3)
  return out
}

// The Latin-1 range of Windows-1252 coincides with Unicode; that is all our Dutch/French names need.
export const windows1252 = (text: string): Uint8Array =>
  Uint8Array.from(
    [...text].map((ch) => {
      const code = ch.codePointAt(0)!
      if (code > 0xff) throw new Error(`not encodable: ${ch}`)
      return code
    }),
  )

export const csv = (rows: readonly (readonly string[])[], delimiter = ';'): string =>
  `${rows.map((r) => r.join(delimiter)).join('\r\n')}\r\n`

export const template = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../../docs/templates/${name}`, import.meta.url))))

export const STUDENT_HEADER = [
  'stamboeknummer',
  'naam',
  'voornaam',
  'geboortedatum',
  'klas',
  'studierichting',
  'postcode',
  'gemeente',
  'startdatum',
  'einddatum',
]

export const studentRow = (overrides: Partial<Record<string, string>> = {}): string[] => {
  const base: Record<string, string> = {
    stamboeknummer: '0123456',
    naam: 'Peeters',
    voornaam: 'Zoë',
    geboortedatum: '05/03/2008',
    klas: '6LOG',
    studierichting: 'Logistiek',
    postcode: '9100',
    gemeente: 'Sint-Niklaas',
    startdatum: '01/02/2027',
    einddatum: '26/03/2027',
    ...overrides,
  }
  return STUDENT_HEADER.map((h) => base[h] ?? '')
}

/** A valid rijksregisternummer for a birth date (YYYY-MM-DD) and counter, as 11 digits. */
export function nationalNumber(birth: string, counter: number): string {
  const [y, m, d] = birth.split('-')
  const body = `${y!.slice(2)}${m}${d}${String(counter).padStart(3, '0')}`
  const base = Number(y) >= 2000 ? 2_000_000_000 + Number(body) : Number(body)
  return `${body}${String(97 - (base % 97)).padStart(2, '0')}`
}
