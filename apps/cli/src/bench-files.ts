// Files for the import stage of `pnpm bench`: a placement list and a place registration as a school and a
// company would send them (CSV, `;`, UTF-8 with BOM, dd/mm/yyyy), built from a seeded synthetic
// instance on real postcodes, programmes and competences.
import type { Place, Student } from '@stagebrug/matching-core'
import { loadCompetences, postcodeIndex, programmeById } from '@stagebrug/reference-data'
import type { SyntheticInstance } from '@stagebrug/synthetic'

const FIRST = ['Zoë', 'Noah', 'Lotte', 'Liam', 'Chloë', 'Finn', 'Anaïs', 'Mats', 'Noémie', 'Elif', 'Joëlle']
const LAST = ['Peeters', 'Janssens', 'Maes', 'Van den Broeck', "D'Hondt", 'Lefèvre', 'Öztürk', 'De Smet']

export const STUDENT_HEADER = [
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
  'e-mail',
  'startdatum',
  'einddatum',
  'competenties',
  'rijbewijs',
  'max km',
  'kwetsbaar',
]

export const PLACE_HEADER = [
  'plaatscode',
  'ondernemingsnummer',
  'bedrijfsnaam',
  'postcode',
  'gemeente',
  'soort',
  'studierichtingen',
  'competenties',
  'aantal plaatsen',
  'startdatum',
  'einddatum',
  'beginuur',
  'einduur',
  'ploegenwerk',
  'minimumleeftijd',
  'rijbewijs nodig',
  'inclusief',
  'sector',
  'e-mail contact',
]

const dmy = (iso: string) => iso.split('-').reverse().join('/')
const yesNo = (b: boolean) => (b ? 'ja' : 'nee')
const quote = (cell: string) => (/[;"\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)

/** Belgian Excel's "CSV (puntkomma)": `;`, CRLF, with a UTF-8 BOM. */
export function toCsv(rows: readonly (readonly string[])[]): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${rows.map((r) => r.map(quote).join(';')).join('\r\n')}\r\n`)
}

function lookups() {
  const programmes = programmeById()
  const competenceCode = new Map(loadCompetences().map((c) => [c.id, c.code]))
  const postcodes = postcodeIndex()
  const municipality = (postcode: string) => {
    const info = postcodes.get(postcode)
    return info?.municipality ?? info?.places[0] ?? ''
  }
  const codes = (ids: readonly number[]) => ids.map((id) => competenceCode.get(id)!).join('|')
  return { programmes, municipality, codes }
}

/** One school's placement list: every student of the instance, as that school's pupils. */
export function placementList(instance: SyntheticInstance): string[][] {
  const { programmes, municipality, codes } = lookups()
  const row = (s: Student, i: number): string[] => {
    const programme = programmes.get(s.programme)!
    const track =
      s.workReadiness === 'willing-not-ready'
        ? 'aanloop'
        : { internship: 'stage', dual: 'duaal', job: 'job' }[s.seeks]
    return [
      String(i + 1).padStart(7, '0'),
      LAST[i % LAST.length]!,
      FIRST[i % FIRST.length]!,
      dmy(s.birthDate),
      `${s.grade * 2}${programme.title.slice(0, 3).toUpperCase()}`,
      programme.title,
      String(s.grade),
      track,
      s.home.postcode,
      municipality(s.home.postcode),
      `ll${i + 1}@school.example.be`,
      dmy(s.availability.start),
      dmy(s.availability.end),
      codes(s.competences),
      yesNo(s.drivingLicence),
      String(s.maxTravelKm),
      yesNo(s.priority),
    ]
  }
  return [STUDENT_HEADER, ...instance.input.students.map(row)]
}

/** A valid KBO number (mod 97) for the n-th company. */
function kbo(n: number): string {
  const first8 = 4_000_000 + n
  return `${String(first8).padStart(8, '0')}${String(97 - (first8 % 97)).padStart(2, '0')}`
}

/** The instance's Belgian places as one registration file, one company per synthetic company id. */
export function placeRegistration(instance: SyntheticInstance): string[][] {
  const { municipality, codes } = lookups()
  const companies = new Map<string, number>()
  const kinds = { internship: 'stage', dual: 'duaal', job: 'job', aanloopfase: 'aanloopfase' } as const
  const names: string[] = []
  const row = (p: Place, i: number): string[] => {
    const n = companies.get(p.companyId) ?? companies.size
    companies.set(p.companyId, n)
    names[n] ??= instance.labels.places.get(p.id)?.split(',')[0] ?? `Bedrijf ${n}`
    const name = names[n]!
    return [
      `P-${String(i + 1).padStart(5, '0')}`,
      kbo(n),
      name,
      p.establishment.postcode,
      municipality(p.establishment.postcode),
      kinds[p.kind],
      p.programmes.join('|'),
      codes(p.competences.map((c) => c.id)),
      String(p.capacity),
      dmy(p.period.start),
      dmy(p.period.end),
      p.hours.start,
      p.hours.end,
      yesNo(p.hours.shiftWork),
      p.minimumAge > 0 ? String(Math.min(25, Math.max(15, p.minimumAge))) : '',
      yesNo(p.needsDrivingLicence),
      yesNo(p.inclusive),
      p.sector,
      `stage${n}@bedrijf.example.be`,
    ]
  }
  const belgian = instance.input.places.filter((p) => !p.foreign && p.capacity >= 1)
  return [PLACE_HEADER, ...belgian.map(row)]
}
