import type { CompetenceRef, DocumentData } from '../data/document-data.js'
import { formatDate } from '../format.js'
import { DocumentBuilder, type DocumentModel } from '../model/document.js'
import { coordinatorLine, fullName, periodRows, programmeLine } from './parties.js'

/** Which of the student's competences the workplace teaches, and which it does not. */
export interface TrainingPlanSplit {
  /** The place's competences ∩ the student's (opleidingsplan goals): learned at the workplace. */
  readonly atWorkplace: readonly CompetenceRef[]
  /** The student's competences the place does not offer: at school or elsewhere. */
  readonly elsewhere: readonly CompetenceRef[]
  /** What the place offers beyond the student's list. */
  readonly alsoOffered: readonly CompetenceRef[]
}

export function splitCompetences(d: DocumentData): TrainingPlanSplit {
  const placeIds = new Set(d.place.competences.map((c) => c.id))
  const studentIds = new Set(d.student.competences.map((c) => c.id))
  return {
    atWorkplace: d.student.competences.filter((c) => placeIds.has(c.id)),
    elsewhere: d.student.competences.filter((c) => !placeIds.has(c.id)),
    alsoOffered: d.place.competences.filter((c) => !studentIds.has(c.id)),
  }
}

const rows = (list: readonly CompetenceRef[]) => list.map((c) => [c.code, c.text])
const HEAD = ['Code', 'Competentie']

/**
 * The training plan extract: the competences learned at the workplace (the place's competences ∩
 * the student's), and the rest of the student's list (domain.md §3.3). Not the full opleidingsplan:
 * starting level, planning and evaluation moments are the trajectbegeleider's work.
 */
export function buildTrainingPlan(d: DocumentData): DocumentModel {
  const b = new DocumentBuilder()
  b.paragraph(
    'Dit uittreksel uit het opleidingsplan toont welke competenties de leerling op deze werkplek verwerft. ',
    'Het volledige opleidingsplan (beginsituatie, planning en evaluatiemomenten) maakt de trajectbegeleider of ',
    'stagecoördinator samen met de leerling en de onderneming.',
  )
  b.heading('Identificatie').fields([
    ['Leerling', fullName(d)],
    ['Studierichting', programmeLine(d)],
    ['School', d.school.name],
    [
      'Trajectbegeleider of stagecoördinator',
      b.need(coordinatorLine(d), 'trajectbegeleider of stagecoördinator'),
    ],
    ['Onderneming', d.company.name],
    ['Werkpost', d.place.workstation ?? 'niet opgegeven'],
    ['Mentor', b.need(d.place.mentor.name, 'naam van de mentor')],
    ...periodRows(d).slice(0, 1),
  ])

  const split = splitCompetences(d)
  const studentKnown = d.student.competences.length > 0
  const placeKnown = d.place.competences.length > 0
  const studentBlank = () => b.need(null, 'competenties van de leerling (opleidingsplan)')
  const placeBlank = () => b.need(null, 'competenties van de werkplek')

  b.heading('Op de werkplek te verwerven competenties').table(
    HEAD,
    rows(split.atWorkplace),
    !studentKnown
      ? [studentBlank()]
      : !placeKnown
        ? [placeBlank()]
        : ['Geen: de werkplek registreerde geen van de competenties uit het opleidingsplan van de leerling.'],
  )
  b.heading('Competenties van de leerling die niet op deze werkplek worden verworven').table(
    HEAD,
    rows(split.elsewhere),
    !studentKnown ? [studentBlank()] : ['Geen: de werkplek biedt alle competenties van de leerling aan.'],
  )
  b.heading('Andere competenties die de werkplek aanbiedt').table(
    HEAD,
    rows(split.alsoOffered),
    !placeKnown ? [placeBlank()] : ['Geen.'],
  )
  b.paragraph(
    'Evaluatie: de mentor beoordeelt de competenties op de afgesproken momenten; de klassenraad beslist ',
    'of ze verworven zijn.',
  )

  return b.build({
    kind: 'training-plan',
    title: 'Opleidingsplan — uittreksel',
    subtitle: `${fullName(d)} bij ${d.company.name}, ${formatDate(d.place.period.start)} tot ${formatDate(d.place.period.end)}`,
    issuedOn: d.issuedOn,
  })
}
