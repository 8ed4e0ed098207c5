// Upload files as schools and companies send them, built in the test: CSV text in the encodings
// Belgian Excel writes, rows keyed by header, and realistic large lists on real reference data.
import type { DbHandle } from '@stagebrug/db'
import { loadProgrammes, postcodeIndex } from '@stagebrug/reference-data'

/** UTF-8, optionally with the BOM Excel's "CSV UTF-8" writes. */
export function utf8(text: string, bom = false): Uint8Array {
  return new TextEncoder().encode(bom ? `\uFEFF${text}` : text)
}

/** Windows-1252, the default of Belgian Excel's "CSV (puntkomma)". Latin-1 coincides with it for our names. */
export function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const code = ch.codePointAt(0)!
    if (code > 0xff) throw new Error(`not encodable in Windows-1252 by this helper: ${ch}`)
    return code
  })
}

/** CSV text with Excel's quoting (only cells that need it) and CRLF line ends. */
export function csv(rows: readonly (readonly string[])[], delimiter = ';'): string {
  const quote = (cell: string) =>
    cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell
  return `${rows.map((r) => r.map(quote).join(delimiter)).join('\r\n')}\r\n`
}

/** Rows from records: the header is the keys of `header`, missing values are empty cells. */
export function table(
  header: readonly string[],
  records: readonly Readonly<Record<string, string>>[],
): string[][] {
  return [[...header], ...records.map((r) => header.map((h) => r[h] ?? ''))]
}

export const STUDENT_HEADER = [
  'instellingsnummer',
  'stamboeknummer',
  'naam',
  'voornaam',
  'geboortedatum',
  'klas',
  'studierichting',
  'graad',
  'traject',
  'postcode',
  'gemeente',
  'startdatum',
  'einddatum',
] as const

export function pupil(id: string, over: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    instellingsnummer: '123456',
    stamboeknummer: id,
    naam: 'Peeters',
    voornaam: 'Zoë',
    geboortedatum: '05/03/2008',
    klas: '6LOG',
    studierichting: 'Logistiek',
    graad: '3',
    traject: 'stage',
    postcode: '9100',
    gemeente: 'Sint-Niklaas',
    startdatum: '01/02/2027',
    einddatum: '26/03/2027',
    ...over,
  }
}

export const PLACE_HEADER = [
  'plaatscode',
  'ondernemingsnummer',
  'bedrijfsnaam',
  'postcode',
  'gemeente',
  'soort',
  'studierichtingen',
  'aantal plaatsen',
  'startdatum',
  'einddatum',
  'beginuur',
  'einduur',
  'contactpersoon',
  'e-mail contact',
  'telefoon',
] as const

export function place(code: string, over: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    plaatscode: code,
    ondernemingsnummer: '0403.019.261',
    bedrijfsnaam: 'Voorbeeld NV',
    postcode: '3500',
    gemeente: 'Hasselt',
    soort: 'stage',
    studierichtingen: 'Logistiek',
    'aantal plaatsen': '2',
    startdatum: '01/02/2027',
    einddatum: '26/03/2027',
    beginuur: '08:00',
    einduur: '16:30',
    contactpersoon: 'An Janssens',
    'e-mail contact': 'stage@example.be',
    telefoon: '011 22 33 44',
    ...over,
  }
}

export const RECOGNITION_HEADER = [
  'ondernemingsnummer',
  'vestigingseenheidsnummer',
  'studierichting',
  'erkenningsnummer',
  'geldig van',
  'geldig tot',
  'status',
] as const

/** One row of the recognition file (erkenningen): Logistiek duaal at 2147812701, valid five years from 01/09/2025. */
export function recognition(over: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    ondernemingsnummer: '0403.019.261',
    vestigingseenheidsnummer: '2.147.812.701',
    studierichting: 'Logistiek duaal',
    erkenningsnummer: 'ERK-2025-0412',
    'geldig van': '01/09/2025',
    'geldig tot': '',
    status: 'erkend',
    ...over,
  }
}

/** A valid KBO number (mod 97) for the n-th test company. */
export function kbo(n: number): string {
  const first8 = 4_100_000 + n
  return `${String(first8).padStart(8, '0')}${String(97 - (first8 % 97)).padStart(2, '0')}`
}

/** Grade-3 programmes whose title and grade name exactly one structuuronderdeel, and Flemish postcodes. */
function realisticPools() {
  const programmes = loadProgrammes().filter((p) => p.grade === 3 && !p.duaal)
  const count = new Map<string, number>()
  for (const p of programmes) count.set(p.title, (count.get(p.title) ?? 0) + 1)
  const titles = [...new Set(programmes.filter((p) => count.get(p.title) === 1).map((p) => p.title))].sort()
  const postcodes = [...postcodeIndex().values()]
    .filter((p) => p.region === 'VLG' && p.municipality !== null)
    .map((p) => ({ postcode: p.postcode, municipality: p.municipality! }))
  return { titles, postcodes }
}

/** `n` pupils spread over real programmes and postcodes, deterministically. */
export function realisticPupils(n: number, school = '123456'): Record<string, string>[] {
  const { titles, postcodes } = realisticPools()
  const FIRST = ['Zoë', 'Noah', 'Lotte', 'Liam', 'Chloë', 'Finn', 'Anaïs', 'Mats', 'Noémie', 'Elif']
  const LAST = ['Peeters', 'Janssens', 'Maes', 'Van den Broeck', "D'Hondt", 'Lefèvre', 'Öztürk']
  return Array.from({ length: n }, (_, i) => {
    const home = postcodes[(i * 7919) % postcodes.length]!
    return pupil(String(i + 1).padStart(7, '0'), {
      instellingsnummer: school,
      naam: LAST[i % LAST.length]!,
      voornaam: FIRST[i % FIRST.length]!,
      geboortedatum: `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/2008`,
      studierichting: titles[(i * 31) % titles.length]!,
      postcode: home.postcode,
      gemeente: home.municipality,
    })
  })
}

/** Every row of the tables an import writes, with its timestamps, to prove that nothing changed. */
export async function storedRows(db: DbHandle['db']) {
  return {
    students: await db.selectFrom('student').selectAll().orderBy('id').execute(),
    places: await db.selectFrom('place').selectAll().orderBy('id').execute(),
    companies: await db.selectFrom('company').selectAll().orderBy('id').execute(),
  }
}

export const MENTOR_HEADER = [
  'ondernemingsnummer',
  'naam',
  'functie',
  'e-mail',
  'telefoon',
  'geboortedatum',
  'minstens 25 jaar',
  'vrijstelling 23 jaar',
  'jaren ervaring',
  'mentoropleiding gevolgd',
  'uiterste datum opleiding',
  'uittreksel 596.2 gecontroleerd op',
  'plaatscodes',
] as const

/** One row of the mentor file: a trained mentor born in 1980 who supervises no place yet. */
export function mentor(over: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    ondernemingsnummer: '0403.019.261',
    naam: 'Noël Vermeulen',
    functie: 'Magazijnverantwoordelijke',
    'e-mail': 'noel.vermeulen@example.be',
    telefoon: '011 22 33 45',
    geboortedatum: '12/03/1980',
    'minstens 25 jaar': '',
    'vrijstelling 23 jaar': 'nee',
    'jaren ervaring': '12',
    'mentoropleiding gevolgd': 'ja',
    'uiterste datum opleiding': '',
    'uittreksel 596.2 gecontroleerd op': '02/09/2025',
    plaatscodes: '',
    ...over,
  }
}
