// The privacy suite (issue 13): sentinel values are planted through the doors a school uses (the
// placement list upload with names, birth dates, street addresses and the vulnerability flag; a pin
// and a move whose free-text reason holds a name, a home town, a birth date and a health remark),
// a night runs and is published, and then EVERY response a company key can get — lists followed
// page by page with limit=1, each filter, every item, documents before release, figures as JSON,
// CSV and SVG, errors, and every response header — and every company mail in the outbox are
// scanned for any of them, for the priority reason, for exact distances and for the score.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csv, STUDENT_HEADER, table, utf8 } from '../../../test/support/upload-files.js'
import { GEEL, MOL, multipart, openWorld, PROGRAMME, type Who, type World } from './support/world.js'

const HEALTH = 'epilepsieaanvallen'
const SENTINELS = [
  'Zebedeus',
  'Quispelaere',
  'Ermengarde',
  'Wolfaerts',
  'Philomena',
  'Tuytschaever',
  'Kwakkelstraat',
  'Vlinderdreef',
  'Bremlaan',
  'Kasterlee',
  '2009-09-17',
  '17/09/2009',
  '17-09-2009',
  '17 september 2009',
  '2008-11-23',
  '23/11/2008',
  '2009-06-04',
  '04/06/2009',
  HEALTH,
  'voorrang',
  'kwetsba',
  'van huis',
  'trajectbegeleider:',
]

const HEADER = [...STUDENT_HEADER, 'straat', 'huisnummer', 'kwetsbaar'] as const
function sentinelPupil(id: string, over: Record<string, string>): Record<string, string> {
  return {
    instellingsnummer: '3001',
    stamboeknummer: id,
    klas: '6ZO',
    studierichting: String(PROGRAMME.id),
    graad: '3',
    traject: 'stage',
    postcode: GEEL,
    gemeente: 'Geel',
    startdatum: '01/02/2027',
    einddatum: '31/03/2027',
    kwetsbaar: 'nee',
    ...over,
  }
}
const PUPILS = [
  sentinelPupil('S-001', {
    naam: 'Quispelaere',
    voornaam: 'Zebedeus',
    geboortedatum: '17/09/2009',
    straat: 'Kwakkelstraat',
    huisnummer: '77',
    kwetsbaar: 'ja',
  }),
  sentinelPupil('S-002', {
    naam: 'Wolfaerts',
    voornaam: 'Ermengarde',
    geboortedatum: '23/11/2008',
    straat: 'Vlinderdreef',
    huisnummer: '13',
    postcode: MOL,
    gemeente: 'Mol',
  }),
  sentinelPupil('S-003', {
    naam: 'Tuytschaever',
    voornaam: 'Philomena',
    geboortedatum: '04/06/2009',
    straat: 'Bremlaan',
    huisnummer: '5',
    kwetsbaar: 'ja',
  }),
]
const FREE_TEXT = (who: string) =>
  `${who} uit Kasterlee, geboren 17/09/2009, heeft ${HEALTH}; graag een rustige werkplek`

interface Seen {
  readonly what: string
  readonly status: number
  readonly headers: Record<string, unknown>
  readonly body: string
}

/** Every JSON number in a value. */
function numbers(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value)
  else if (Array.isArray(value)) for (const v of value) numbers(v, out)
  else if (value && typeof value === 'object') for (const v of Object.values(value)) numbers(v, out)
  return out
}
/** Every key of a JSON value, deep. */
function keys(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) keys(v, out)
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push(k)
      keys(v, out)
    }
  return out
}

describe('what a company can learn about a pupil', { timeout: 120_000 }, () => {
  let w: World
  const seen: Seen[] = []
  let secrets: { score: number; distanceKm: number }[] = []
  const cursors: string[] = []
  const companyMails: { to: string; text: string; html: string; subject: string }[] = []

  async function get(who: Who, url: string, what = url): Promise<Seen> {
    const res = await w.call(who, { method: 'GET', url })
    const s = { what: `${who} ${what}`, status: res.statusCode, headers: res.headers, body: res.body }
    seen.push(s)
    return s
  }

  /** Follows a list with limit=1 to its end, fetching every item and its documents on the way. */
  async function walk(who: Who, query: string) {
    let cursor: string | null = null
    let pages = 0
    do {
      const page = await get(
        who,
        `/company/proposals?limit=1${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      )
      expect(page.status, page.body).toBe(200)
      const body = JSON.parse(page.body) as { items: { id: string }[]; nextCursor: string | null }
      for (const item of body.items) {
        await get(who, `/company/proposals/${item.id}`)
        await get(who, `/company/proposals/${item.id}/documents`)
        await get(who, `/company/proposals/${item.id}/documents/agreement?format=html`)
      }
      cursor = body.nextCursor
      if (cursor) cursors.push(cursor)
      pages++
    } while (cursor && pages < 200)
    return pages
  }

  beforeAll(async () => {
    w = await openWorld({ publish: true })
    const upload = await w.call('schoolA', {
      method: 'POST',
      url: '/school/uploads/students',
      ...multipart('lijst.csv', utf8(csv(table(HEADER, PUPILS)))),
    })
    expect(upload.statusCode, upload.body).toBe(200)
    const students = (await w.call('schoolA', { method: 'GET', url: '/school/students?limit=100' })).json<{
      items: { id: string; externalId: string }[]
    }>().items
    const byExternal = new Map(students.map((s) => [s.externalId, s.id]))
    // A pin before the night, its reason in free text.
    const pin = await w.call('schoolA', {
      method: 'POST',
      url: '/school/pins',
      payload: {
        studentId: byExternal.get('S-003'),
        placeId: w.ids.placesX[1],
        reason: FREE_TEXT('Philomena'),
      },
    })
    expect(pin.statusCode, pin.body).toBe(201)
    await w.runNight(true)
    // A move after the night, its reason in free text too.
    const proposals = (await w.call('schoolA', { method: 'GET', url: '/school/proposals?limit=100' })).json<{
      items: { id: string; student: { id: string }; place: { id: string }; kind: string }[]
    }>().items
    const zebedeus = proposals.find((p) => p.student.id === byExternal.get('S-001') && p.kind !== 'pinned')
    expect(zebedeus).toBeDefined()
    const target = [w.ids.placeY, ...w.ids.placesX].find((id) => id !== zebedeus!.place.id)!
    const move = await w.call('schoolA', {
      method: 'POST',
      url: `/school/proposals/${zebedeus!.id}/move`,
      payload: { placeId: target, reason: FREE_TEXT('Zebedeus') },
    })
    expect(move.statusCode, move.body).toBe(201)
    // Another night: the pin holds, so one pupil is proposed to the same company in two runs.
    await w.runNight(true)

    const stored = await w.db.selectFrom('proposal').select(['score', 'breakdown']).execute()
    secrets = stored.map((p) => ({ score: Number(p.score), distanceKm: p.breakdown.facts.distanceKm }))
    // The coordinator still reads every reason, the free text included (nothing lost on their side).
    const school = (await w.call('schoolA', { method: 'GET', url: '/school/proposals?limit=100' })).json<{
      items: { reasons: string[] }[]
    }>().items
    const schoolReasons = school.flatMap((p) => p.reasons)
    expect(schoolReasons).toContain('voorrang als kwetsbare leerling')
    expect(schoolReasons.some((r) => r.includes(HEALTH))).toBe(true)
    expect(schoolReasons.some((r) => r.endsWith('van huis'))).toBe(true)

    const runs = await w.db.selectFrom('match_run').select('id').execute()
    for (const who of ['companyX', 'companyY'] as const) {
      expect(await walk(who, '')).toBeGreaterThan(1)
      await walk(who, '&run=all')
      for (const status of ['proposed', 'accepted', 'declined', 'contacted'])
        await walk(who, `&status=${status}`)
      for (const place of [...w.ids.placesX, w.ids.placeY]) await walk(who, `&placeId=${place}`)
      for (const run of runs) {
        await walk(who, `&run=${run.id}`)
        await get(who, `/runs/${run.id}/figures`)
        await get(who, `/runs/${run.id}/figures?format=csv`)
        await get(who, `/runs/${run.id}/figures/chart.svg`)
      }
      // Errors: a forged cursor, an unknown proposal, a bad filter, another company's place.
      await get(who, `/company/proposals?limit=1&cursor=${Buffer.from('["x","y"]').toString('base64url')}`)
      await get(who, '/company/proposals/00000000-0000-4000-8000-000000000000')
      await get(who, '/company/proposals?limit=abc')
      await get(who, '/company/proposals?status=zzz')
      await get(who, '/company/places')
    }
    const mails = await w.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject', 'text_body', 'html_body'])
      .where('kind', '=', 'company')
      .execute()
    companyMails.push(
      ...mails.map((m) => ({ to: m.to_address, subject: m.subject, text: m.text_body, html: m.html_body })),
    )
  }, 120_000)
  afterAll(() => w?.close())

  it('planted the sentinels where a company would have seen them before', () => {
    expect(secrets.length).toBeGreaterThan(4)
    expect(companyMails.length).toBeGreaterThan(1)
    expect(seen.filter((s) => s.status === 200).length).toBeGreaterThan(20)
  })

  it('no company response (body or header) holds a sentinel, the priority reason or an exact distance', () => {
    const leaks: string[] = []
    for (const s of seen) {
      const text = `${s.body}\n${JSON.stringify(s.headers)}`.toLowerCase()
      for (const sentinel of SENTINELS)
        if (text.includes(sentinel.toLowerCase())) leaks.push(`${s.what}: ${sentinel}`)
    }
    expect(leaks).toEqual([])
  })

  it('no company mail holds a sentinel, the priority reason or an exact distance', () => {
    const leaks: string[] = []
    for (const m of companyMails) {
      const text = `${m.subject}\n${m.text}\n${m.html}`.toLowerCase()
      for (const sentinel of SENTINELS)
        if (text.includes(sentinel.toLowerCase())) leaks.push(`${m.to}: ${sentinel}`)
    }
    expect(leaks).toEqual([])
  })

  it('no field is named score and no number equals a stored score or distance', () => {
    const hidden = new Set(
      secrets.flatMap((s) => [s.score, s.distanceKm]).filter((n) => !Number.isInteger(n)),
    )
    const found: string[] = []
    for (const s of seen) {
      if (!String(s.headers['content-type']).includes('json')) continue
      const body: unknown = JSON.parse(s.body)
      if (keys(body).some((k) => /score|distance/i.test(k))) found.push(`${s.what}: a score/distance field`)
      for (const n of numbers(body)) if (hidden.has(n)) found.push(`${s.what}: ${n}`)
    }
    for (const m of companyMails)
      for (const s of secrets) {
        const nl = s.score.toFixed(2).replace('.', ',')
        if (m.text.includes(nl) || m.text.includes(s.score.toFixed(2)))
          found.push(`${m.to}: score ${s.score}`)
      }
    expect(found).toEqual([])
  })

  it('cursors are opaque: not JSON, no score or sort key inside', () => {
    expect(cursors.length).toBeGreaterThan(3)
    for (const c of cursors) {
      const raw = Buffer.from(c, 'base64url').toString('latin1')
      expect(() => JSON.parse(raw)).toThrow()
      for (const s of secrets) expect(raw).not.toContain(s.score.toFixed(2))
      expect(raw).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/)
    }
  })

  it('a forged or tampered cursor is a 400 problem, not a page', async () => {
    const c = cursors[0]!
    const bytes = Buffer.from(c, 'base64url')
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1
    for (const bad of [bytes.toString('base64url'), Buffer.from('["x","y"]').toString('base64url'), 'abc']) {
      const res = await w.call('companyX', { method: 'GET', url: `/company/proposals?limit=1&cursor=${bad}` })
      expect(res.statusCode).toBe(400)
      expect(res.json()).toMatchObject({ detail: 'Ongeldige cursor / Invalid cursor' })
    }
  })

  it('a code is the same for one pupil at one company across runs, and differs between companies', async () => {
    const codeOf = new Map<string, string>()
    for (const s of seen) {
      if (s.status !== 200 || !/\/company\/proposals\/[0-9a-f-]{36}$/.test(s.what)) continue
      const item = JSON.parse(s.body) as { id: string; candidateCode: string }
      codeOf.set(item.id, item.candidateCode)
    }
    const rows = await w.db
      .selectFrom('proposal as p')
      .innerJoin('place as pl', 'pl.id', 'p.place_id')
      .select(['p.id', 'p.student_id', 'p.run_id', 'pl.company_id'])
      .execute()
    const byPair = new Map<string, { codes: Set<string>; runs: Set<string> }>()
    const byStudent = new Map<string, Map<string, string>>()
    for (const r of rows) {
      const code = codeOf.get(r.id)
      if (!code) continue
      const pair = byPair.get(`${r.student_id}:${r.company_id}`) ?? { codes: new Set(), runs: new Set() }
      pair.codes.add(code)
      pair.runs.add(r.run_id)
      byPair.set(`${r.student_id}:${r.company_id}`, pair)
      const companies = byStudent.get(r.student_id) ?? new Map<string, string>()
      companies.set(r.company_id, code)
      byStudent.set(r.student_id, companies)
    }
    expect([...byPair.values()].some((p) => p.runs.size > 1)).toBe(true)
    for (const p of byPair.values()) expect(p.codes.size).toBe(1)
    const both = [...byStudent.values()].filter((c) => c.size > 1)
    expect(both.length).toBeGreaterThan(0)
    for (const companies of both) expect(new Set(companies.values()).size).toBe(companies.size)
  })

  it('companies see the pin as "voorgesteld door de school", and reasons only from the allowed codes', () => {
    const items = seen
      .filter((s) => s.status === 200 && /\/company\/proposals\/[0-9a-f-]{36}$/.test(s.what))
      .map((s) => JSON.parse(s.body) as { kind: string; reasons: unknown[]; candidateCode: string })
    expect(items.some((i) => i.kind === 'pinned')).toBe(true)
    for (const i of items) expect(i.candidateCode).toMatch(/^K-[0-9A-HJKMNP-TV-Z]{12}$/)
  })
})
