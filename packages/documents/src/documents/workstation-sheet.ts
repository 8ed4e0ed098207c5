import { isWorkplaceRiskCode, WORKPLACE_RISK_CODES, WORKPLACE_RISK_LABELS_NL } from '@stagebrug/matching-core'
import type { DocumentData } from '../data/document-data.js'
import { formatDate, formatKbo, yesNo } from '../format.js'
import { DocumentBuilder, type DocumentModel, FILL_IN, type Inline } from '../model/document.js'
import {
  coordinatorLine,
  fullName,
  isMinorAtStart,
  mentorRows,
  programmeLine,
  workplaceRows,
} from './parties.js'

/**
 * The werkpostfiche of an accepted proposal, from what the company registered: identification,
 * part A (the work), part B (the risk checklist), health surveillance, signatures (domain.md §3.2,
 * §9.6). A risk list that was never registered is a blank, not an empty checklist: an unticked
 * list would read as "no risks".
 */
export function buildWorkstationSheet(d: DocumentData): DocumentModel {
  const b = new DocumentBuilder()
  const p = d.place
  b.paragraph(
    'De werkpostfiche informeert de stagiair over de risico’s van de werkpost en de maatregelen ertegen. ',
    'De stagegever vult ze in op basis van de risicoanalyse, vóór het begin van de stage; de arbeidsgeneesheer ',
    'tekent ze bij het gezondheidstoezicht.',
  )

  b.heading('Identificatie').fields([
    ['School', d.school.name],
    ['Stagecoördinator', b.need(coordinatorLine(d), 'stagecoördinator van de school')],
    ['Stageplaats voor', programmeLine(d)],
    ['Stagiair', fullName(d)],
    ['Minderjarig bij de start', yesNo(isMinorAtStart(d))],
    ['Stagegever', `${d.company.name} (${formatKbo(d.company.kboNumber)})`],
    ['Verantwoordelijke', b.need(d.company.contactName, 'verantwoordelijke van de stagegever')],
    ...workplaceRows(b, d, { establishmentNumberRequired: false }),
    ['Werkpost', b.need(p.workstation, 'werkpost (naam of functie)')],
    ['Periode', `van ${formatDate(p.period.start)} tot en met ${formatDate(p.period.end)}`],
    ['Datum van uitgifte', formatDate(d.issuedOn)],
  ])
  b.heading('Mentor').fields(mentorRows(b, d))

  b.heading('Deel A — Beschrijving van het werk').fields([
    ['Activiteiten', b.need(p.activities, 'activiteitenlijst (activiteiten)')],
    [
      'Werk met verhoogd risico (bijlage X.3-1 van de Codex)',
      b.need(p.increasedRisk === null ? null : yesNo(p.increasedRisk), 'werk met verhoogd risico (ja/nee)'),
    ],
    ['Preventiemaatregelen en PBM', b.need(p.protectiveMeasures, 'beschermingsmaatregelen en PBM')],
    ['Uren', `${p.hours.start} tot ${p.hours.end}${p.hours.shiftWork ? ', ploegenwerk' : ''}`],
    [
      'Resultaat van de risicoanalyse',
      'zie de risicoanalyse van de stagegever (bijlage bij de overeenkomst)',
    ],
  ])
  if (p.increasedRisk === true) {
    b.notice(
      'Werk uit bijlage X.3-1 is voor stagiairs verboden, tenzij het nodig is voor hun opleiding en gebeurt ',
      'onder doeltreffende preventiemaatregelen en toezicht.',
    )
  }

  b.heading('Deel B — Risico’s')
  riskChecklist(b, p.risks)

  const needed = p.healthSurveillance
  b.heading('Gezondheidstoezicht').fields([
    [
      'Gezondheidstoezicht nodig',
      b.need(needed === null ? null : yesNo(needed), 'gezondheidstoezicht (ja/nee)'),
    ],
    [
      'Soort (en vaccinaties)',
      needed === true ? b.need(p.healthSurveillanceType, 'soort gezondheidstoezicht') : 'niet van toepassing',
    ],
  ])
  if (needed !== false) {
    b.paragraph('Beslissing van de arbeidsgeneesheer (in te vullen bij het onderzoek):').fields([
      ['Beslissing', ...fillIn()],
      ['Datum', FILL_IN],
    ])
  }

  b.heading('Herziening').paragraph(
    'De stagegever herziet de risicoanalyse en deze fiche minstens elk jaar en na elke belangrijke wijziging ',
    'van de werkpost. Volgende herziening uiterlijk op ',
    FILL_IN,
    '.',
  )
  b.heading('Ondertekening').signatures(
    ['De stagegever', 'De stagiair', ...(needed === false ? [] : ['De arbeidsgeneesheer'])],
    ['Voor ontvangst en kennisname, op ', FILL_IN, '.'],
  )

  return b.build({
    kind: 'workstation-sheet',
    title: 'Werkpostfiche',
    subtitle: `${fullName(d)} bij ${d.company.name}`,
    issuedOn: d.issuedOn,
  })
}

const fillIn = (): Inline[] => ['geschikt / niet geschikt / geschikt met maatregelen: ', FILL_IN]

function riskChecklist(b: DocumentBuilder, risks: readonly string[] | null): void {
  if (risks === null) {
    b.fields([["Risico's", b.need(null, "risico's (deel B)")]])
    return
  }
  const registered = new Set(risks)
  b.paragraph(
    risks.length === 0
      ? 'De stagegever duidde geen van deze risico’s aan.'
      : 'Aangekruist: de risico’s die de stagegever voor deze werkpost registreerde.',
  )
  b.checklist([
    ...WORKPLACE_RISK_CODES.map((code) => ({
      label: WORKPLACE_RISK_LABELS_NL[code],
      checked: registered.has(code),
    })),
    // A code of a newer checklist than this one: still printed, by its code.
    ...risks.filter((code) => !isWorkplaceRiskCode(code)).map((code) => ({ label: code, checked: true })),
  ])
}
