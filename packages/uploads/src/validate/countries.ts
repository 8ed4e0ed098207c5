import { foldName } from '@stagebrug/matching-core'

// The countries a place may lie in: Belgium, and abroad the Erasmus+ programme countries (EU, EEA,
// North Macedonia, Serbia, Türkiye) plus Switzerland and the United Kingdom, where schools still send
// pupils on their own agreements. Code (ISO 3166-1 alpha-2), Dutch name, English name, other spellings.
const COUNTRIES: readonly (readonly [code: string, nl: string, en: string, ...other: string[]])[] = [
  ['BE', 'België', 'Belgium', 'belgique', 'belgien'],
  ['AT', 'Oostenrijk', 'Austria', 'österreich'],
  ['BG', 'Bulgarije', 'Bulgaria'],
  ['HR', 'Kroatië', 'Croatia', 'hrvatska'],
  ['CY', 'Cyprus', 'Cyprus'],
  ['CZ', 'Tsjechië', 'Czechia', 'czech republic', 'tsjechische republiek'],
  ['DK', 'Denemarken', 'Denmark', 'danmark'],
  ['EE', 'Estland', 'Estonia'],
  ['FI', 'Finland', 'Finland', 'suomi'],
  ['FR', 'Frankrijk', 'France'],
  ['DE', 'Duitsland', 'Germany', 'deutschland'],
  ['GR', 'Griekenland', 'Greece'],
  ['HU', 'Hongarije', 'Hungary'],
  ['IE', 'Ierland', 'Ireland'],
  ['IT', 'Italië', 'Italy', 'italia'],
  ['LV', 'Letland', 'Latvia'],
  ['LT', 'Litouwen', 'Lithuania'],
  ['LU', 'Luxemburg', 'Luxembourg'],
  ['MT', 'Malta', 'Malta'],
  ['NL', 'Nederland', 'Netherlands', 'the netherlands', 'holland'],
  ['PL', 'Polen', 'Poland', 'polska'],
  ['PT', 'Portugal', 'Portugal'],
  ['RO', 'Roemenië', 'Romania'],
  ['SK', 'Slowakije', 'Slovakia'],
  ['SI', 'Slovenië', 'Slovenia'],
  ['ES', 'Spanje', 'Spain', 'españa', 'espana'],
  ['SE', 'Zweden', 'Sweden', 'sverige'],
  ['IS', 'IJsland', 'Iceland'],
  ['LI', 'Liechtenstein', 'Liechtenstein'],
  ['NO', 'Noorwegen', 'Norway', 'norge'],
  ['MK', 'Noord-Macedonië', 'North Macedonia'],
  ['RS', 'Servië', 'Serbia'],
  ['TR', 'Turkije', 'Türkiye', 'turkey'],
  ['CH', 'Zwitserland', 'Switzerland', 'schweiz', 'suisse'],
  ['GB', 'Verenigd Koninkrijk', 'United Kingdom', 'uk', 'groot-brittannie'],
]

const BY_NAME: ReadonlyMap<string, string> = new Map(
  COUNTRIES.flatMap(([code, ...names]) => [code, ...names].map((n) => [foldName(n), code] as const)),
)
const NAME_NL: ReadonlyMap<string, string> = new Map(COUNTRIES.map(([code, nl]) => [code, nl]))

/** ISO 3166-1 alpha-2 codes of every country a place may lie in, BE included. */
export const COUNTRY_CODES: readonly string[] = COUNTRIES.map(([code]) => code)

/**
 * The ISO code of a country given as code or name (Dutch, English or its own), or undefined when unknown.
 * @example countryCode('Nederland') // 'NL'; countryCode('de') // 'DE'
 */
export function countryCode(text: string): string | undefined {
  return BY_NAME.get(foldName(text.trim()))
}

/** The Dutch name of a country code, or the code itself when unknown. */
export function countryNameNl(code: string): string {
  return NAME_NL.get(code) ?? code
}
