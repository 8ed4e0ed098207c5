import type { ProposalKind } from '@stagebrug/matching-core'
import { count, escapeHtml, formatDate, formatScore, oneLine } from './format.js'
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

/** A coordinator's students after one night: the proposals with their reasons, or why there is none. */
export interface CoordinatorDigest {
  runId: string
  /** yyyy-mm-dd */
  runDate: string
  coordinator: { name: string | null; email: string }
  school: { name: string; instellingsnummer: string }
  students: CoordinatorStudent[]
  /** Link to the night's figures, if there is a page for them. */
  figuresUrl: string | null
}

export interface CoordinatorStudent {
  name: string
  className: string | null
  /** Programme name. */
  programme: string
  status: 'pinned' | 'matched' | 'unmatched'
  /** The placement first, then the alternatives. */
  proposals: CoordinatorProposal[]
  /** Why there is no proposal, as a Dutch sentence (for unmatched students). */
  unmatchedReason: string | null
}

export interface CoordinatorProposal {
  rank: number
  kind: ProposalKind
  companyName: string
  municipality: string
  postcode: string
  /** The place's contact person for schools, one line (name, phone, e-mail); absent when none. */
  contact?: string | null
  /** 0–100 */
  score: number
  /** Plain Dutch, e.g. "zelfde studierichting", "7 km van huis", "4 van 6 competenties". */
  reasons: string[]
}

const STATUS_NL: Record<CoordinatorStudent['status'], string> = {
  pinned: 'vastgelegd door de school',
  matched: 'voorstel',
  unmatched: 'geen voorstel',
}

const KIND_NL: Record<ProposalKind, string> = {
  pinned: 'Vastgelegd',
  allocated: 'Voorstel',
  alternative: 'Alternatief',
}

const NO_REASON = 'Er is geen reden opgegeven.'
/** Where the core's reason says what is missing at which places (see `explainMissing`). */
const MISSING = ' Wat ontbreekt: '

/** The reason split into its sentence and the places' missing recognitions or mentors, one per line. */
function unmatchedParts(reason: string | null): { why: string; missing: string[] } {
  const text = oneLine(reason ?? NO_REASON)
  const at = text.indexOf(MISSING)
  if (at === -1) return { why: text, missing: [] }
  const list = text.slice(at + MISSING.length).replace(/\.$/, '')
  return { why: text.slice(0, at), missing: list.split('; ').filter((x) => x.length > 0) }
}

/** The shortlist mail for one coordinator (trajectbegeleider), in Dutch, HTML and plain text. Pure. */
export function renderCoordinatorMail(d: CoordinatorDigest, footer: FooterInfo): RenderedMail {
  const date = formatDate(d.runDate)
  const subject = `${oneLine(footer.platformName)}: voorstellen voor ${count(d.students.length, 'leerling', 'leerlingen')} (${date})`
  const intro = introLines(d, date)
  return {
    subject,
    text: renderText(d, intro, footer),
    html: htmlDocument(subject, renderHtml(d, intro, footer)),
  }
}

function introLines(d: CoordinatorDigest, date: string): string[] {
  const n = { pinned: 0, matched: 0, unmatched: 0 }
  for (const s of d.students) n[s.status]++
  const school = `${oneLine(d.school.name)} (instellingsnummer ${oneLine(d.school.instellingsnummer)})`
  return [
    greeting(d.coordinator.name, 'trajectbegeleider'),
    `Dit zijn de voorstellen van de matching van ${date} voor ${count(d.students.length, 'leerling', 'leerlingen')} van ${school}.`,
    `Vastgelegd: ${n.pinned} · met voorstel: ${n.matched} · zonder voorstel: ${n.unmatched}.`,
  ]
}

function studentHeading(s: CoordinatorStudent): string {
  const cls = s.className ? `${oneLine(s.className)}, ` : ''
  return `${oneLine(s.name)} (${cls}${oneLine(s.programme)})`
}

function place(p: CoordinatorProposal): string {
  return `${oneLine(p.companyName)}, ${oneLine(p.postcode)} ${oneLine(p.municipality)}`
}

function companyWithContact(p: CoordinatorProposal): string {
  return p.contact ? `${oneLine(p.companyName)} (contact: ${oneLine(p.contact)})` : oneLine(p.companyName)
}

function reasons(p: CoordinatorProposal): string {
  return p.reasons.map(oneLine).join(', ')
}

function renderText(d: CoordinatorDigest, intro: string[], footer: FooterInfo): string {
  const out: string[] = [intro[0]!, '', intro[1]!, intro[2]!]
  d.students.forEach((s, i) => {
    out.push('', `${i + 1}. ${studentHeading(s)} — ${STATUS_NL[s.status]}`)
    if (s.status === 'unmatched' || s.proposals.length === 0) {
      const { why, missing } = unmatchedParts(s.unmatchedReason)
      out.push(`   Geen voorstel: ${why}`)
      if (missing.length > 0) out.push('   Wat ontbreekt:', ...missing.map((m) => `   - ${m}`))
    }
    for (const p of s.proposals) {
      out.push(`   ${p.rank}. ${KIND_NL[p.kind]}: ${place(p)} — score ${formatScore(p.score)}`)
      if (p.contact) out.push(`      Contactpersoon: ${oneLine(p.contact)}`)
      if (p.reasons.length > 0) out.push(`      ${reasons(p)}`)
    }
  })
  if (d.figuresUrl) out.push('', `De cijfers van deze matching: ${oneLine(d.figuresUrl)}`)
  out.push('', footerText(footer), '')
  return out.join('\n')
}

function renderHtml(d: CoordinatorDigest, intro: string[], footer: FooterInfo): string {
  const parts: string[] = [
    `<p>${escapeHtml(intro[0]!)}</p>`,
    `<p>${escapeHtml(intro[1]!)}<br>${escapeHtml(intro[2]!)}</p>`,
  ]
  for (const s of d.students) {
    parts.push(`<h2 style="${STYLE.h2}">${escapeHtml(studentHeading(s))}</h2>`)
    parts.push(`<p style="${STYLE.meta}">${escapeHtml(STATUS_NL[s.status])}</p>`)
    if (s.status === 'unmatched' || s.proposals.length === 0) {
      const { why, missing } = unmatchedParts(s.unmatchedReason)
      parts.push(`<p>Geen voorstel: ${escapeHtml(why)}</p>`)
      if (missing.length > 0) {
        const items = missing.map((m) => `<li>${escapeHtml(m)}</li>`).join('')
        parts.push(`<p>Wat ontbreekt:</p><ul>${items}</ul>`)
      }
    }
    if (s.proposals.length > 0) {
      const rows = s.proposals.map((p) => [
        escapeHtml(p.rank),
        escapeHtml(KIND_NL[p.kind]),
        escapeHtml(companyWithContact(p)),
        escapeHtml(`${oneLine(p.postcode)} ${oneLine(p.municipality)}`),
        escapeHtml(formatScore(p.score)),
        escapeHtml(reasons(p)),
      ])
      parts.push(htmlTable(['#', 'Soort', 'Bedrijf', 'Gemeente', 'Score', 'Waarom'], rows))
    }
  }
  if (d.figuresUrl) {
    const url = oneLine(d.figuresUrl)
    const link = /^https?:/i.test(url)
      ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`
      : escapeHtml(url)
    parts.push(`<p>De cijfers van deze matching: ${link}</p>`)
  }
  parts.push(footerHtml(footer))
  return parts.join('\n')
}
