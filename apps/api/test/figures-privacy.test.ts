// Small cells in the regional figures (issue 13): a region × programme with 1–4 seekers can single
// out a pupil. A company key (and any key but the administrator's) sees "< 5" for such a count and
// for the values derived from it, in JSON, CSV and the SVG chart, and every other count rounded to
// 5, so the small cell cannot be recovered by subtracting from a total; the administrator sees
// every count exactly, a school its own pupils exactly. Over HTTP on PostgreSQL.
import { type StudentInput, upsertStudents } from '@stagebrug/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorld, PROGRAMME, type Who, type World } from './support/world.js'

// One pupil of school D living in Gent: alone in Oost-Vlaanderen, far from every place (Geel, Mol).
const GENT = '9000'
const LONE: StudentInput = {
  externalId: 'd1',
  firstName: 'Eenzame',
  lastName: 'Leerling',
  email: 'd1@leerling.test',
  birthDate: '2008-05-01',
  programmeId: PROGRAMME.id,
  grade: 3,
  class: '6A',
  homePostcode: GENT,
  competences: [1, 2],
  availability: { start: '2027-02-01', end: '2027-03-31' },
  maxTravelKm: 25,
  seeks: 'internship',
  firstTwoYearsDone: true,
}
const PROVINCE = 'oost-vlaanderen'

type Count = number | '< 5'
interface Row {
  level: string
  regionKey: string
  programmeId: number | null
  seekers: Count
  proposed: Count
  unmatched: Count
  accepted: Count
  places: Count
  seats: Count
  freeSeats: Count
  idleSeats: Count
  recognisedPlaces: Count
  idleRecognisedPlaces: Count
  unmatchedReasons: { code: string; count: Count }[]
  shortageX100: number | null
  placementPct: number | null
  chance: number | null
  placementVsFlandersPp: number | null
  suppressed: string[]
  ownSchool?: { seekers: number; proposed: number; unmatched: number; accepted: number }
}
interface Figures {
  disclosure: 'exact' | 'protected'
  rows: Row[]
}
const COUNTS = [
  'seekers',
  'proposed',
  'unmatched',
  'accepted',
  'places',
  'seats',
  'freeSeats',
  'idleSeats',
  'recognisedPlaces',
  'idleRecognisedPlaces',
] as const

describe('small cells in the figures', () => {
  let w: World
  let run = ''
  const figures = async (who: Who, query = '') => {
    const res = await w.call(who, { url: `/runs/${run}/figures${query}` })
    expect(res.statusCode).toBe(200)
    return res.json<Figures>()
  }
  const cell = (f: Figures, level: string, key: string, programme: number | null = PROGRAMME.id) =>
    f.rows.find((r) => r.level === level && r.regionKey === key && r.programmeId === programme)!
  const csvRow = (body: string, regionKey: string, programme: number) => {
    const lines = body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    const header = lines[0]!.split(';')
    const line = lines.map((l) => l.split(';')).find((c) => c[2] === regionKey && c[4] === String(programme))!
    return Object.fromEntries(header.map((h, i) => [h, line[i]]))
  }

  beforeAll(async () => {
    w = await openWorld()
    await w.db.transaction().execute((trx) => upsertStudents(trx, w.ids.schoolD, [LONE]))
    run = (await w.runNight(true)).run.id
  })
  afterAll(() => w?.close())

  it('gives the administrator every count exactly', async () => {
    const admin = await figures('admin')
    expect(admin.disclosure).toBe('exact')
    const lone = cell(admin, 'province', PROVINCE)
    expect([lone.seekers, lone.proposed, lone.unmatched]).toEqual([1, 0, 1])
    expect(lone.unmatchedReasons).toEqual([{ code: expect.any(String), count: 1 }])
    expect(lone.placementPct).toBe(0)
    expect(lone.suppressed).toEqual([])
    // Seven pupils of the run: the six of the world and the one in Gent.
    expect(cell(admin, 'flanders', 'vlaanderen').seekers).toBe(7)
  })

  it('shows a company "< 5" for the small cell and for what is derived from it, in JSON', async () => {
    const company = await figures('companyX')
    expect(company.disclosure).toBe('protected')
    const lone = cell(company, 'province', PROVINCE)
    expect([lone.seekers, lone.unmatched]).toEqual(['< 5', '< 5'])
    expect(lone.unmatchedReasons).toEqual([{ code: 'other', count: '< 5' }])
    expect([lone.placementPct, lone.chance, lone.placementVsFlandersPp]).toEqual([null, null, null])
    expect(lone.suppressed).toEqual(
      expect.arrayContaining(['placementPct', 'chance', 'placementVsFlandersPp']),
    )
    // The same cell for all programmes together is no way around it.
    expect(cell(company, 'province', PROVINCE, null).seekers).toBe('< 5')
  })

  it('shows a company every other count as 0, "< 5" or a multiple of 5, so no total gives a small cell away', async () => {
    const company = await figures('companyX')
    const shown = company.rows.flatMap((r) => [
      ...COUNTS.map((k) => r[k]),
      ...r.unmatchedReasons.map((x) => x.count),
    ])
    expect(shown.length).toBeGreaterThan(100)
    for (const v of shown) expect(v === '< 5' || (typeof v === 'number' && v % 5 === 0)).toBe(true)
    // Flanders (7) minus Antwerpen (6) would be the pupil in Gent; shown, it is 5 − 5.
    expect(cell(company, 'flanders', 'vlaanderen').seekers).toBe(5)
    expect(cell(company, 'province', 'antwerpen').seekers).toBe(5)
    // No exact count of a row in the body at all, and no school's own counts.
    expect(JSON.stringify(company)).not.toMatch(/"(seekers|unmatched)":[1-46-9]\b/)
    expect(company.rows.some((r) => 'ownSchool' in r)).toBe(false)
  })

  it('writes "< 5" in the CSV a company downloads', async () => {
    const res = await w.call('companyX', { url: `/runs/${run}/figures?format=csv&level=province` })
    expect(res.statusCode).toBe(200)
    const lone = csvRow(res.body, PROVINCE, PROGRAMME.id)
    expect(lone['Zoekende leerlingen']).toBe('< 5')
    expect(lone['Zonder plaats']).toBe('< 5')
    expect(lone['Plaatsingsgraad (%)']).toBe('< 5')
    expect(lone['Kans op een plaats']).toBe('< 5')
    expect(lone['Redenen zonder plaats']).toBe('andere redenen (kleine aantallen): < 5')
    const admin = csvRow(
      (await w.call('admin', { url: `/runs/${run}/figures?format=csv&level=province` })).body,
      PROVINCE,
      PROGRAMME.id,
    )
    expect([admin['Zoekende leerlingen'], admin['Plaatsingsgraad (%)']]).toEqual(['1', '0'])
  })

  it('labels the small count "< 5" in the chart a company gets, with no bar for it', async () => {
    const url = `/runs/${run}/figures/chart.svg?region=${PROVINCE}`
    const company = await w.call('companyX', { url })
    expect(company.statusCode).toBe(200)
    expect(company.body).toContain('&lt; 5')
    expect(company.body).not.toMatch(/aantal: [1-9]/)
    const admin = await w.call('admin', { url })
    expect(admin.body).toContain('aantal: 1; studierichting')
  })

  it("gives a school its own pupils exactly, beside the protected region's counts", async () => {
    const d = await figures('schoolD')
    expect(d.disclosure).toBe('protected')
    const lone = cell(d, 'province', PROVINCE)
    expect(lone.seekers).toBe('< 5')
    expect(lone.ownSchool).toEqual({
      seekers: 1,
      proposed: 0,
      unmatched: 1,
      accepted: 0,
      unmatchedReasons: [{ code: expect.any(String), count: 1 }],
    })
    expect(cell(d, 'flanders', 'vlaanderen').ownSchool?.seekers).toBe(1)
    // School A: its three pupils in Flanders, none in Oost-Vlaanderen.
    const a = await figures('schoolA')
    expect(cell(a, 'flanders', 'vlaanderen').ownSchool?.seekers).toBe(3)
    expect(cell(a, 'province', PROVINCE).ownSchool?.seekers).toBe(0)

    const csv = await w.call('schoolD', { url: `/runs/${run}/figures?format=csv&level=province` })
    const row = csvRow(csv.body, PROVINCE, PROGRAMME.id)
    expect([row['Zoekende leerlingen'], row['Eigen school: zoekende leerlingen']]).toEqual(['< 5', '1'])
  })
})
