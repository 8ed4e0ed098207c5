// End to end over real processes: the API and two workers as child processes on a scratch
// PostgreSQL database, the shared Redis (a queue prefix of its own) and an in-process SMTP server.
// A school uploads its placement list, two companies register places (JSON and the uniform file),
// the administrator asks for a run, the mails arrive, a company accepts a candidate, the school
// releases the contact, and both download the agreement — every step over HTTP, checked as it goes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfText } from '../../packages/documents/test/support/pdf-text.js'
import { csv, kbo, PLACE_HEADER, place, pupil, STUDENT_HEADER, table, utf8 } from '../support/upload-files.js'
import { createAdminKeyByCommand } from './support/processes.js'
import { openSystem, type System } from './support/system.js'

const SCHOOL = { name: 'GO! Atheneum Sint-Niklaas', instellingsnummer: '123456', postcode: '9100' }
const COORDINATOR = { name: 'Els Martens', email: 'els.martens@atheneum.test' }
const COMPANY_A = { kboNumber: kbo(1), name: 'Waasland Logistiek NV', contactEmail: 'stage@waaslog.test' }
const COMPANY_B = { kboNumber: kbo(2), name: 'Haven Distributie BV', contactEmail: 'hr@havendist.test' }
// Five students for four seats: one of them stays without a place (capacity).
const PUPILS = [
  ['0000001', 'Verstraete', 'Zoë'],
  ['0000002', 'Goossens', 'Noah'],
  ['0000003', 'Lambrechts', 'Lotte'],
  ['0000004', 'Vandamme', 'Finn'],
  ['0000005', 'Dewulf', 'Anaïs'],
] as const
const SURNAMES = PUPILS.map(([, last]) => last)

interface Run {
  id: string
  status: string
  held: boolean
  parts: number | null
  publishedAt: string | null
  counts: Record<string, number>
  proposalsByStatus: Record<string, number>
}
interface SchoolProposal {
  id: string
  runId: string
  student: { id: string; firstName: string; lastName: string }
  place: { id: string; companyName: string }
  kind: string
  status: string
  reasons: string[]
}
interface CompanyProposal {
  id: string
  candidateCode: string
  place: { id: string; externalId: string | null }
  kind: string
  status: string
  contact: null | {
    firstName: string
    lastName: string
    school: { name: string; coordinators: { name: string; email: string }[] }
  }
}

describe('a placement season over HTTP, with the API and two workers as processes', {
  timeout: 180_000,
}, () => {
  let sys: System
  const keys = { admin: '', school: '', companyA: '', companyB: '' }
  const ids = { school: '', companyA: '', companyB: '', programme: 0, runId: '', accepted: '' }

  beforeAll(async () => {
    sys = await openSystem()
    keys.admin = await createAdminKeyByCommand(sys.handle.url, 'beheer e2e')
    expect(keys.admin).toMatch(/^sb_/)
    await sys.startApi()
    await Promise.all([sys.startWorker(), sys.startWorker()])
  })
  afterAll(() => sys?.close())

  it('lets the administrator set up a school, its coordinator, two companies and their keys', async () => {
    const admin = sys.as(keys.admin)
    expect(await admin.get('/me')).toMatchObject({ role: 'admin' })
    expect((await sys.as(null).request('GET', '/admin/schools')).status).toBe(401)

    const school = await admin.expect<{ id: string }>(201, 'POST', '/admin/schools', SCHOOL)
    ids.school = school.id
    const coordinator = await admin.expect<{ id: string; email: string }>(
      201,
      'POST',
      `/admin/schools/${school.id}/coordinators`,
      COORDINATOR,
    )
    expect(coordinator.email).toBe(COORDINATOR.email)
    ids.companyA = (await admin.expect<{ id: string }>(201, 'POST', '/admin/companies', COMPANY_A)).id
    ids.companyB = (await admin.expect<{ id: string }>(201, 'POST', '/admin/companies', COMPANY_B)).id

    const key = async (name: string, role: string, scope: Record<string, string>) =>
      (
        await admin.expect<{ key: string; role: string }>(201, 'POST', '/admin/api-keys', {
          name,
          role,
          scope,
        })
      ).key
    keys.school = await key('school e2e', 'school', { schoolId: ids.school })
    keys.companyA = await key('bedrijf A e2e', 'company', { companyId: ids.companyA })
    keys.companyB = await key('bedrijf B e2e', 'company', { companyId: ids.companyB })
    expect(await sys.as(keys.school).get('/me')).toMatchObject({ role: 'school' })
    // a school key is not an admin key
    expect((await sys.as(keys.school).request('GET', '/admin/schools')).status).toBe(403)
  })

  it('stores the school’s placement list uploaded as a CSV file', async () => {
    const rows = PUPILS.map(([id, naam, voornaam]) => pupil(id, { naam, voornaam }))
    const res = await sys.as(keys.school).request('POST', '/school/uploads/students', {
      file: { name: 'leerlingen.csv', bytes: utf8(csv(table(STUDENT_HEADER, rows)), true), type: 'text/csv' },
    })
    expect([res.status, res.text.slice(0, 300)]).toEqual([200, expect.any(String)])
    expect(res.json()).toMatchObject({
      outcome: 'accepted',
      counts: { created: 5, updated: 0, withdrawn: 0 },
    })

    const list = await sys
      .as(keys.school)
      .get<{ items: { lastName: string; status: string }[] }>('/school/students')
    expect(list.items.map((s) => s.lastName).sort()).toEqual([...SURNAMES].sort())
    expect(list.items.every((s) => s.status === 'open')).toBe(true)
  })

  it('registers one company’s place as JSON and the other’s two places as the uniform file', async () => {
    const found = await sys
      .as(keys.companyA)
      .get<{ items: { id: number; title: string; grade: number }[] }>('/lookups/programmes?q=Logistiek')
    const logistics = found.items.find((p) => p.title === 'Logistiek' && p.grade === 3)
    expect(logistics).toBeDefined()
    ids.programme = logistics!.id

    const created = await sys
      .as(keys.companyA)
      .expect<{ id: string; status: string; capacity: number }>(201, 'POST', '/company/places', {
        externalId: 'WL-1',
        kind: 'internship',
        postcode: '9100',
        programmes: [ids.programme],
        capacity: 2,
        period: { start: '2027-01-15', end: '2027-06-30' },
        hours: { start: '08:00', end: '16:30' },
        sector: 'logistiek',
      })
    expect(created).toMatchObject({ status: 'open', capacity: 2 })

    const rows = ['HD-1', 'HD-2'].map((code) =>
      place(code, {
        ondernemingsnummer: COMPANY_B.kboNumber,
        bedrijfsnaam: COMPANY_B.name,
        postcode: '9100',
        gemeente: 'Sint-Niklaas',
        'aantal plaatsen': '1',
        startdatum: '15/01/2027',
        einddatum: '30/06/2027',
        'e-mail contact': COMPANY_B.contactEmail,
      }),
    )
    const res = await sys.as(keys.companyB).request('POST', '/company/uploads/places', {
      file: { name: 'plaatsen.csv', bytes: utf8(csv(table(PLACE_HEADER, rows))), type: 'text/csv' },
    })
    expect([res.status, res.text.slice(0, 300)]).toEqual([200, expect.any(String)])
    expect(res.json()).toMatchObject({ outcome: 'accepted' })

    const own = async (key: string) =>
      (await sys.as(key).get<{ items: { externalId: string; capacity: number }[] }>('/company/places')).items
        .map((p) => [p.externalId, p.capacity])
        .sort()
    expect(await own(keys.companyA)).toEqual([['WL-1', 2]])
    expect(await own(keys.companyB)).toEqual([
      ['HD-1', 1],
      ['HD-2', 1],
    ])
  })

  it('runs a night asked for by the administrator on the workers, and publishes it', async () => {
    const admin = sys.as(keys.admin)
    const { jobId } = await admin.expect<{ jobId: string; publish: boolean }>(202, 'POST', '/admin/runs', {})
    const job = await sys.waitFor('the run of the trigger job', async () => {
      const j = await admin.get<{ runId: string | null; state: string }>(`/admin/runs/jobs/${jobId}`)
      return j.runId ? j : undefined
    })
    ids.runId = job.runId!
    const run = await sys.waitFor('the run to finish', async () => {
      const r = await admin.get<Run & { error: string | null }>(`/admin/runs/${ids.runId}`)
      if (r.status === 'failed') throw new Error(`run failed: ${r.error}\n${sys.logs()}`)
      return r.status === 'succeeded' ? r : undefined
    })
    expect(run).toMatchObject({ held: false, publishedAt: expect.any(String) })
    expect(run.parts).toBeGreaterThanOrEqual(1)
    expect(run.counts).toMatchObject({ students: 5, matched: 4 })
    expect((await admin.get<{ items: Run[] }>('/admin/runs')).items.map((r) => r.id)).toContain(ids.runId)
    // both workers were up; the work may have gone to either, but the night ran exactly once
    const runs = await sys.db.selectFrom('match_run').select('id').execute()
    expect(runs).toHaveLength(1)
  })

  it('mails the coordinator the names and each company pseudonymised candidates', async () => {
    const outbox = await sys.waitFor('every mail of the run sent', async () => {
      const rows = await sys.db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('run_id', '=', ids.runId)
        .execute()
      return rows.length > 0 && rows.every((r) => r.status === 'sent') ? rows : undefined
    })
    expect(outbox.map((r) => [r.kind, r.to_address]).sort()).toEqual(
      [
        ['company', COMPANY_B.contactEmail],
        ['company', COMPANY_A.contactEmail],
        ['coordinator', COORDINATOR.email],
      ].sort(),
    )
    const mails = await sys.smtp.waitForMessages(3)
    expect(mails).toHaveLength(3)
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(3)
    expect(mails.map((m) => m.messageId).sort()).toEqual(outbox.map((r) => r.message_id).sort())

    const to = (address: string) => {
      const found = mails.filter((m) => m.to.includes(address))
      expect(found).toHaveLength(1)
      return found[0]!
    }
    const coordinator = to(COORDINATOR.email)
    expect(coordinator.from).toBe('noreply@stagebrug.test')
    for (const surname of SURNAMES) expect(coordinator.text).toContain(surname)
    for (const company of [COMPANY_A, COMPANY_B]) {
      const mail = to(company.contactEmail)
      expect(mail.text).toMatch(/K-[0-9A-HJKMNP-TV-Z]{12}/)
      for (const surname of SURNAMES) {
        expect([surname, mail.text.includes(surname) || mail.html.includes(surname)]).toEqual([
          surname,
          false,
        ])
      }
    }
  })

  it('lets a company accept a candidate, the school release the contact, and both download the agreement', async () => {
    const companyA = sys.as(keys.companyA)
    const school = sys.as(keys.school)
    const offers = await companyA.get<{ items: CompanyProposal[] }>('/company/proposals?status=proposed')
    const offer = offers.items.find((p) => p.kind === 'allocated')
    expect(offer).toBeDefined()
    expect(offers.items.every((p) => p.contact === null)).toBe(true)
    for (const surname of SURNAMES) expect(JSON.stringify(offers)).not.toContain(surname)

    const accepted = await companyA.expect<CompanyProposal>(
      200,
      'POST',
      `/company/proposals/${offer!.id}/decision`,
      {
        decision: 'accepted',
      },
    )
    expect(accepted).toMatchObject({ id: offer!.id, status: 'accepted', contact: null })
    const seen = await school.get<SchoolProposal>(`/school/proposals/${offer!.id}`)
    expect(seen.status).toBe('accepted')
    const student = seen.student
    expect(SURNAMES).toContain(student.lastName)
    ids.accepted = student.id

    // before the release the company may not read documents that name the student
    expect(
      (await companyA.request('GET', `/company/proposals/${offer!.id}/documents/agreement`)).status,
    ).toBe(403)
    const released = await school.expect<{ releasedAt: string }>(
      200,
      'POST',
      `/school/proposals/${offer!.id}/release`,
    )
    expect(Date.parse(released.releasedAt)).not.toBeNaN()
    const after = await companyA.get<CompanyProposal>(`/company/proposals/${offer!.id}`)
    expect(after.contact).toMatchObject({
      firstName: student.firstName,
      lastName: student.lastName,
      school: { name: SCHOOL.name, coordinators: [COORDINATOR] },
    })
    // the other company sees nothing of it
    expect((await sys.as(keys.companyB).request('GET', `/company/proposals/${offer!.id}`)).status).toBe(404)

    for (const who of [school, companyA]) {
      const role = who === school ? 'school' : 'company'
      const list = await who.get<{ documents: { kind: string }[] }>(
        `/${role}/proposals/${offer!.id}/documents`,
      )
      expect(list.documents.map((d) => d.kind)).toContain('agreement')
      const pdf = await who.request('GET', `/${role}/proposals/${offer!.id}/documents/agreement`)
      expect(pdf.status).toBe(200)
      expect(pdf.headers.get('content-type')).toBe('application/pdf')
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      expect(JSON.parse(pdf.headers.get('x-missing-fields') ?? 'null')).toEqual(expect.any(Array))
      const text = await pdfText(pdf.bytes)
      expect(text).toContain(student.lastName)
      expect(text).toContain(COMPANY_A.name)
    }
  })

  it('takes the accepted student and seat out of the next night', async () => {
    const admin = sys.as(keys.admin)
    const mailsBefore = sys.smtp.messages.length
    const { jobId } = await admin.expect<{ jobId: string }>(202, 'POST', '/admin/runs')
    const runId = await sys.waitFor('the run of the second trigger job', async () => {
      const j = await admin.get<{ runId: string | null }>(`/admin/runs/jobs/${jobId}`)
      return j.runId ?? undefined
    })
    const run = await sys.waitFor('the second run to finish', async () => {
      const r = await admin.get<Run>(`/admin/runs/${runId}`)
      return r.status === 'succeeded' ? r : undefined
    })
    // four students left for the three seats left
    expect(run.counts).toMatchObject({ students: 4, seats: 3, matched: 3 })
    const mine = await sys
      .as(keys.school)
      .get<{ items: SchoolProposal[] }>(`/school/proposals?run=${runId}&studentId=${ids.accepted}`)
    expect(mine.items).toEqual([])
    const coordinatorMail = await sys.waitFor('the coordinator’s mail of the second run', async () =>
      sys.smtp.messages.slice(mailsBefore).find((m) => m.to.includes(COORDINATOR.email)),
    )
    expect(coordinatorMail.messageId).toContain(runId)
  })
})
