import type { IsoDate, PlaceId } from './model.js'
import type { MissingAt, Proposal, UnmatchedCode, UnmatchedReason } from './result.js'
import type { RuleCode } from './rules/index.js'

/** Dutch (nl-BE) label of each hard rule, as a coordinator reads it. */
export const RULE_LABELS_NL: Readonly<Record<RuleCode, string>> = {
  no_capacity: 'geen vrije plaats meer',
  kind_mismatch: 'ander soort plaats (stage, duaal, job)',
  programme_mismatch: 'andere studierichting',
  too_far: 'te ver van huis',
  abroad_not_chosen: 'plaats in het buitenland, niet gekozen door de leerling',
  period_no_overlap: 'periode past niet',
  blocked_after_rejection: 'eerder afgewezen',
  grade_too_low: 'graad te laag (stage vanaf de 2de graad)',
  too_young: 'te jong op de startdatum',
  too_old_for_dual: 'te oud voor duaal leren',
  night_work_minor: 'nachtwerk niet toegelaten voor minderjarigen',
  driving_licence_required: 'rijbewijs vereist',
  work_readiness: 'past niet bij de arbeidsrijpheid',
  needs_inclusive_workplace: 'geen inclusieve werkplek',
  no_recognition: 'geen geldige erkenning voor deze studierichting',
  no_valid_mentor: 'geen geldige mentor',
}

/** Dutch (nl-BE) short label of each reason a student is unplaced, for tables and summaries. */
export const UNMATCHED_LABELS_NL: Readonly<Record<UnmatchedCode, string>> = {
  no_places_for_programme: 'geen plaatsen voor de studierichting',
  no_place_in_range: 'geen plaats binnen bereik',
  no_eligible_place: 'geen plaats die aan de regels voldoet',
  outranked: 'alle plaatsen naar hoger gerangschikte leerlingen',
}

/**
 * What kind of reason a proposal has, next to its Dutch text. The code is what a reader may see
 * decides on: a coordinator reads every text; a company gets only some codes, rendered for it
 * (`@stagebrug/company-view`), never the text. `other` is a reason stored before codes existed
 * that matched no known pattern; nobody but the school sees it.
 */
export type ReasonCode =
  | 'pin'
  | 'programme_exact'
  | 'programme_related'
  | 'recognition'
  | 'distance'
  | 'abroad'
  | 'competences'
  | 'wish'
  | 'company_preference'
  | 'priority'
  | 'other'

/** One reason of a proposal: its code and the Dutch text a coordinator reads. */
export interface Reason {
  readonly code: ReasonCode
  readonly text: string
}

/**
 * The reasons for a proposal, each a code and its plain Dutch text, e.g. "zelfde studierichting",
 * "7 km van huis", "4 van 6 competenties". The texts are for the school (they hold the exact
 * distance, the priority and the coordinator's free-text pin reason); companies see codes only.
 */
export function explainProposal(p: Proposal): readonly Reason[] {
  const f = p.breakdown.facts
  const reasons: Reason[] = []
  const add = (code: ReasonCode, text: string) => reasons.push({ code, text })
  if (p.kind === 'pinned')
    add('pin', `manueel geplaatst door de trajectbegeleider${p.pinReason ? `: ${p.pinReason}` : ''}`)
  if (f.programmeMatch === 'exact') add('programme_exact', 'zelfde studierichting')
  else if (f.programmeMatch !== 'none') add('programme_related', 'verwante studierichting')
  if (f.recognitionValidUntil)
    add('recognition', `erkende werkplek (geldig tot ${formatDate(f.recognitionValidUntil)})`)
  if (f.foreign) add('abroad', 'stageplaats in het buitenland (Erasmus+)')
  else add('distance', `${formatKm(f.distanceKm)} van ${f.fromSchool === true ? 'school' : 'huis'}`)
  if (f.competencesTotal > 0)
    add('competences', `${f.competencesCovered} van ${f.competencesTotal} competenties`)
  if (f.wishRank === 1) add('wish', 'eerste wens van de leerling')
  else if (f.wishRank !== null) add('wish', `wens ${f.wishRank} van de leerling`)
  if (f.preferredByCompany) add('company_preference', 'voorkeur van het bedrijf')
  if (p.priority) add('priority', 'voorrang als kwetsbare leerling')
  return reasons
}

/** The names a school needs to act on a missing recognition or mentor (resolved by the shell). */
export interface MissingNames {
  /** The student's programme, e.g. "Logistiek duaal". */
  readonly programme: string
  /** The company and municipality of a place; undefined when unknown. */
  readonly place: (
    id: PlaceId,
  ) => { readonly company: string; readonly municipality: string | null } | undefined
}

/**
 * Why a student has no place, in plain Dutch. With `names`, a `no_eligible_place` reason also says
 * what is missing at the nearest places that fail only for want of it, so the school can act:
 * "Wat ontbreekt: erkenning voor Logistiek duaal ontbreekt bij Logi NV (Gent, 4 km)."
 */
export function explainUnmatched(r: UnmatchedReason, maxTravelKm: number, names?: MissingNames): string {
  const base = explainCode(r, maxTravelKm)
  if (!names || r.missingAt.length === 0) return base
  return `${base} ${explainMissing(r.missingAt, names)}`
}

/** "Wat ontbreekt: …" for places that lack a recognition or a valid mentor; nearest first per rule. */
export function explainMissing(missing: readonly MissingAt[], names: MissingNames): string {
  const parts = missing.map((m) => {
    const n = names.place(m.place)
    const at = n
      ? `${n.company} (${n.municipality ? `${n.municipality}, ` : ''}${formatKm(m.distanceKm)})`
      : `een werkplek op ${formatKm(m.distanceKm)}`
    return m.code === 'no_recognition'
      ? `erkenning voor ${names.programme} ontbreekt bij ${at}`
      : `geen geldige mentor bij ${at}`
  })
  return `Wat ontbreekt: ${parts.join('; ')}.`
}

function explainCode(r: UnmatchedReason, maxTravelKm: number): string {
  switch (r.code) {
    case 'no_places_for_programme':
      return 'Er is nog geen enkele plaats voor deze studierichting (of een verwante) en dit soort traject.'
    case 'no_place_in_range':
      return `Geen plaats voor deze studierichting binnen ${formatKm(maxTravelKm)}; de dichtstbijzijnde ligt op ${formatKm(r.nearestKm ?? 0)}.`
    case 'no_eligible_place': {
      const top = r.failedRules
        .slice(0, 3)
        .map((f) => `${RULE_LABELS_NL[f.code]} (${f.places})`)
        .join(', ')
      return `Er zijn plaatsen binnen bereik, maar geen enkele voldoet aan de regels: ${top}.`
    }
    case 'outranked':
      return r.candidates === 1
        ? 'De enige geschikte plaats ging naar een leerling die hoger gerangschikt stond.'
        : `Alle ${r.candidates} geschikte plaatsen gingen naar leerlingen die hoger gerangschikt stonden.`
  }
}

/** `2031-08-31` → `31/08/2031`, as a Flemish reader writes a date. */
function formatDate(iso: IsoDate): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
}

// Built once: `toLocaleString` would build a formatter for every proposal explained.
const KM_NEAR = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 1 })
const KM_FAR = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 0 })

function formatKm(km: number): string {
  if (km < 1) return 'minder dan 1 km'
  return `${(km < 10 ? KM_NEAR : KM_FAR).format(km)} km`
}
