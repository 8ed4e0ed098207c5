// The documents of an accepted proposal (school of the student; the company of the place only after
// the school released the contact) and the regional figures of a run (JSON, CSV, SVG), over HTTP on
// PostgreSQL and Redis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { proposalId, proposeEveryPair } from './support/fill.js'
import { openWorld, problem, type World } from './support/world.js'

interface DocumentList {
  documents: { kind: string; missing: string[] }[]
}
interface Figures {
  runId: string
  today: string
  rows: {
    level: string
    regionKey: string
    programmeId: number | null
    seekers: number | '< 5'
    freeSeats: number | '< 5'
    ownSchool?: { seekers: number }
  }[]
}

describe('documents of an accepted proposal', () => {
  let w: World
  let accepted = ''
  let contacted = ''
  beforeAll(async () => {
    w = await openWorld()
    const run = w.night.run.id
    await proposeEveryPair(w.db, run)
    const s = w.ids.students
    const [x1] = w.ids.placesX
    accepted = await proposalId(w.db, run, s.a1!, x1)
    contacted = await proposalId(w.db, run, s.a3!, x1)
    await w.db.updateTable('proposal').set({ status: 'accepted' }).where('id', '=', accepted).execute()
    await w.db.updateTable('proposal').set({ status: 'contacted' }).where('id', '=', contacted).execute()
  })
  afterAll(() => w?.close())

  it('lists the three documents with their blank mandatory fields for the school', async () => {
    const res = await w.call('schoolA', { url: `/school/proposals/${accepted}/documents` })
    expect(res.statusCode).toBe(200)
    const body = res.json<DocumentList>()
    expect(body.documents.map((d) => d.kind)).toEqual(['agreement', 'workstation-sheet', 'training-plan'])
    const agreement = body.documents.find((d) => d.kind === 'agreement')!
    // Blank until the school enters its insurer (PATCH /school/schools/:id/profile, issue 15).
    expect(agreement.missing).toContain('verzekeraar en polisnummer van de school')
  })

  it('gives the school the PDF (default) and the HTML, with the missing fields in X-Missing-Fields', async () => {
    const list = (
      await w.call('schoolA', { url: `/school/proposals/${accepted}/documents` })
    ).json<DocumentList>()
    const pdf = await w.call('schoolA', { url: `/school/proposals/${accepted}/documents/agreement` })
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const missing = JSON.parse(String(pdf.headers['x-missing-fields'])) as string[]
    expect(missing).toEqual(list.documents.find((d) => d.kind === 'agreement')!.missing)
    expect(missing.length).toBeGreaterThan(0)

    const html = await w.call('schoolA', {
      url: `/school/proposals/${accepted}/documents/workstation-sheet?format=html`,
    })
    expect(html.statusCode).toBe(200)
    expect(html.headers['content-type']).toMatch(/^text\/html/)
    expect(html.body).toMatch(/<html/i)
    expect(html.body).toContain('Voornaam-a1')
    expect(JSON.parse(String(html.headers['x-missing-fields']))).toEqual(
      list.documents.find((d) => d.kind === 'workstation-sheet')!.missing,
    )
    // The group key covers school A too.
    expect(
      (await w.call('group', { url: `/school/proposals/${accepted}/documents/training-plan` })).statusCode,
    ).toBe(200)
  })

  it('fills the school block of the agreement once the school entered its own data', async () => {
    const blanks = [
      'adres van de school (straat en huisnummer)',
      'directeur of afgevaardigde van de school',
      'stagebegeleider (leerkracht)',
      'verzekeraar en polisnummer van de school',
    ]
    const before = await w.call('schoolA', {
      url: `/school/proposals/${accepted}/documents/agreement?format=html`,
    })
    expect(JSON.parse(String(before.headers['x-missing-fields']))).toEqual(expect.arrayContaining(blanks))
    const patched = await w.call('schoolA', {
      method: 'PATCH',
      url: `/school/schools/${w.ids.schoolA}/profile`,
      payload: {
        street: 'Kollegestraat',
        houseNumber: '12',
        directorName: 'Els Peeters',
        directorFunction: 'directeur',
        insurer: 'Ethias',
        policyNumber: '45.123.789',
        supervisors: [{ name: 'Koen Wouters', email: 'koen.wouters@atheneum.test' }],
      },
    })
    expect(patched.statusCode, patched.body).toBe(200)
    const after = await w.call('schoolA', {
      url: `/school/proposals/${accepted}/documents/agreement?format=html`,
    })
    expect(after.statusCode).toBe(200)
    const missing = JSON.parse(String(after.headers['x-missing-fields'])) as string[]
    for (const blank of blanks) expect(missing).not.toContain(blank)
    for (const text of [
      'Kollegestraat 12',
      'Els Peeters, directeur',
      'Ethias, polis 45.123.789',
      'Koen Wouters, koen.wouters@atheneum.test',
    ])
      expect(after.body).toContain(text)
  })

  it('writes an audit row for every read', async () => {
    const rows = await w.db
      .selectFrom('audit_log')
      .selectAll()
      .where('subject', '=', `proposal:${accepted}`)
      .where('action', 'in', ['document.read', 'document.list'])
      .execute()
    expect(rows.filter((r) => r.action === 'document.read').length).toBeGreaterThanOrEqual(3)
    expect(rows.filter((r) => r.action === 'document.list').length).toBeGreaterThanOrEqual(1)
  })

  it('answers another school and another company 404, like a missing id, and an admin 403', async () => {
    for (const url of [
      `/school/proposals/${accepted}/documents`,
      `/school/proposals/${accepted}/documents/agreement`,
    ]) {
      const res = await w.call('schoolB', { url })
      expect(res.statusCode).toBe(404)
      expect(problem(res).type).toBe('https://stagebrug.be/problems/not-found')
    }
    const missing = await w.call('schoolA', {
      url: '/school/proposals/00000000-0000-4000-8000-000000000000/documents/agreement',
    })
    expect(missing.statusCode).toBe(404)
    expect((await w.call('companyY', { url: `/company/proposals/${accepted}/documents` })).statusCode).toBe(
      404,
    )
    expect((await w.call('admin', { url: `/school/proposals/${accepted}/documents` })).statusCode).toBe(403)
  })

  it('answers 409 for a proposal that is not accepted, and 400 for an unknown kind', async () => {
    for (const url of [
      `/school/proposals/${contacted}/documents`,
      `/school/proposals/${contacted}/documents/agreement?format=html`,
    ]) {
      const res = await w.call('schoolA', { url })
      expect(res.statusCode).toBe(409)
      expect(problem(res).type).toBe('https://stagebrug.be/problems/conflict')
    }
    const bad = await w.call('schoolA', { url: `/school/proposals/${accepted}/documents/contract` })
    expect(bad.statusCode).toBe(400)
  })

  it('gives the company the documents only after the school released the contact', async () => {
    const before = await w.call('companyX', { url: `/company/proposals/${accepted}/documents/agreement` })
    expect(before.statusCode).toBe(403)
    expect(problem(before).detail).toContain('nog niet vrijgegeven')
    expect((await w.call('companyX', { url: `/company/proposals/${accepted}/documents` })).statusCode).toBe(
      403,
    )

    const release = await w.call('schoolA', { method: 'POST', url: `/school/proposals/${accepted}/release` })
    expect(release.statusCode).toBe(200)

    const list = await w.call('companyX', { url: `/company/proposals/${accepted}/documents` })
    expect(list.statusCode).toBe(200)
    expect(list.json<DocumentList>().documents).toHaveLength(3)
    const pdf = await w.call('companyX', {
      url: `/company/proposals/${accepted}/documents/agreement?format=pdf`,
    })
    expect(pdf.statusCode).toBe(200)
    expect(pdf.rawPayload.subarray(0, 4).toString('latin1')).toBe('%PDF')
    expect(JSON.parse(String(pdf.headers['x-missing-fields']))).toEqual(expect.any(Array))
    // Still not another company's.
    expect(
      (await w.call('companyY', { url: `/company/proposals/${accepted}/documents/agreement` })).statusCode,
    ).toBe(404)
  })
})

describe('regional figures of a run', () => {
  let w: World
  let run = ''
  beforeAll(async () => {
    w = await openWorld()
    run = w.night.run.id
  })
  afterAll(() => w?.close())

  it('computes the figures on the first read and serves them as JSON, filtered by level', async () => {
    const res = await w.call('schoolA', { url: `/runs/${run}/figures` })
    expect(res.statusCode).toBe(200)
    const all = res.json<Figures>()
    expect(all.runId).toBe(run)
    const { ownSchool, ...flanders } = all.rows.find((r) => r.level === 'flanders' && r.programmeId === null)!
    expect(flanders.regionKey).toBe('vlaanderen')
    // Six students, none accepted before the run: a school sees 6 rounded to 5 (small cells,
    // figures-privacy.test.ts), and its own three exactly.
    expect(flanders.seekers).toBe(5)
    expect(ownSchool?.seekers).toBe(3)

    const provinces = (await w.call('admin', { url: `/runs/${run}/figures?level=province` })).json<Figures>()
    expect(provinces.rows.length).toBeGreaterThan(0)
    expect(provinces.rows.every((r) => r.level === 'province')).toBe(true)
    const exact = (
      await w.call('admin', { url: `/runs/${run}/figures?level=flanders&programme=all` })
    ).json<Figures>()
    expect(exact.rows[0]?.seekers).toBe(6)
    const totals = (
      await w.call('companyX', { url: `/runs/${run}/figures?region=vlaanderen&programme=all` })
    ).json<Figures>()
    expect(totals.rows).toEqual([flanders])
  })

  it('shows the administrator the idle recognised places and the watch list, and nobody else', async () => {
    const res = await w.call('admin', { url: `/admin/runs/${run}/supply` })
    expect(res.statusCode).toBe(200)
    const body = res.json<{ runId: string; idle: { placeId: string; reason: string }[]; watch: unknown[] }>()
    expect(body.runId).toBe(run)
    expect(Array.isArray(body.idle)).toBe(true)
    expect(Array.isArray(body.watch)).toBe(true)
    for (const p of body.idle) expect(['not_proposed', 'not_filled']).toContain(p.reason)
    expect((await w.call('schoolA', { url: `/admin/runs/${run}/supply` })).statusCode).toBe(403)
    expect((await w.call('companyX', { url: `/admin/runs/${run}/supply` })).statusCode).toBe(403)
  })

  it('serves CSV for Belgian Excel: ; between cells and Dutch headers', async () => {
    const res = await w.call('schoolA', { url: `/runs/${run}/figures?format=csv&level=flanders` })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/csv/)
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    const header = lines[0]!.split(';')
    expect(header.slice(0, 6)).toEqual([
      'Niveau',
      'Regio',
      'Regiocode',
      'Studierichting',
      'Studierichtingnummer',
      'Zoekende leerlingen',
    ])
    expect(header).toContain('Krapte-index')
    expect(lines.length).toBeGreaterThan(1)
    expect(lines[1]!.split(';')).toHaveLength(header.length)
  })

  it('draws the chart of a region as SVG', async () => {
    const res = await w.call('schoolA', { url: `/runs/${run}/figures/chart.svg?region=vlaanderen` })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/)
    expect(res.body.trimStart()).toMatch(/^<svg/)
    expect(res.body).toMatch(/<rect|<path/)
    const unknown = await w.call('schoolA', { url: `/runs/${run}/figures/chart.svg?region=nergens` })
    expect(unknown.statusCode).toBe(404)
    expect(problem(unknown).detail).toContain('nergens')
  })

  it('is 404 for an unknown run, and for a company until the run is published', async () => {
    const none = await w.call('admin', { url: '/runs/00000000-0000-4000-8000-000000000000/figures' })
    expect(none.statusCode).toBe(404)
    expect(problem(none).type).toBe('https://stagebrug.be/problems/not-found')
    const held = await w.runNight(false)
    expect((await w.call('companyX', { url: `/runs/${held.run.id}/figures` })).statusCode).toBe(404)
    expect((await w.call('schoolA', { url: `/runs/${held.run.id}/figures` })).statusCode).toBe(200)
    expect((await w.call(null, { url: `/runs/${run}/figures` })).statusCode).toBe(401)
  })
})
