import { CANDIDATE_CODE, CANDIDATE_KIND_NL, type CompanyCandidate } from '@stagebrug/company-view'
import type { PlaceKind } from '@stagebrug/matching-core'
import { count, escapeHtml, formatDate, formatGrade, formatPeriod, oneLine } from './format.js'
import {
  type FooterInfo,
  footerHtml,
  footerText,
  greeting,
  htmlDocument,
  htmlTable,
  type RenderedMail,
  STYLE,
} from './layout.js'

/**
 * A company contact's places after one night, with pseudonymised candidates (domain.md §5.1, the
 * shortlist tier): each candidate is exactly what `companyCandidate` (@stagebrug/company-view) lets
 * a company see — no name, birth date, address, exact distance, score, priority or school text.
 */
export interface CompanyDigest {
  runId: string
  /** yyyy-mm-dd */
  runDate: string
  contact: { name: string | null; email: string }
  company: { name: string; kboNumber: string }
  places: CompanyPlace[]
}

export interface CompanyPlace {
  /** e.g. "Leerwerkplek Elektriciteit — Geel" */
  label: string
  kind: PlaceKind
  period: { start: string; end: string }
  seats: number
  candidates: CompanyCandidate[]
}

export type { CompanyCandidate }

/**
 * What a candidate code must look like (from company-view): "K-" and 12 Crockford base32
 * characters. A name or an e-mail address passed by mistake fails it, and the mail is not rendered.
 */
export { CANDIDATE_CODE }

const PLACE_KIND_NL: Record<PlaceKind, string> = {
  internship: 'stage',
  dual: 'duaal leren',
  job: 'job',
  aanloopfase: 'aanloopfase',
}

/**
 * The shortlist mail for one company contact, in Dutch, HTML and plain text. Pure. Renders only
 * the fields of the digest type, never spreads an object. Throws if a candidate code is not a
 * pseudonym (see CANDIDATE_CODE).
 */
export function renderCompanyMail(d: CompanyDigest, footer: FooterInfo): RenderedMail {
  for (const p of d.places) {
    for (const c of p.candidates) {
      if (!CANDIDATE_CODE.test(c.code))
        throw new Error(`Not a candidate pseudonym: ${JSON.stringify(c.code)}`)
    }
  }
  const date = formatDate(d.runDate)
  const candidates = d.places.reduce((n, p) => n + p.candidates.length, 0)
  const subject =
    `${oneLine(footer.platformName)}: ${count(candidates, 'kandidaat', 'kandidaten')} voor ` +
    `${count(d.places.length, 'plaats', 'plaatsen')} (${date})`
  const intro = [
    greeting(d.contact.name, 'contactpersoon'),
    `De matching van ${date} stelt ${count(candidates, 'kandidaat', 'kandidaten')} voor bij ` +
      `${count(d.places.length, 'plaats', 'plaatsen')} van ${oneLine(d.company.name)} (KBO ${oneLine(d.company.kboNumber)}).`,
    'De kandidaten zijn gepseudonimiseerd: u ziet hun naam en contactgegevens pas wanneer de school ze vrijgeeft.',
  ]
  return {
    subject,
    text: renderText(d, intro, footer),
    html: htmlDocument(subject, renderHtml(d, intro, footer)),
  }
}

function placeMeta(p: CompanyPlace): string {
  return `${PLACE_KIND_NL[p.kind]} · ${formatPeriod(p.period)} · ${count(p.seats, 'plaats', 'plaatsen')}`
}

/** The candidate's fields as (label, value) lines, in a fixed order; absent values are left out. */
function candidateFields(c: CompanyCandidate): [string, string][] {
  const programme =
    c.grade === null ? oneLine(c.programme) : `${oneLine(c.programme)}, ${formatGrade(c.grade)}`
  const fields: [string, string][] = [['Opleiding', programme]]
  if (c.competences.length > 0) fields.push(['Competenties', c.competences.map(oneLine).join(', ')])
  fields.push(['Beschikbaar', c.availability ? formatPeriod(c.availability) : 'niet opgegeven'])
  fields.push(['Reisafstand', oneLine(c.travelBand)])
  fields.push(['Leeftijd', c.ageFlags.length > 0 ? c.ageFlags.map(oneLine).join(', ') : 'jonger dan 15'])
  if (c.drivingLicence !== null) fields.push(['Rijbewijs', c.drivingLicence ? 'ja' : 'nee'])
  if (c.reasons.length > 0) fields.push(['Waarom', c.reasons.map(oneLine).join(', ')])
  return fields
}

function renderText(d: CompanyDigest, intro: string[], footer: FooterInfo): string {
  const out: string[] = [intro[0]!, '', intro[1]!, intro[2]!]
  for (const p of d.places) {
    out.push(
      '',
      `${oneLine(p.label)}`,
      `${placeMeta(p)} · ${count(p.candidates.length, 'kandidaat', 'kandidaten')}`,
    )
    if (p.candidates.length === 0) out.push('  Geen kandidaten deze keer.')
    for (const c of p.candidates) {
      out.push(`  ${c.code} — ${CANDIDATE_KIND_NL[c.kind]}`)
      for (const [label, value] of candidateFields(c)) out.push(`    ${label}: ${value}`)
    }
  }
  out.push('', footerText(footer), '')
  return out.join('\n')
}

function renderHtml(d: CompanyDigest, intro: string[], footer: FooterInfo): string {
  const parts: string[] = [
    `<p>${escapeHtml(intro[0]!)}</p>`,
    `<p>${escapeHtml(intro[1]!)}<br>${escapeHtml(intro[2]!)}</p>`,
  ]
  for (const p of d.places) {
    parts.push(`<h2 style="${STYLE.h2}">${escapeHtml(oneLine(p.label))}</h2>`)
    parts.push(
      `<p style="${STYLE.meta}">${escapeHtml(`${placeMeta(p)} · ${count(p.candidates.length, 'kandidaat', 'kandidaten')}`)}</p>`,
    )
    if (p.candidates.length === 0) {
      parts.push('<p>Geen kandidaten deze keer.</p>')
      continue
    }
    const rows = p.candidates.map((c) => [
      `<strong>${escapeHtml(c.code)}</strong><br>${escapeHtml(CANDIDATE_KIND_NL[c.kind])}`,
      candidateFields(c)
        .map(([label, value]) => `${escapeHtml(label)}: ${escapeHtml(value)}`)
        .join('<br>'),
    ])
    parts.push(htmlTable(['Kandidaat', 'Profiel'], rows))
  }
  parts.push(footerHtml(footer))
  return parts.join('\n')
}
