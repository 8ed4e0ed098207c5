import type { DocumentData } from '../data/document-data.js'
import { DocumentError } from '../errors.js'
import { formatDate, yesNo } from '../format.js'
import { DocumentBuilder, type DocumentModel, FILL_IN, type Inline } from '../model/document.js'
import {
  companyRows,
  fullName,
  isMinorAtStart,
  mentorRows,
  periodRows,
  schoolRows,
  studentRows,
  workplaceRows,
} from './parties.js'
import { schoolYear } from './school-year.js'

/**
 * The agreement of an accepted proposal: a leerlingenstageovereenkomst for an internship (or an
 * aanloopfase workplace), and for dual learning only the data the agreement needs, because that
 * contract is made on the government's platform (domain.md §3.1, §3.3, §9.4, §9.5). Throws
 * DocumentError `NOT_APPLICABLE` for a job: that is an employment contract, not ours to draw up.
 */
export function buildAgreement(d: DocumentData): DocumentModel {
  if (d.place.kind === 'job') {
    throw new DocumentError(
      'NOT_APPLICABLE',
      'Voor een job maakt de werkgever een arbeidsovereenkomst; Stagebrug maakt daarvoor geen stageovereenkomst',
      'For a job the employer makes an employment contract; Stagebrug makes no internship agreement for it',
    )
  }
  return d.place.kind === 'dual' ? dualAgreementData(d) : internshipAgreement(d)
}

function subtitle(d: DocumentData): string {
  return `Schooljaar ${schoolYear(d.place.period.start)} · ${fullName(d)} bij ${d.company.name}`
}

function internshipAgreement(d: DocumentData): DocumentModel {
  const b = new DocumentBuilder()
  const minor = isMinorAtStart(d)
  b.paragraph(
    'Deze overeenkomst wordt gesloten tussen de onderwijsinstelling, de stagegever en de leerling-stagiair',
    minor ? ' en, omdat de leerling minderjarig is, diens ouders of voogd. ' : '. ',
    'Ze geldt voor één leerling en één schooljaar. Elke partij ondertekent ze vóór het begin van de stage; ',
    'er zijn drie exemplaren, één voor elke partij. Zonder ondertekende overeenkomst begint de leerling niet aan de stage.',
  )

  b.heading('1. De onderwijsinstelling').fields([
    ...schoolRows(b, d, 'Stagecoördinator'),
    ['Directeur of afgevaardigde', b.need(d.school.director, 'directeur of afgevaardigde van de school')],
    ['Stagebegeleider', b.need(d.school.supervisor, 'stagebegeleider (leerkracht)')],
  ])
  b.heading('2. De stagegever').fields([
    ...companyRows(b, d),
    [
      'Maatschappelijke zetel',
      b.need(d.company.seat, 'adres van de maatschappelijke zetel van de stagegever'),
    ],
    ...workplaceRows(b, d, { establishmentNumberRequired: false }),
  ])
  b.heading('3. De mentor op de werkplek').fields(mentorRows(b, d))
  b.heading('4. De leerling-stagiair').fields(studentRows(b, d, { address: true }))

  b.heading('Artikel 1 — Periode en uren').fields([
    ...periodRows(d),
    ['Stagedagen', b.unknown('stagedagen (weekdagen)')],
  ])
  b.paragraph(
    'De stage duurt, lesuren inbegrepen, ten hoogste 8 uur per dag en 40 uur per week (in sommige sectoren 38 uur). ',
    'Een leerling jonger dan 18 jaar krijgt na 4,5 uur een pauze van minstens 30 minuten. ',
    'Overuren zijn alleen toegestaan bij overmacht, met inhaalrust.',
  )

  b.heading('Artikel 2 — Statuut van de leerling').paragraph(
    'De stage is geen arbeidsovereenkomst en geen studentenarbeid: er is geen arbeidsrelatie en de leerling krijgt geen loon. ',
    'Een vergoeding van onkosten (meestal voor verplaatsingen) is mogelijk. ',
    'Voor de arbeidswet, de feestdagenwet, het arbeidsreglement, de sociale documenten, de collectieve arbeidsovereenkomsten ',
    'en de welzijnswet wordt de leerling gelijkgesteld met een werknemer.',
  )

  b.heading('Artikel 3 — Activiteiten')
    .fields([
      ['Werkpost', b.need(d.place.workstation, 'werkpost (naam of functie)')],
      ['Activiteiten', b.need(d.place.activities, 'activiteitenlijst (activiteiten)')],
    ])
    .paragraph(
      'De activiteitenlijst met de toegelaten en de verboden taken is een bijlage bij deze overeenkomst.',
    )

  b.heading('Artikel 4 — Welzijn en gezondheid').paragraph(
    'De stagegever voert vóór het begin van de stage een risicoanalyse uit en vult de werkpostfiche in; ',
    'beide zijn bijlagen bij deze overeenkomst.',
  )
  healthSurveillance(b, d)

  b.heading('Artikel 5 — Verzekering')
    .paragraph(
      'De leerling is tijdens de stage en op de weg van en naar de stageplaats verzekerd via de polissen van de school ',
      '(arbeidsongevallen en burgerlijke aansprakelijkheid).',
    )
    .fields([
      ['Verzekeraar en polisnummer', b.need(d.school.insurance, 'verzekeraar en polisnummer van de school')],
    ])

  b.heading('Artikel 6 — Afwezigheid en inhaalstage').paragraph(
    'Bij afwezigheid verwittigt de leerling vóór het begin van de stagedag de stagegever, de school en de stagebegeleider. ',
    'Gemiste stagedagen worden ingehaald volgens het stagereglement van de school.',
  )
  b.heading('Artikel 7 — Vertrouwelijkheid').paragraph(
    'De stagegever en de mentor gebruiken de gegevens van de leerling alleen om deze overeenkomst uit te voeren ',
    'en houden ze vertrouwelijk. De leerling bewaart de discretie over wat hij of zij tijdens de stage verneemt.',
  )
  b.heading('Artikel 8 — Stagereglement en beëindiging').paragraph(
    'Het stagereglement van de school maakt deel uit van deze overeenkomst. ',
    'Elke partij kan de stage om ernstige redenen beëindigen, na overleg met de andere partijen.',
  )

  b.heading('Bijlagen').list([
    ['Activiteitenlijst (toegelaten en verboden taken)'],
    ['Risicoanalyse van de stagegever'],
    ['Werkpostfiche'],
    ['Formulier voor de voorafgaande gezondheidsbeoordeling (alleen bij gezondheidstoezicht)'],
    ['Addendum inhaalstage (indien van toepassing)'],
  ])

  b.heading('Ondertekening').signatures(
    [
      'Voor de onderwijsinstelling',
      'Voor de stagegever',
      'De leerling-stagiair',
      ...(minor ? ['Ouder of voogd'] : []),
    ],
    ['Opgemaakt in drie exemplaren te ', FILL_IN, ' op ', FILL_IN, ', vóór het begin van de stage.'],
  )

  return b.build({
    kind: 'agreement',
    title: 'Leerlingenstageovereenkomst',
    subtitle: subtitle(d),
    issuedOn: d.issuedOn,
  })
}

function healthSurveillance(b: DocumentBuilder, d: DocumentData): void {
  const needed = d.place.healthSurveillance
  const rows: [string, Inline][] = [
    [
      'Gezondheidstoezicht nodig',
      b.need(needed === null ? null : yesNo(needed), 'gezondheidstoezicht (ja/nee)'),
    ],
  ]
  if (needed === true)
    rows.push([
      'Soort gezondheidstoezicht',
      b.need(d.place.healthSurveillanceType, 'soort gezondheidstoezicht'),
    ])
  b.fields(rows)
  if (needed === false) return
  b.paragraph(
    'Een leerling die een voorafgaande gezondheidsbeoordeling nodig heeft, begint pas na een gunstige beslissing ',
    'van de arbeidsgeneesheer. Het gezondheidstoezicht wordt georganiseerd en betaald door (aankruisen):',
  ).checklist([
    {
      label: 'de stagegever, via de eigen externe dienst voor preventie en bescherming op het werk',
      checked: false,
    },
    { label: 'de school, via haar externe dienst voor preventie en bescherming op het werk', checked: false },
  ])
}

function dualAgreementData(d: DocumentData): DocumentModel {
  const b = new DocumentBuilder()
  b.notice(
    'Dit is geen overeenkomst. De overeenkomst voor duaal leren wordt opgemaakt en ondertekend op het platform van de overheid; ',
    'Stagebrug maakt ze niet en dit blad vervangt ze niet. Dit blad bundelt de gegevens die Stagebrug kent, ',
    'zodat de trajectbegeleider ze daar kan invullen. De leerling moet binnen 20 opleidingsdagen na het begin ',
    'van de lessen een overeenkomst hebben.',
  )

  b.heading('1. Soort overeenkomst')
    .fields([['Type', b.unknown('type overeenkomst (OAO, SAO of DA)')]])
    .paragraph(
      'Het type (overeenkomst alternerende opleiding, stageovereenkomst alternerende opleiding of deeltijdse ',
      'arbeidsovereenkomst) ligt vast per opleiding: school, leerling en onderneming kiezen het niet.',
    )
  b.heading('2. De leerling').fields(studentRows(b, d, { address: true }))
  b.heading('3. De school').fields(schoolRows(b, d, 'Trajectbegeleider'))

  const recognition = d.place.recognition
  b.heading('4. De onderneming en de werkplek').fields([
    ...companyRows(b, d),
    ...workplaceRows(b, d, { establishmentNumberRequired: true }),
    [
      'Erkenning voor deze studierichting',
      recognition === null
        ? b.need(null, 'erkenning van de werkplek voor deze studierichting')
        : `geldig van ${formatDate(recognition.validFrom)} tot ${formatDate(recognition.validTo)}`,
    ],
  ])

  const m = d.place.mentor
  b.heading('5. De mentor').fields([
    ...mentorRows(b, d),
    [
      'Mentoropleiding',
      m.trainingCompleted === true
        ? 'gevolgd'
        : m.trainingCompleted === false
          ? m.trainingDeadline === null
            ? 'nog te volgen'
            : `nog te volgen, uiterlijk op ${formatDate(m.trainingDeadline)}`
          : b.need(null, 'mentoropleiding (gevolgd, of uiterlijk wanneer)'),
    ],
  ])

  b.heading('6. Periode en uren')
    .fields([
      ...periodRows(d),
      ['Weekrooster', b.unknown('weekrooster (dagen op school en op de werkplek)')],
      ['Gemiddelde uren per week op de werkplek', b.unknown('gemiddeld aantal uren per week op de werkplek')],
    ])
    .paragraph(
      'Op de werkplek wordt alleen gewerkt tussen 06:00 en 20:00 uur; school- en werkuren samen blijven binnen ',
      'het weekmaximum van het paritair comité.',
    )

  b.heading('7. Opleidingsplan').paragraph(
    'Het opleidingsplan is een bijlage bij de overeenkomst. Welke competenties op de werkplek worden aangeleerd, ',
    'staat in het uittreksel uit het opleidingsplan (een apart document van Stagebrug).',
  )

  return b.build({
    kind: 'agreement',
    title: 'Gegevens voor de overeenkomst duaal leren',
    subtitle: subtitle(d),
    issuedOn: d.issuedOn,
  })
}
