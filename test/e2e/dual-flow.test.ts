// Dual learning end to end over real processes (issue 14, "Proof"): the API and a worker as child
// processes on a scratch PostgreSQL database, the admin key from the real command, mails over the
// in-process SMTP server. A school uploads three duaal pupils; one company registers its dual places,
// recognitions and mentor by the uniform files, another by JSON; the administrator runs a night. The
// two pupils in Sint-Niklaas are placed with the recognition in their reasons; the pupil in Hasselt
// is refused at an expired recognition and at a mentor under 25, and the coordinator's mail says what
// is missing where. Then a recognition the school relies on is shortened through the door, and the
// next night's watch list mails the coordinator. Every recognition, mentor and flag comes in through
// a door; the test only reads the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  csv,
  kbo,
  MENTOR_HEADER,
  mentor,
  PLACE_HEADER,
  place,
  pupil,
  RECOGNITION_HEADER,
  recognition,
  STUDENT_HEADER,
  table,
  utf8,
} from '../support/upload-files.js'
import { createAdminKeyByCommand } from './support/processes.js'
import { openSystem, type System } from './support/system.js'

const SCHOOL = { name: 'GO! Technisch Atheneum Waasland', instellingsnummer: '123456', postcode: '9100' }
const COORDINATOR = { name: 'Els Martens', email: 'els.martens@atheneum.test' }
/** Registers by the uniform files. */
const FILES = { kboNumber: kbo(11), name: 'Waasland Logistiek NV', contactEmail: 'stage@waaslog.test' }
/** Registers by JSON. */
const JSON_CO = { kboNumber: kbo(12), name: 'Haven Distributie BV', contactEmail: 'hr@havendist.test' }
/** Vestigingseenheidsnummers with valid check digits: 97 − (first eight digits mod 97). */
const ESTABLISHMENT = {
  filesNear: '2147812701', // Sint-Niklaas, recognised
  filesFar: establishment(21478128), // Hasselt, recognition expired
  jsonNear: establishment(21478129), // Sint-Niklaas, recognised
  jsonFar: establishment(21478130), // Hasselt, recognised, mentor of 22
}

/** dd/mm/yyyy `days` (and `years`) from today: the nights run on the real clock, so the season moves with it. */
function day(days: number, years = 0): string {
  const d = new Date()
  d.setUTCHours(12, 0, 0, 0)
  d.setUTCFullYear(d.getUTCFullYear() + years)
  d.setUTCDate(d.getUTCDate() + days)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`
}
const iso = (dmy: string) => dmy.split('/').reverse().join('-')
function establishment(first8: number): string {
  return `${first8}${String(97 - (first8 % 97)).padStart(2, '0')}`
}

const SEASON = { startdatum: day(60), einddatum: day(150) }
const UNTIL = { files: day(0, 4), json: day(0, 3), expired: day(-30), soon: day(80) }
const PUPILS = [
  { id: 'D001', naam: 'Goossens', voornaam: 'Noah', postcode: '9100', gemeente: 'Sint-Niklaas' },
  { id: 'D002', naam: 'Verstraete', voornaam: 'Zoë', postcode: '9100', gemeente: 'Sint-Niklaas' },
  // 95 km from the Sint-Niklaas places: only the two in Hasselt are within reach, and both are refused.
  { id: 'D003', naam: 'Lambrechts', voornaam: 'Lotte', postcode: '3500', gemeente: 'Hasselt' },
] as const

interface Run {
  id: string
  status: string
  error: string | null
  counts: Record<string, number>
}
interface SchoolProposal {
  student: { id: string; lastName: string }
  place: { id: string; companyName: string }
  kind: string
  reasons: string[]
}

const recognitionReason = (until: string) => `erkende werkplek (geldig tot ${until})`

describe('dual learning over HTTP, with the API and a worker as processes', { timeout: 240_000 }, () => {
  let sys: System
  const keys = { admin: '', school: '', files: '', json: '' }
  const ids = { coordinator: '', programme: 0, runs: [] as string[] }

  beforeAll(async () => {
    sys = await openSystem()
    keys.admin = await createAdminKeyByCommand(sys.handle.url, 'beheer e2e duaal')
    await sys.startApi()
    await sys.startWorker()
    const admin = sys.as(keys.admin)
    const school = await admin.expect<{ id: string }>(201, 'POST', '/admin/schools', SCHOOL)
    ids.coordinator = (
      await admin.expect<{ id: string }>(201, 'POST', `/admin/schools/${school.id}/coordinators`, COORDINATOR)
    ).id
    const key = async (name: string, role: string, scope: Record<string, string>) =>
      (await admin.expect<{ key: string }>(201, 'POST', '/admin/api-keys', { name, role, scope })).key
    keys.school = await key('school duaal', 'school', { schoolId: school.id })
    for (const [who, company] of [
      ['files', FILES],
      ['json', JSON_CO],
    ] as const) {
      const { id } = await admin.expect<{ id: string }>(201, 'POST', '/admin/companies', company)
      keys[who] = await key(`bedrijf ${who}`, 'company', { companyId: id })
    }
  })
  afterAll(() => sys?.close())

  /** A file upload that must be accepted; its JSON answer. */
  const upload = async (key: string, url: string, name: string, rows: string[][]) => {
    const res = await sys.as(key).request('POST', url, {
      file: { name, bytes: utf8(csv(rows), true), type: 'text/csv' },
    })
    expect([url, res.status, res.status === 200 ? '' : res.text.slice(0, 600)]).toEqual([url, 200, ''])
    return res.json<{ outcome: string; counts: Record<string, number> }>()
  }

  /** Asks the administrator's night over HTTP and waits until it succeeded. */
  const night = async (): Promise<Run> => {
    const admin = sys.as(keys.admin)
    const { jobId } = await admin.expect<{ jobId: string }>(202, 'POST', '/admin/runs', {})
    const runId = await sys.waitFor('the run of the trigger job', async () => {
      const j = await admin.get<{ runId: string | null }>(`/admin/runs/jobs/${jobId}`)
      return j.runId ?? undefined
    })
    ids.runs.push(runId)
    return sys.waitFor('the run to finish', async () => {
      const r = await admin.get<Run>(`/admin/runs/${runId}`)
      if (r.status === 'failed') throw new Error(`run failed: ${r.error}\n${sys.logs()}`)
      return r.status === 'succeeded' ? r : undefined
    })
  }

  /** Every mail of a run sent; the SMTP messages of that run. */
  const mailsOf = async (runId: string, count: number) => {
    const outbox = await sys.waitFor(`every mail of run ${runId} sent`, async () => {
      const rows = await sys.db
        .selectFrom('mail_outbox')
        .select(['recipient', 'status', 'message_id', 'to_address'])
        .where('run_id', '=', runId)
        .execute()
      return rows.length >= count && rows.every((r) => r.status === 'sent') ? rows : undefined
    })
    const sent = new Set(outbox.map((r) => r.message_id))
    const messages = await sys.waitFor(`the SMTP messages of run ${runId}`, async () => {
      const found = sys.smtp.messages.filter((m) => m.messageId !== undefined && sent.has(m.messageId))
      return found.length === outbox.length ? found : undefined
    })
    return { outbox, messages }
  }

  it('takes the duaal pupils from the school’s placement list', async () => {
    const rows = PUPILS.map(({ id, ...who }) =>
      pupil(id, {
        ...who,
        geboortedatum: day(0, -17),
        studierichting: 'Logistiek duaal',
        traject: 'duaal',
        ...SEASON,
      }),
    )
    const report = await upload(
      keys.school,
      '/school/uploads/students',
      'leerlingen.csv',
      table(STUDENT_HEADER, rows),
    )
    expect(report).toMatchObject({ outcome: 'accepted', counts: { created: 3 } })
  })

  it('registers one company’s dual places, recognitions and mentor by the uniform files', async () => {
    const common = {
      ondernemingsnummer: FILES.kboNumber,
      bedrijfsnaam: FILES.name,
      soort: 'duaal',
      studierichtingen: 'Logistiek duaal',
      'aantal plaatsen': '1',
      'e-mail contact': FILES.contactEmail,
      ...SEASON,
    }
    const places = await upload(
      keys.files,
      '/company/uploads/places',
      'plaatsen.csv',
      table(
        [...PLACE_HEADER, 'vestigingseenheidsnummer'],
        [
          place('WL-1', {
            ...common,
            postcode: '9100',
            gemeente: 'Sint-Niklaas',
            vestigingseenheidsnummer: ESTABLISHMENT.filesNear,
          }),
          place('WL-3', {
            ...common,
            postcode: '3500',
            gemeente: 'Hasselt',
            vestigingseenheidsnummer: ESTABLISHMENT.filesFar,
          }),
        ],
      ),
    )
    expect(places).toMatchObject({ outcome: 'accepted' })
    const own = { ondernemingsnummer: FILES.kboNumber, studierichting: 'Logistiek duaal' }
    const recognitions = await upload(
      keys.files,
      '/company/uploads/recognitions',
      'erkenningen.csv',
      table(RECOGNITION_HEADER, [
        recognition({
          ...own,
          vestigingseenheidsnummer: ESTABLISHMENT.filesNear,
          'geldig van': day(-365),
          'geldig tot': UNTIL.files,
        }),
        recognition({
          ...own,
          vestigingseenheidsnummer: ESTABLISHMENT.filesFar,
          erkenningsnummer: 'ERK-2020-0077',
          'geldig van': day(-30, -5),
          'geldig tot': UNTIL.expired,
        }),
      ]),
    )
    expect(recognitions).toMatchObject({ outcome: 'accepted' })
    // One trained mentor of 46 supervises both places: WL-3 lacks only its recognition.
    const mentors = await upload(
      keys.files,
      '/company/uploads/mentors',
      'mentoren.csv',
      table(MENTOR_HEADER, [mentor({ ondernemingsnummer: FILES.kboNumber, plaatscodes: 'WL-1, WL-3' })]),
    )
    expect(mentors.counts).toMatchObject({ mentors: 1, created: 1, links: 2 })

    const seen = await sys
      .as(keys.files)
      .get<{ items: { externalId: string; kind: string; establishmentNumber: string }[] }>('/company/places')
    expect(seen.items.map((p) => [p.externalId, p.kind, p.establishmentNumber]).sort()).toEqual([
      ['WL-1', 'duaal', ESTABLISHMENT.filesNear],
      ['WL-3', 'duaal', ESTABLISHMENT.filesFar],
    ])
  })

  it('registers the other company’s dual places, recognitions and mentors by JSON', async () => {
    const company = sys.as(keys.json)
    const found = await company.get<{ items: { id: number; title: string; grade: number }[] }>(
      '/lookups/programmes?q=Logistiek%20duaal',
    )
    const programme = found.items.find((p) => p.title === 'Logistiek duaal')
    expect(programme).toBeDefined()
    ids.programme = programme!.id

    for (const [establishmentNumber, until] of [
      [ESTABLISHMENT.jsonNear, UNTIL.json],
      [ESTABLISHMENT.jsonFar, UNTIL.json],
    ] as const) {
      const r = await company.expect<{ validUntil: string; status: string }>(
        200,
        'PUT',
        '/company/recognitions',
        {
          establishmentNumber,
          programme: ids.programme,
          reference: `ERK-${establishmentNumber}`,
          validFrom: iso(day(-365)),
          validUntil: iso(until),
          status: 'erkend',
        },
      )
      expect(r).toMatchObject({ validUntil: iso(until), status: 'erkend' })
    }
    const trained = { trainingCompleted: true, extract5962CheckedOn: iso(day(-20)) }
    const senior = await company.expect<{ id: string }>(200, 'POST', '/company/mentors', {
      name: 'Karel Dierckx',
      function: 'Teamleider magazijn',
      email: 'karel.dierckx@havendist.test',
      birthDate: '1975-04-12',
      ...trained,
    })
    // 22 on the start date, no waiver: not a valid mentor for a duaal pupil.
    const junior = await company.expect<{ id: string }>(200, 'POST', '/company/mentors', {
      name: 'Jens Wouters',
      function: 'Magazijnier',
      email: 'jens.wouters@havendist.test',
      birthDate: iso(day(0, -22)),
      ...trained,
    })
    const dualPlace = (externalId: string, where: object, establishmentNumber: string, mentorIds: string[]) =>
      company.expect<{ id: string; kind: string }>(201, 'POST', '/company/places', {
        externalId,
        kind: 'duaal',
        ...where,
        establishmentNumber,
        programmes: [ids.programme],
        capacity: 1,
        period: { start: iso(SEASON.startdatum), end: iso(SEASON.einddatum) },
        hours: { start: '08:00', end: '16:30' },
        sector: 'logistiek',
        contactEmail: JSON_CO.contactEmail,
        mentorIds,
      })
    const near = await dualPlace(
      'HD-1',
      { postcode: '9100', municipality: 'Sint-Niklaas' },
      ESTABLISHMENT.jsonNear,
      [senior.id],
    )
    expect(near.kind).toBe('duaal')
    await dualPlace('HD-4', { postcode: '3500', municipality: 'Hasselt' }, ESTABLISHMENT.jsonFar, [junior.id])

    const shown = await company.get<{ recognitions: { validUntil: string; valid: boolean }[] }>(
      `/company/places/${near.id}`,
    )
    expect(shown.recognitions).toEqual([
      expect.objectContaining({ validUntil: iso(UNTIL.json), valid: true }),
    ])
  })

  it('places both Sint-Niklaas pupils at the recognised places, with the recognition in the reasons', async () => {
    const run = await night()
    expect(run.counts).toMatchObject({ students: 3, matched: 2 })
    const proposals = await sys
      .as(keys.school)
      .get<{ items: SchoolProposal[] }>(`/school/proposals?run=${run.id}`)
    const placed = proposals.items
      .filter((p) => p.kind === 'allocated')
      .map((p) => ({ pupil: p.student.lastName, company: p.place.companyName, reasons: p.reasons }))
      .sort((a, b) => a.pupil.localeCompare(b.pupil))
    expect(placed.map((p) => p.pupil)).toEqual(['Goossens', 'Verstraete'])
    expect(placed.map((p) => p.company).sort()).toEqual([JSON_CO.name, FILES.name].sort())
    for (const p of placed) {
      const until = p.company === FILES.name ? UNTIL.files : UNTIL.json
      expect(p.reasons).toContain(recognitionReason(until))
    }
    // the company reads its own recognition among the reasons it may see
    for (const [key, until] of [
      [keys.files, UNTIL.files],
      [keys.json, UNTIL.json],
    ] as const) {
      const offers = await sys.as(key).get<{ items: { reasons: string[] }[] }>('/company/proposals')
      expect(offers.items.map((o) => o.reasons)).toEqual([expect.arrayContaining([recognitionReason(until)])])
    }
  })

  it('refuses the Hasselt pupil for the expired recognition and the young mentor, and says what is missing', async () => {
    const runId = ids.runs[0]!
    const outcome = await sys.db
      .selectFrom('match_outcome as o')
      .innerJoin('student as s', 's.id', 'o.student_id')
      .select(['o.status', 'o.unmatched_code', 'o.unmatched_reason'])
      .where('o.run_id', '=', runId)
      .where('s.external_id', '=', 'D003')
      .executeTakeFirstOrThrow()
    expect(outcome).toMatchObject({ status: 'unmatched', unmatched_code: 'no_eligible_place' })
    const reason = outcome.unmatched_reason ?? ''
    expect(reason).toContain('geen geldige erkenning voor deze studierichting (1)')
    expect(reason).toContain('geen geldige mentor (1)')
    expect(reason).toContain(`erkenning voor Logistiek duaal ontbreekt bij ${FILES.name} (Hasselt,`)
    expect(reason).toContain(`geen geldige mentor bij ${JSON_CO.name} (Hasselt,`)

    const { outbox, messages } = await mailsOf(runId, 3)
    expect(outbox.map((r) => r.recipient).filter((r) => r.startsWith('watch:'))).toEqual([])
    const coordinator = messages.filter((m) => m.to.includes(COORDINATOR.email))
    expect(coordinator).toHaveLength(1)
    const text = coordinator[0]!.text
    expect(text).toContain(recognitionReason(UNTIL.files))
    expect(text).toContain(recognitionReason(UNTIL.json))
    expect(text).toContain('Wat ontbreekt:')
    expect(text).toContain(`   - erkenning voor Logistiek duaal ontbreekt bij ${FILES.name} (Hasselt,`)
    expect(text).toContain(`   - geen geldige mentor bij ${JSON_CO.name} (Hasselt,`)
    // what a school must ask a company for is never mailed to the companies
    for (const m of messages.filter((m) => !m.to.includes(COORDINATOR.email))) {
      expect(m.text).not.toContain('Wat ontbreekt')
      expect(m.text).not.toContain('Lambrechts')
    }
  })

  it('mails the coordinator the watch list once a recognition the school relies on ends within 90 days', async () => {
    const shortened = await sys
      .as(keys.json)
      .expect<{ validUntil: string }>(200, 'PUT', '/company/recognitions', {
        establishmentNumber: ESTABLISHMENT.jsonNear,
        programme: ids.programme,
        validFrom: iso(day(-365)),
        validUntil: iso(UNTIL.soon),
        status: 'erkend',
      })
    expect(shortened.validUntil).toBe(iso(UNTIL.soon))

    const run = await night()
    // still valid on the start date, so both pupils stay placed — now with the new end date
    expect(run.counts).toMatchObject({ students: 3, matched: 2 })
    const proposals = await sys
      .as(keys.school)
      .get<{ items: SchoolProposal[] }>(`/school/proposals?run=${run.id}`)
    const atJson = proposals.items.find((p) => p.kind === 'allocated' && p.place.companyName === JSON_CO.name)
    expect(atJson?.reasons).toContain(recognitionReason(UNTIL.soon))

    const { outbox, messages } = await mailsOf(run.id, 4)
    expect(outbox.filter((r) => r.recipient.startsWith('watch:'))).toEqual([
      expect.objectContaining({ recipient: `watch:${ids.coordinator}`, to_address: COORDINATOR.email }),
    ])
    const watch = messages.find((m) => m.subject.includes('om op te volgen'))
    expect(watch?.to).toContain(COORDINATOR.email)
    expect(watch?.text).toContain(`${JSON_CO.name} (logistiek), 9100 Sint-Niklaas`)
    expect(watch?.text).toMatch(
      new RegExp(`de erkenning voor Logistiek duaal loopt af op ${UNTIL.soon} \\(over \\d+ dagen\\)`),
    )
    // the Files company's recognition runs four more years: not on the list
    expect(watch?.text).not.toContain(FILES.name)
  })
})
