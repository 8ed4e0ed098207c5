import type { ProposalKind, Reason, ReasonCode, ScoreBreakdown } from '@stagebrug/matching-core'
import { ageFlags, travelBand } from './bands.js'
import { candidateCode } from './candidate-code.js'

/** How a company reads the kind of a candidate. A pin is the school's proposal; its reason is not shown. */
export const CANDIDATE_KIND_NL: Readonly<Record<CompanyCandidate['kind'], string>> = {
  pinned: 'voorgesteld door de school',
  allocated: 'voorgesteld',
  reserve: 'reserve',
}

type Facts = ScoreBreakdown['facts']

/**
 * The reasons a company may read, by code — THE allow-list. Each renders from the code and the
 * stored facts only, never from the school's text. A code missing here (`distance`: the travel band
 * is shown instead; `priority`: vulnerability is not the company's business; `other`: unknown text)
 * is never shown, and neither is any code added later until someone adds it here on purpose.
 */
const FOR_COMPANIES: Partial<Record<ReasonCode, (f: Facts) => string>> = {
  pin: () => 'voorgesteld door de school',
  programme_exact: () => 'zelfde studierichting',
  programme_related: () => 'verwante studierichting',
  // The company's own recognition (erkenning), which it entered itself: nothing about the pupil.
  recognition: (f) =>
    f.recognitionValidUntil
      ? `erkende werkplek (geldig tot ${dayMonthYear(f.recognitionValidUntil)})`
      : 'erkende werkplek',
  abroad: () => 'stageplaats in het buitenland (Erasmus+)',
  competences: (f) => `${f.competencesCovered} van ${f.competencesTotal} gevraagde competenties`,
  wish: (f) => (f.wishRank === 1 ? 'eerste wens van de leerling' : 'een wens van de leerling'),
  company_preference: () => 'voorkeur van uw bedrijf',
}

/** `2031-08-31` → `31/08/2031`. */
function dayMonthYear(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
}

/** The codes a company may see, for the documentation and tests. */
export const COMPANY_REASON_CODES: readonly ReasonCode[] = Object.keys(FOR_COMPANIES) as ReasonCode[]

/** A proposal's reasons rendered for a company: allowed codes only, each once, in the stored order. */
export function companyReasons(reasons: readonly Reason[], facts: Facts): string[] {
  const out: string[] = []
  for (const r of reasons) {
    const render = FOR_COMPANIES[r.code]
    if (!render) continue
    const text = render(facts)
    if (!out.includes(text)) out.push(text)
  }
  return out
}

/** Everything the company view is computed from; most of it is NOT passed on (see CompanyCandidate). */
export interface CandidateSource {
  /** The server secret (see candidateCode). */
  readonly secret: Uint8Array
  readonly companyId: string
  readonly studentId: string
  /** The run's date (yyyy-mm-dd): it picks the school year of the code. */
  readonly runDate: string
  readonly kind: ProposalKind
  readonly reasons: readonly Reason[]
  readonly breakdown: ScoreBreakdown
  readonly student: {
    readonly programme: string
    readonly grade: number | null
    readonly competences: readonly string[]
    readonly availability: { readonly start: string; readonly end: string } | null
    /** Only to derive the age flags. */
    readonly birthDate: string
    readonly drivingLicence: boolean
  }
  readonly place: { readonly periodStart: string; readonly needsDrivingLicence: boolean }
}

/**
 * What a company sees of a candidate (domain.md §5.1), and nothing else: no name, birth date,
 * address, exact distance, score, priority, needs or text written by the school. The company mail
 * and the company API both render this.
 */
export interface CompanyCandidate {
  /** Pseudonym such as "K-7F3A2C9QK4MD" (see CANDIDATE_CODE). */
  code: string
  programme: string
  /** Graad 1–3. */
  grade: number | null
  competences: string[]
  availability: { start: string; end: string } | null
  /** e.g. "5–10 km". */
  travelBand: string
  /** e.g. ["≥15", "≥16"]. */
  ageFlags: string[]
  /** Only when the place asks for it; null otherwise. */
  drivingLicence: boolean | null
  kind: 'pinned' | 'allocated' | 'reserve'
  /** Plain Dutch, rendered from the allowed reason codes. */
  reasons: string[]
}

/** The company view of one proposal: an allow-list, every field written out (nothing is spread). */
export function companyCandidate(s: CandidateSource): CompanyCandidate {
  const facts = s.breakdown.facts
  return {
    code: candidateCode(s.secret, s.companyId, s.studentId, s.runDate),
    programme: s.student.programme,
    grade: s.student.grade,
    competences: [...s.student.competences],
    availability: s.student.availability
      ? { start: s.student.availability.start, end: s.student.availability.end }
      : null,
    travelBand: travelBand(facts.distanceKm),
    ageFlags: ageFlags(s.student.birthDate, s.place.periodStart),
    drivingLicence: s.place.needsDrivingLicence ? s.student.drivingLicence : null,
    kind: s.kind === 'alternative' ? 'reserve' : s.kind,
    reasons: companyReasons(s.reasons, facts),
  }
}
