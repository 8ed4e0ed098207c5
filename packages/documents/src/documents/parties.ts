// The identification rows the documents share: who the student, school, company, workplace and
// mentor are, and when. Mandatory fields Stagebrug does not know become blanks (never guessed).
import type { DocumentData } from '../data/document-data.js'
import {
  formatDate,
  formatEstablishmentNumber,
  formatHours,
  formatKbo,
  postcodeLine,
  streetLine,
} from '../format.js'
import type { DocumentBuilder, Inline } from '../model/document.js'

type Row = readonly [label: string, ...value: Inline[]]

export const fullName = (d: DocumentData): string => `${d.student.firstName} ${d.student.lastName}`

export const isMinorAtStart = (d: DocumentData): boolean => d.student.ageAtStart < 18

export function programmeLine(d: DocumentData): string {
  const p = d.student.programme
  return `${p.title} (structuuronderdeel ${p.id}${p.grade === null ? '' : `, graad ${p.grade}`})`
}

export function coordinatorLine(d: DocumentData): string | null {
  const list = d.school.coordinators
  return list.length === 0 ? null : list.map((c) => `${c.name} (${c.email})`).join(', ')
}

export function studentRows(b: DocumentBuilder, d: DocumentData, options: { address: boolean }): Row[] {
  const rows: Row[] = [
    ['Naam en voornaam', `${d.student.lastName} ${d.student.firstName}`],
    ['Geboortedatum', formatDate(d.student.birthDate)],
    ['Studierichting', programmeLine(d)],
    ['Klas', b.need(d.student.className, 'klas van de leerling')],
  ]
  if (options.address) {
    const s = d.student
    const street = streetLine(s.street, s.houseNumber)
    rows.push([
      'Adres',
      b.need(
        street === null || s.box === null ? street : `${street} bus ${s.box}`,
        'adres van de leerling (straat en huisnummer)',
      ),
      `, ${postcodeLine(s.homePostcode, s.homeMunicipality)}`,
    ])
    rows.push(['E-mail', s.email ?? 'niet opgegeven'])
    if (isMinorAtStart(d)) {
      const g = s.guardian
      const contact = [g?.phone, g?.email].filter((v): v is string => v != null).join(', ')
      rows.push([
        'Ouders of voogd',
        b.need(g?.name ?? null, 'naam en contact van de ouders of voogd (minderjarige leerling)'),
        ...(contact === '' ? [] : [` (${contact})`]),
      ])
    }
  }
  return rows
}

export function schoolRows(b: DocumentBuilder, d: DocumentData, role: string): Row[] {
  return [
    ['Naam', d.school.name],
    ['Instellingsnummer', d.school.instellingsnummer],
    [
      'Adres',
      b.need(d.school.street, 'adres van de school (straat en huisnummer)'),
      `, ${postcodeLine(d.school.postcode, d.school.municipality)}`,
    ],
    [role, b.need(coordinatorLine(d), `${role.toLowerCase()} van de school`)],
  ]
}

export function companyRows(b: DocumentBuilder, d: DocumentData): Row[] {
  return [
    ['Naam', d.company.name],
    ['Ondernemingsnummer', formatKbo(d.company.kboNumber)],
    ['Vertegenwoordiger', b.need(d.company.contactName, 'vertegenwoordiger van de stagegever')],
    ['E-mail', b.need(d.company.contactEmail, 'e-mail van de stagegever')],
    ['Telefoon', d.company.contactPhone ?? 'niet opgegeven'],
  ]
}

/** The workplace's address; `establishmentNumber` is mandatory for dual learning (erkenning). */
export function workplaceRows(
  b: DocumentBuilder,
  d: DocumentData,
  options: { establishmentNumberRequired: boolean },
): Row[] {
  const p = d.place
  const number =
    p.establishmentNumber !== null
      ? formatEstablishmentNumber(p.establishmentNumber)
      : options.establishmentNumberRequired
        ? b.need(null, 'vestigingseenheidsnummer van de werkplek')
        : 'niet opgegeven'
  return [
    [
      'Adres van de werkplek',
      b.need(streetLine(p.street, p.houseNumber), 'adres van de werkplek (straat en huisnummer)'),
      `, ${postcodeLine(p.postcode, p.municipality)}`,
    ],
    ['Vestigingseenheidsnummer', number],
  ]
}

export function mentorRows(b: DocumentBuilder, d: DocumentData): Row[] {
  const m = d.place.mentor
  return [
    ['Naam', b.need(m.name, 'naam van de mentor')],
    ['Functie', b.need(m.function, 'functie van de mentor')],
    ['E-mail', b.need(m.email, 'e-mail van de mentor')],
  ]
}

export function periodRows(d: DocumentData): Row[] {
  // The pupil's own stage, not the place's whole window (issue 15).
  const { period } = d.student
  const { hours } = d.place
  return [
    ['Periode', `van ${formatDate(period.start)} tot en met ${formatDate(period.end)}`],
    ['Dagelijkse uren', formatHours(hours.start, hours.end)],
    ['Ploegenwerk', hours.shiftWork ? 'ja' : 'nee'],
  ]
}
