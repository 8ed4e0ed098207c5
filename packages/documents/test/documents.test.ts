import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSeededDb } from '../../../test/support/databases.js'
import {
  type DocumentData,
  DocumentError,
  loadDocumentData,
  renderAgreementHtml,
  renderAgreementPdf,
  renderTrainingPlanHtml,
  renderTrainingPlanPdf,
  renderWorkstationSheetHtml,
  renderWorkstationSheetPdf,
} from '../src/index.js'
import { line, pdfText } from './support/pdf-text.js'
import { type ScenarioOptions, seedScenario, TODAY } from './support/scenario.js'

const BLANK = '……………… (ontbreekt)'
const blanks = (text: string) => text.split(BLANK).length - 1

describe('the documents of an accepted proposal (PostgreSQL, PDF text field by field)', () => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  beforeAll(async () => {
    handle = await openSeededDb('postgres')
  })
  afterAll(() => handle?.close())

  const load = async (options: ScenarioOptions = {}): Promise<DocumentData> => {
    const { proposalId } = await seedScenario(handle.db, options)
    return loadDocumentData(handle.db, proposalId, { today: TODAY })
  }

  it('the internship agreement names every party, the period, the hours and the mentor', async () => {
    const { pdf, missing } = await renderAgreementPdf(await load())
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const text = await pdfText(pdf)
    expect(text.split('\n')[0]).toBe('Leerlingenstageovereenkomst')
    expect(text).toContain('Schooljaar 2026-2027 · Zoë Peeters-Çelik bij Logistiek Kempen NV')
    expect(text).toContain('Opgemaakt door Stagebrug op 11/01/2027')
    const fields = {
      Instellingsnummer: expect.stringMatching(/^Instellingsnummer 1\d{5}$/),
      Stagecoördinator: 'Stagecoördinator Sofie Dierckx (sofie.dierckx@atheneumgeel.test)',
      Ondernemingsnummer: expect.stringMatching(/^Ondernemingsnummer 0403\.\d{3}\.\d{3}$/),
      Vertegenwoordiger: 'Vertegenwoordiger An Janssens',
      'Adres van de werkplek': 'Adres van de werkplek Kleinhoefstraat 4, 2440 Geel',
      Vestigingseenheidsnummer: 'Vestigingseenheidsnummer 2.147.812.701',
      Functie: 'Functie Magazijnverantwoordelijke',
      'Naam en voornaam': 'Naam en voornaam Peeters-Çelik Zoë',
      Geboortedatum: 'Geboortedatum 14/05/2008',
      Studierichting: 'Studierichting Logistiek (structuuronderdeel 540, graad 3)',
      Klas: 'Klas 6LOG',
      Periode: 'Periode van 01/02/2027 tot en met 26/03/2027',
      'Dagelijkse uren': 'Dagelijkse uren 08:00 tot 16:30',
      Ploegenwerk: 'Ploegenwerk nee',
      Werkpost: 'Werkpost Magazijnmedewerker orderpicking',
      'Gezondheidstoezicht nodig': 'Gezondheidstoezicht nodig nee',
    }
    for (const [label, expected] of Object.entries(fields)) expect(line(text, label)).toEqual(expected)
    expect(text).toContain('Naam Noël Vermeulen')
    expect(text).toContain('E-mail noel.vermeulen@logistiekkempen.test')
    expect(line(text, 'Adres')).toBe(`Adres ${BLANK}, 2440 Geel`)
    expect(text).toContain(`Adres ${BLANK}, 2400 Mol`)
    expect(text).not.toContain('Ouder of voogd')
    expect(missing).toEqual([
      'adres van de school (straat en huisnummer)',
      'directeur of afgevaardigde van de school',
      'stagebegeleider (leerkracht)',
      'adres van de maatschappelijke zetel van de stagegever',
      'adres van de leerling (straat en huisnummer)',
      'stagedagen (weekdagen)',
      'verzekeraar en polisnummer van de school',
    ])
    expect(blanks(text)).toBe(missing.length)
    expect(text.replace(/\n/g, ' ')).toContain(`Nog in te vullen (7): ${missing.join('; ')}.`)
  })

  it('the werkpostfiche ticks the risks the company registered, with its measures', async () => {
    const { pdf, missing } = await renderWorkstationSheetPdf(await load())
    const text = await pdfText(pdf)
    expect(text.split('\n')[0]).toBe('Werkpostfiche')
    expect(line(text, 'Stagiair')).toBe('Stagiair Zoë Peeters-Çelik')
    expect(line(text, 'Minderjarig bij de start')).toBe('Minderjarig bij de start nee')
    expect(line(text, 'Werkpost')).toBe('Werkpost Magazijnmedewerker orderpicking')
    expect(line(text, 'Preventiemaatregelen en PBM')).toBe(
      'Preventiemaatregelen en PBM Veiligheidsschoenen, werkhandschoenen en fluohesje; geen heftruck',
    )
    expect(line(text, 'Datum van uitgifte')).toBe('Datum van uitgifte 11/01/2027')
    const ticked = text.split('\n').filter((l) => l.startsWith('[x] '))
    const open = text.split('\n').filter((l) => l.startsWith('[ ] '))
    expect(ticked).toEqual([
      '[x] Vallen op hetzelfde niveau (uitglijden, struikelen)',
      '[x] Knellen, pletten',
      '[x] Lawaai',
    ])
    expect(open).toHaveLength(13)
    expect(line(text, 'Gezondheidstoezicht nodig')).toBe('Gezondheidstoezicht nodig nee')
    expect(text).not.toContain('De arbeidsgeneesheer')
    expect(missing).toEqual([])
    expect(text).toContain('Alle verplichte gegevens zijn ingevuld.')
  })

  it('the training plan extract lists the competences learned at the workplace: the place’s ∩ the student’s', async () => {
    const { pdf, missing } = await renderTrainingPlanPdf(await load())
    const text = await pdfText(pdf)
    const section = (title: string, next: string) => text.slice(text.indexOf(title), text.indexOf(next))
    const atWork = section(
      'Op de werkplek te verwerven competenties',
      'Competenties van de leerling die niet',
    )
    const elsewhere = section('Competenties van de leerling die niet', 'Andere competenties')
    const offered = section('Andere competenties die de werkplek aanbiedt', 'Evaluatie')
    expect(atWork.match(/bkc\d+/g)).toEqual(['bkc0044865', 'bkc0044869'])
    expect(atWork).toContain('bkc0044869 Ontvangt goederen en producten en controleert de levering')
    expect(elsewhere.match(/bkc\d+/g)).toEqual(['bkc0044866', 'bkc0044867'])
    expect(offered.match(/bkc\d+/g)).toEqual(['bkc0044868'])
    expect(offered).toContain('Reinigt de werkzone (materieel, accessoires,…) en ruimt op')
    expect(line(text, 'Mentor')).toBe('Mentor Noël Vermeulen')
    expect(missing).toEqual([])
  })

  it('prints an unknown mandatory field as a visible blank and lists it, in PDF and HTML alike', async () => {
    const data = await load({
      coordinator: false,
      student: { class: null, competences: [] },
      place: {
        establishmentStreet: null,
        workstation: null,
        activities: null,
        risks: null,
        increasedRisk: null,
        protectiveMeasures: null,
        healthSurveillance: null,
      },
      mentors: [],
    })
    const sheet = await renderWorkstationSheetPdf(data)
    expect(sheet.missing).toEqual([
      'stagecoördinator van de school',
      'adres van de werkplek (straat en huisnummer)',
      'werkpost (naam of functie)',
      'naam van de mentor',
      'functie van de mentor',
      'e-mail van de mentor',
      'activiteitenlijst (activiteiten)',
      'werk met verhoogd risico (ja/nee)',
      'beschermingsmaatregelen en PBM',
      "risico's (deel B)",
      'gezondheidstoezicht (ja/nee)',
    ])
    const text = await pdfText(sheet.pdf)
    expect(line(text, 'Werkpost')).toBe(`Werkpost ${BLANK}`)
    expect(line(text, 'Naam')).toBe(`Naam ${BLANK}`)
    expect(line(text, "Risico's")).toBe(`Risico's ${BLANK}`)
    // An unregistered risk list is a blank, never an unticked checklist that reads as "no risks".
    expect(text).not.toMatch(/^\[[ x]\] /m)
    expect(blanks(text)).toBe(sheet.missing.length)
    // Health surveillance unknown: the physician's part stays on the sheet.
    expect(text).toContain('De arbeidsgeneesheer')

    const html = renderWorkstationSheetHtml(data)
    expect(html.missing).toEqual(sheet.missing)
    for (const field of sheet.missing)
      expect(html.html).toContain(`data-missing="${field.replace("'", '&#39;')}"`)

    const agreement = renderAgreementHtml(data)
    expect(agreement.missing).toEqual(
      expect.arrayContaining(['klas van de leerling', 'naam van de mentor', 'gezondheidstoezicht (ja/nee)']),
    )
    const plan = await renderTrainingPlanPdf(data)
    expect(plan.missing).toEqual([
      'trajectbegeleider of stagecoördinator',
      'naam van de mentor',
      'competenties van de leerling (opleidingsplan)',
    ])
    expect(await pdfText(plan.pdf)).toContain(`Op de werkplek te verwerven competenties\n${BLANK}`)
  })

  it('an explicit "no risks" prints the whole checklist unticked and says so', async () => {
    const { pdf } = await renderWorkstationSheetPdf(await load({ place: { risks: [] } }))
    const text = await pdfText(pdf)
    expect(text).toContain('De stagegever duidde geen van deze risico’s aan.')
    expect(text.split('\n').filter((l) => l.startsWith('[ ] '))).toHaveLength(16)
  })

  it("prints the pupil's own period, address and parents, not the place's window (issue 15)", async () => {
    const data = await load({
      student: {
        birthDate: '2010-09-30',
        availability: { start: '2027-02-01', end: '2027-03-26' },
        address: { street: 'Kerkstraat', houseNumber: '12', box: 'b2', municipality: 'Mol' },
        guardian: { name: 'Els Peeters', phone: '0470 12 34 56', email: 'els.peeters@example.be' },
      },
      place: { period: { start: '2027-01-15', end: '2027-04-30' } },
    })
    expect(data.place.period).toEqual({ start: '2027-01-15', end: '2027-04-30' })
    const { pdf, missing } = await renderAgreementPdf(data)
    const text = await pdfText(pdf)
    expect(line(text, 'Periode')).toBe('Periode van 01/02/2027 tot en met 26/03/2027')
    expect(line(text, 'Adres')).toBe(`Adres ${BLANK}, 2440 Geel`) // the school's, still unknown
    expect(text).toContain('Adres Kerkstraat 12 bus b2, 2400 Mol')
    expect(line(text, 'Ouders of voogd')).toBe(
      'Ouders of voogd Els Peeters (0470 12 34 56, els.peeters@example.be)',
    )
    expect(missing).not.toContain('adres van de leerling (straat en huisnummer)')
    expect(missing).not.toContain('naam en contact van de ouders of voogd (minderjarige leerling)')
  })

  it('asks for the parents of a minor and a health assessment when surveillance is needed', async () => {
    const data = await load({
      student: { birthDate: '2010-09-30' },
      place: {
        healthSurveillance: true,
        healthSurveillanceType: 'Veiligheidsfunctie (heftruck)',
        increasedRisk: true,
      },
    })
    expect(data.student.ageAtStart).toBe(16)
    const agreement = await renderAgreementPdf(data)
    const text = await pdfText(agreement.pdf)
    expect(line(text, 'Ouders of voogd')).toBe(`Ouders of voogd ${BLANK}`)
    expect(text).toContain('Ouder of voogd\nNaam en handtekening')
    expect(line(text, 'Soort gezondheidstoezicht')).toBe(
      'Soort gezondheidstoezicht Veiligheidsfunctie (heftruck)',
    )
    expect(text).toContain('[ ] de school, via haar externe dienst voor preventie en bescherming op het werk')
    expect(agreement.missing).toContain('naam en contact van de ouders of voogd (minderjarige leerling)')

    const sheet = await pdfText((await renderWorkstationSheetPdf(data)).pdf)
    expect(line(sheet, 'Minderjarig bij de start')).toBe('Minderjarig bij de start ja')
    expect(sheet).toContain('Werk uit bijlage X.3-1 is voor stagiairs verboden')
    expect(sheet).toContain('De arbeidsgeneesheer')
  })

  it('for dual learning gives only the data the agreement needs, and says the contract is made elsewhere', async () => {
    const data = await load({
      student: { programmeId: 152, seeks: 'dual' },
      recognitions: [{ programme: 152 as never, validFrom: '2025-09-01', validTo: '2030-08-31' }],
      place: { kind: 'dual' },
      mentors: [
        {
          name: 'Noël Vermeulen',
          function: 'Magazijnverantwoordelijke',
          email: 'noel.vermeulen@logistiekkempen.test',
          birthDate: '1980-01-01',
          trainingCompleted: false,
          trainingDeadline: '2027-06-30',
        },
      ],
    })
    const { pdf, missing } = await renderAgreementPdf(data)
    const text = await pdfText(pdf)
    expect(text.split('\n')[0]).toBe('Gegevens voor de overeenkomst duaal leren')
    expect(text).not.toContain('Leerlingenstageovereenkomst')
    expect(text.replace(/\n/g, ' ')).toContain(
      'Dit is geen overeenkomst. De overeenkomst voor duaal leren wordt opgemaakt en ondertekend op het platform van de overheid',
    )
    expect(line(text, 'Erkenning voor deze studierichting')).toBe(
      'Erkenning voor deze studierichting geldig van 01/09/2025 tot 31/08/2030',
    )
    expect(line(text, 'Mentoropleiding')).toBe('Mentoropleiding nog te volgen, uiterlijk op 30/06/2027')
    expect(text).not.toContain('Naam en handtekening')
    expect(missing).toEqual(
      expect.arrayContaining([
        'type overeenkomst (OAO, SAO of DA)',
        'weekrooster (dagen op school en op de werkplek)',
        'gemiddeld aantal uren per week op de werkplek',
      ]),
    )
  })

  it('makes no internship agreement for a job, but the werkpostfiche and training plan still', async () => {
    const data = await load({ student: { seeks: 'job' }, place: { kind: 'job' } })
    expect(() => renderAgreementHtml(data)).toThrow(DocumentError)
    await expect(renderAgreementPdf(data)).rejects.toMatchObject({ code: 'NOT_APPLICABLE' })
    expect(renderWorkstationSheetHtml(data).html).toContain('<h1>Werkpostfiche</h1>')
    expect(renderTrainingPlanHtml(data).html).toContain('<h1>Opleidingsplan — uittreksel</h1>')
  })

  it('keeps a name outside Windows-1252 in the HTML and spells it without the accent in the PDF', async () => {
    const data = await load({ student: { firstName: 'Şeyma', lastName: 'Yılmaz' } })
    const text = await pdfText((await renderAgreementPdf(data)).pdf)
    expect(line(text, 'Naam en voornaam')).toBe('Naam en voornaam Yilmaz Seyma')
    expect(renderAgreementHtml(data).html).toContain('<td>Yılmaz Şeyma</td>')
  })

  it('gives the same PDF bytes for the same data (the creation date is the issue date)', async () => {
    const data = await load()
    const [a, b] = await Promise.all([renderTrainingPlanPdf(data), renderTrainingPlanPdf(data)])
    expect(a.pdf.equals(b.pdf)).toBe(true)
  })

  it('escapes what the company typed in the HTML', async () => {
    const data = await load({ place: { activities: '<script>alert("x")</script> & meer' } })
    const { html } = renderWorkstationSheetHtml(data)
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; meer')
  })
})
