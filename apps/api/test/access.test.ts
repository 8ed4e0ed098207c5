// The access matrix: for every route of the API, the role that may call it succeeds, every other
// role gets 403 and another tenant of the same role gets 404 (or the upload's refusal), without
// learning whether the resource exists. A route that is not in this table fails the suite.
import { createApiKey, insertPlaces } from '@stagebrug/db'
import type { CompetenceId } from '@stagebrug/matching-core'
import { triggerRun } from '@stagebrug/queue'
import type { InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  csv,
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
} from '../../../test/support/upload-files.js'
import type { ApiRoute } from '../src/app.js'
import { proposalId, proposeEveryPair } from './support/fill.js'
import {
  GEEL,
  kbo,
  MOL,
  multipart,
  openWorld,
  PROGRAMME,
  problem,
  type Who,
  type World,
} from './support/world.js'

type Allowed = ApiRoute['roles']
interface Entry {
  readonly allowed: Allowed
  /** Who succeeds (default: admin, schoolA or companyX by role). */
  readonly as?: Who
  readonly ok: number
  readonly req: (w: World) => InjectOptions | Promise<InjectOptions>
  /** The same request by another tenant of the allowed role: refused as if the resource did not exist. */
  readonly otherTenant?: {
    readonly as: Who
    readonly status?: number
    readonly req?: (w: World) => InjectOptions
  }
}

const ADMIN: Allowed = ['admin']
const SCHOOL: Allowed = ['school']
const COMPANY: Allowed = ['company']
const json = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object): InjectOptions => ({
  method,
  url,
  ...(payload ? { payload } : {}),
})

// Resources the entries act on, made in beforeAll.
const r = {
  run: '',
  pStatus: '',
  pRelease: '',
  pMove: '',
  pDecision: '',
  moveTo: '',
  closeMe: '',
  recognition: '',
  mentor: '',
  mentorDel: '',
}

const studentFile = () =>
  multipart(
    'leerlingen.csv',
    utf8(
      csv(
        table(STUDENT_HEADER, [
          pupil('0000001', {
            instellingsnummer: '3004',
            studierichting: String(PROGRAMME.id),
            postcode: MOL,
            gemeente: 'Mol',
          }),
        ]),
      ),
    ),
  )
const placeFile = (company: string) =>
  multipart(
    'plaatsen.csv',
    utf8(
      csv(
        table(PLACE_HEADER, [
          place('UPL-1', {
            ondernemingsnummer: company,
            bedrijfsnaam: 'Zorgcentrum X',
            postcode: GEEL,
            gemeente: 'Geel',
            studierichtingen: String(PROGRAMME.id),
            contactpersoon: 'Mentor X',
            'e-mail contact': 'stage@x.test',
          }),
        ]),
      ),
    ),
  )
const recognitionFile = (company: string) =>
  multipart(
    'erkenningen.csv',
    utf8(
      csv(table(RECOGNITION_HEADER, [recognition({ ondernemingsnummer: company, studierichting: '152' })])),
    ),
  )
const mentorFile = (company: string) =>
  multipart('mentoren.csv', utf8(csv(table(MENTOR_HEADER, [mentor({ ondernemingsnummer: company })]))))
const mentorBody = (name: string) => ({
  name,
  email: `${name.toLowerCase()}@x.test`,
  declaredAtLeast25: true,
})
const recognitionBody = (programme: number) => ({
  establishmentNumber: '2147812701',
  programme,
  validFrom: '2026-09-01',
  status: 'erkend',
})
const placeBody = {
  externalId: 'API-1',
  kind: 'internship',
  postcode: GEEL,
  programmes: [PROGRAMME.id],
  capacity: 1,
  period: { start: '2027-01-15', end: '2027-06-30' },
  hours: { start: '08:00', end: '16:00' },
  sector: 'zorg',
}

const MATRIX: Readonly<Record<string, Entry>> = {
  'GET /healthz': { allowed: 'public', ok: 200, req: () => json('GET', '/healthz') },
  'GET /readyz': { allowed: 'public', ok: 200, req: () => json('GET', '/readyz') },
  'GET /me': { allowed: 'any', ok: 200, req: () => json('GET', '/me') },
  'GET /lookups/programmes': {
    allowed: 'any',
    ok: 200,
    req: () => json('GET', '/lookups/programmes?q=logistiek'),
  },
  'GET /lookups/competences': {
    allowed: 'any',
    ok: 200,
    req: () => json('GET', '/lookups/competences?q=voertuig'),
  },
  'GET /lookups/postcodes': { allowed: 'any', ok: 200, req: () => json('GET', '/lookups/postcodes?q=Geel') },
  'GET /lookups/regions': { allowed: 'any', ok: 200, req: () => json('GET', '/lookups/regions') },

  'GET /admin/school-groups': { allowed: ADMIN, ok: 200, req: () => json('GET', '/admin/school-groups') },
  'POST /admin/school-groups': {
    allowed: ADMIN,
    ok: 201,
    req: () => json('POST', '/admin/school-groups', { name: 'Scholengroep Waas' }),
  },
  'GET /admin/schools': { allowed: ADMIN, ok: 200, req: () => json('GET', '/admin/schools') },
  'POST /admin/schools': {
    allowed: ADMIN,
    ok: 201,
    req: () =>
      json('POST', '/admin/schools', {
        name: 'Technisch Instituut',
        instellingsnummer: '3005',
        postcode: '2400',
      }),
  },
  'GET /admin/schools/:id': {
    allowed: ADMIN,
    ok: 200,
    req: (w) => json('GET', `/admin/schools/${w.ids.schoolA}`),
  },
  'GET /school/schools/:id/profile': {
    allowed: ['school', 'admin'],
    ok: 200,
    req: (w) => json('GET', `/school/schools/${w.ids.schoolA}/profile`),
    otherTenant: { as: 'schoolB' },
  },
  'PATCH /school/schools/:id/profile': {
    allowed: ['school', 'admin'],
    ok: 200,
    req: (w) => json('PATCH', `/school/schools/${w.ids.schoolA}/profile`, { street: 'Stationsstraat' }),
    otherTenant: { as: 'schoolB' },
  },
  'POST /admin/schools/:id/coordinators': {
    allowed: ADMIN,
    ok: 201,
    req: (w) =>
      json('POST', `/admin/schools/${w.ids.schoolD}/coordinators`, {
        name: 'An Peeters',
        email: 'an@nieuw.test',
      }),
  },
  'DELETE /admin/coordinators/:id': {
    allowed: ADMIN,
    ok: 200,
    req: async (w) => {
      const c = await w.db
        .insertInto('coordinator')
        .values({ school_id: w.ids.schoolD, name: 'Weg', email: 'weg@nieuw.test' })
        .returning('id')
        .executeTakeFirstOrThrow()
      return json('DELETE', `/admin/coordinators/${c.id}`)
    },
  },
  'GET /admin/companies': { allowed: ADMIN, ok: 200, req: () => json('GET', '/admin/companies?q=Zorg') },
  'POST /admin/companies': {
    allowed: ADMIN,
    ok: 201,
    req: () => json('POST', '/admin/companies', { kboNumber: 'BE 0403.019.261', name: 'Nieuw Bedrijf' }),
  },
  'GET /admin/companies/:id': {
    allowed: ADMIN,
    ok: 200,
    req: (w) => json('GET', `/admin/companies/${w.ids.companyX}`),
  },
  'GET /admin/api-keys': { allowed: ADMIN, ok: 200, req: () => json('GET', '/admin/api-keys') },
  'POST /admin/api-keys': {
    allowed: ADMIN,
    ok: 201,
    req: (w) =>
      json('POST', '/admin/api-keys', {
        name: 'school D',
        role: 'school',
        scope: { schoolId: w.ids.schoolD },
      }),
  },
  'DELETE /admin/api-keys/:id': {
    allowed: ADMIN,
    ok: 200,
    req: async (w) =>
      json('DELETE', `/admin/api-keys/${(await createApiKey(w.db, { name: 'weg', role: 'admin' })).id}`),
  },
  'POST /admin/runs': { allowed: ADMIN, ok: 202, req: () => json('POST', '/admin/runs', { publish: false }) },
  'GET /admin/runs': { allowed: ADMIN, ok: 200, req: () => json('GET', '/admin/runs?status=succeeded') },
  'GET /admin/runs/jobs/:jobId': {
    allowed: ADMIN,
    ok: 200,
    req: async (w) => json('GET', `/admin/runs/jobs/${await triggerRun(w.queues.match, 'test', true)}`),
  },
  'GET /admin/runs/:id': { allowed: ADMIN, ok: 200, req: () => json('GET', `/admin/runs/${r.run}`) },
  'POST /admin/runs/:id/publish': {
    allowed: ADMIN,
    ok: 200,
    req: async (w) => {
      const held = await w.db
        .insertInto('match_run')
        .values({
          seed: 1,
          status: 'succeeded',
          today: '2026-11-01',
          finished_at: new Date('2026-11-01T03:00:00Z'),
          params: '{}' as never,
          timings: '{}' as never,
          counts: '{}' as never,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return json('POST', `/admin/runs/${held.id}/publish`)
    },
  },
  'GET /admin/audit': { allowed: ADMIN, ok: 200, req: () => json('GET', '/admin/audit?limit=5') },

  'POST /school/uploads/students': {
    allowed: SCHOOL,
    as: 'schoolD',
    ok: 200,
    req: () => ({ method: 'POST', url: '/school/uploads/students', ...studentFile() }),
    otherTenant: {
      as: 'schoolB',
      req: () => ({ method: 'POST', url: '/school/uploads/students?school=3004', ...studentFile() }),
    },
  },
  'GET /school/students': {
    allowed: SCHOOL,
    ok: 200,
    req: () => json('GET', '/school/students?status=open'),
  },
  'GET /school/students/:id': {
    allowed: SCHOOL,
    ok: 200,
    req: (w) => json('GET', `/school/students/${w.ids.students.a1}`),
    otherTenant: { as: 'schoolB' },
  },
  'GET /school/proposals': { allowed: SCHOOL, ok: 200, req: () => json('GET', '/school/proposals') },
  'GET /school/proposals/:id': {
    allowed: SCHOOL,
    ok: 200,
    req: () => json('GET', `/school/proposals/${r.pStatus}`),
    otherTenant: { as: 'schoolB' },
  },
  'PATCH /school/proposals/:id': {
    allowed: SCHOOL,
    ok: 200,
    req: () => json('PATCH', `/school/proposals/${r.pStatus}`, { status: 'contacted' }),
    otherTenant: { as: 'schoolB' },
  },
  'POST /school/proposals/:id/release': {
    allowed: SCHOOL,
    ok: 200,
    req: () => json('POST', `/school/proposals/${r.pRelease}/release`),
    otherTenant: { as: 'schoolB' },
  },
  'POST /school/proposals/:id/move': {
    allowed: SCHOOL,
    ok: 201,
    req: () =>
      json('POST', `/school/proposals/${r.pMove}/move`, { placeId: r.moveTo, reason: 'dichter bij huis' }),
    otherTenant: { as: 'schoolB' },
  },
  'GET /school/proposals/:id/documents': {
    allowed: SCHOOL,
    ok: 200,
    req: () => json('GET', `/school/proposals/${r.pRelease}/documents`),
    otherTenant: { as: 'schoolB' },
  },
  'GET /school/proposals/:id/documents/:kind': {
    allowed: SCHOOL,
    ok: 200,
    req: () => json('GET', `/school/proposals/${r.pRelease}/documents/training-plan?format=html`),
    otherTenant: { as: 'schoolB' },
  },
  'GET /school/places': {
    allowed: SCHOOL,
    ok: 200,
    req: () => json('GET', `/school/places?programme=${PROGRAMME.id}&region=reg-kempen`),
  },
  'GET /school/pins': { allowed: SCHOOL, ok: 200, req: () => json('GET', '/school/pins') },
  'POST /school/pins': {
    allowed: SCHOOL,
    ok: 201,
    req: (w) =>
      json('POST', '/school/pins', {
        studentId: w.ids.students.a1,
        placeId: w.ids.placesX[0],
        reason: 'kent de mentor',
      }),
    otherTenant: { as: 'schoolB' },
  },
  'DELETE /school/pins/:id': {
    allowed: SCHOOL,
    ok: 200,
    req: async (w) => {
      const pin = await w.db
        .insertInto('placement_override')
        .values({
          kind: 'pin',
          student_id: w.ids.students.a2!,
          place_id: w.ids.placeY,
          reason: 'tijdelijk',
          created_by: 'test',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return json('DELETE', `/school/pins/${pin.id}`)
    },
    otherTenant: { as: 'schoolB' },
  },

  'GET /company/places': { allowed: COMPANY, ok: 200, req: () => json('GET', '/company/places?status=open') },
  'GET /company/places/:id': {
    allowed: COMPANY,
    ok: 200,
    req: (w) => json('GET', `/company/places/${w.ids.placesX[0]}`),
    otherTenant: { as: 'companyY' },
  },
  'POST /company/places': {
    allowed: COMPANY,
    ok: 201,
    req: () => json('POST', '/company/places', placeBody),
  },
  'PATCH /company/places/:id': {
    allowed: COMPANY,
    ok: 200,
    req: (w) => json('PATCH', `/company/places/${w.ids.placesX[0]}`, { capacity: 3 }),
    otherTenant: { as: 'companyY' },
  },
  'POST /company/places/:id/close': {
    allowed: COMPANY,
    ok: 200,
    req: () => json('POST', `/company/places/${r.closeMe}/close`),
    otherTenant: { as: 'companyY' },
  },
  'POST /company/uploads/places': {
    allowed: COMPANY,
    ok: 200,
    req: () => ({ method: 'POST', url: '/company/uploads/places', ...placeFile(kbo(1)) }),
    otherTenant: { as: 'companyY', status: 422 },
  },
  'GET /company/recognitions': { allowed: COMPANY, ok: 200, req: () => json('GET', '/company/recognitions') },
  'PUT /company/recognitions': {
    allowed: COMPANY,
    ok: 200,
    req: () => ({ method: 'PUT', url: '/company/recognitions', payload: recognitionBody(152) }),
  },
  'DELETE /company/recognitions/:id': {
    allowed: COMPANY,
    ok: 204,
    req: () => json('DELETE', `/company/recognitions/${r.recognition}`),
    otherTenant: { as: 'companyY' },
  },
  'POST /company/uploads/recognitions': {
    allowed: COMPANY,
    ok: 200,
    req: () => ({ method: 'POST', url: '/company/uploads/recognitions', ...recognitionFile(kbo(1)) }),
    otherTenant: { as: 'companyY', status: 422 },
  },
  'GET /company/mentors': { allowed: COMPANY, ok: 200, req: () => json('GET', '/company/mentors') },
  'GET /company/mentors/:id': {
    allowed: COMPANY,
    ok: 200,
    req: () => json('GET', `/company/mentors/${r.mentor}`),
    otherTenant: { as: 'companyY' },
  },
  'POST /company/mentors': {
    allowed: COMPANY,
    ok: 200,
    req: () => ({ method: 'POST', url: '/company/mentors', payload: mentorBody('Posted') }),
  },
  'PATCH /company/mentors/:id': {
    allowed: COMPANY,
    ok: 200,
    req: () => ({ method: 'PATCH', url: `/company/mentors/${r.mentor}`, payload: { function: 'Chef' } }),
    otherTenant: { as: 'companyY' },
  },
  'DELETE /company/mentors/:id': {
    allowed: COMPANY,
    ok: 204,
    req: () => json('DELETE', `/company/mentors/${r.mentorDel}`),
    otherTenant: { as: 'companyY' },
  },
  'POST /company/uploads/mentors': {
    allowed: COMPANY,
    ok: 200,
    req: () => ({ method: 'POST', url: '/company/uploads/mentors', ...mentorFile(kbo(1)) }),
    otherTenant: { as: 'companyY', status: 422 },
  },
  'GET /company/proposals': {
    allowed: COMPANY,
    ok: 200,
    req: () => json('GET', '/company/proposals?status=proposed'),
  },
  'GET /company/proposals/:id': {
    allowed: COMPANY,
    ok: 200,
    req: () => json('GET', `/company/proposals/${r.pStatus}`),
    otherTenant: { as: 'companyY' },
  },
  'GET /company/proposals/:id/documents': {
    allowed: COMPANY,
    ok: 200,
    req: () => json('GET', `/company/proposals/${r.pRelease}/documents`),
    otherTenant: { as: 'companyY' },
  },
  'GET /company/proposals/:id/documents/:kind': {
    allowed: COMPANY,
    ok: 200,
    req: () => json('GET', `/company/proposals/${r.pRelease}/documents/workstation-sheet?format=html`),
    otherTenant: { as: 'companyY' },
  },
  'POST /company/proposals/:id/decision': {
    allowed: COMPANY,
    ok: 200,
    req: () => json('POST', `/company/proposals/${r.pDecision}/decision`, { decision: 'accepted' }),
    otherTenant: { as: 'companyY' },
  },

  'GET /runs/:id/figures': {
    allowed: 'any',
    ok: 200,
    req: () => json('GET', `/runs/${r.run}/figures?level=province`),
  },
  'GET /admin/runs/:id/supply': {
    allowed: ADMIN,
    ok: 200,
    req: () => json('GET', `/admin/runs/${r.run}/supply`),
  },
  'GET /runs/:id/figures/chart.svg': {
    allowed: 'any',
    ok: 200,
    req: () => json('GET', `/runs/${r.run}/figures/chart.svg?region=vlaanderen`),
  },
}

/** One caller per role for the 403 checks. */
const OF_ROLE = { admin: 'admin', school: 'schoolA', company: 'companyX' } as const

describe('access matrix over every route', () => {
  let w: World
  beforeAll(async () => {
    w = await openWorld()
    r.run = w.night.run.id
    await proposeEveryPair(w.db, r.run)
    const [moveTo, closeMe] = await insertPlaces(w.db, [
      { ...basePlace(w.ids.companyX), externalId: 'X3' },
      { ...basePlace(w.ids.companyX), externalId: 'X4' },
    ])
    r.moveTo = moveTo!
    r.closeMe = closeMe!
    // Declared through its door (JSON), to be deleted by the DELETE entry.
    const declared = await w.call('companyX', {
      method: 'PUT',
      url: '/company/recognitions',
      payload: recognitionBody(540),
    })
    r.recognition = declared.json().id
    // Mentors registered through their door (JSON): one to read and patch, one to delete.
    for (const key of ['mentor', 'mentorDel'] as const) {
      const res = await w.call('companyX', {
        method: 'POST',
        url: '/company/mentors',
        payload: mentorBody(key),
      })
      r[key] = res.json().id
    }
    const s = w.ids.students
    const [x1, x2] = w.ids.placesX
    r.pStatus = await proposalId(w.db, r.run, s.a1!, x1)
    r.pDecision = await proposalId(w.db, r.run, s.a1!, x2)
    r.pRelease = await proposalId(w.db, r.run, s.a2!, x1)
    r.pMove = await proposalId(w.db, r.run, s.a3!, x1)
    await w.db.updateTable('proposal').set({ status: 'accepted' }).where('id', '=', r.pRelease).execute()
    // Released beforehand, so the company's document routes do not depend on the order of the entries.
    await w.db
      .insertInto('contact_release')
      .values({ proposal_id: r.pRelease, released_by: 'test' })
      .execute()
  })
  afterAll(() => w?.close())

  it('has an entry for every route, with the roles the route declares', () => {
    const declared = Object.fromEntries(
      w.app.apiRoutes.map((route) => [`${route.method} ${route.url}`, route.roles]),
    )
    expect(Object.keys(declared).sort()).toEqual(Object.keys(MATRIX).sort())
    for (const [route, entry] of Object.entries(MATRIX))
      expect([route, declared[route]]).toEqual([route, entry.allowed])
  })

  it.each(Object.entries(MATRIX))('%s', async (_route, entry) => {
    const req = await entry.req(w)
    if (entry.allowed !== 'public') {
      const anonymous = await w.call(null, req)
      expect(anonymous.statusCode).toBe(401)
      expect(problem(anonymous).type).toBe('https://stagebrug.be/problems/unauthenticated')
    }
    if (Array.isArray(entry.allowed)) {
      for (const [role, who] of Object.entries(OF_ROLE)) {
        if (entry.allowed.includes(role as never)) continue
        const res = await w.call(who, req)
        expect([who, res.statusCode]).toEqual([who, 403])
        expect(problem(res).type).toBe('https://stagebrug.be/problems/forbidden')
      }
    }
    if (entry.otherTenant) {
      const other = entry.otherTenant
      const res = await w.call(other.as, other.req ? other.req(w) : req)
      expect([other.as, res.statusCode]).toEqual([other.as, other.status ?? 404])
      expect(problem(res).status).toBe(other.status ?? 404)
    }
    const callers: (Who | null)[] =
      entry.allowed === 'public' ? [null] : entry.allowed === 'any' ? ['admin', 'schoolA', 'companyX'] : []
    if (Array.isArray(entry.allowed))
      callers.push(entry.as ?? OF_ROLE[entry.allowed[0] as keyof typeof OF_ROLE])
    for (const who of callers) {
      const res = await w.call(who, req)
      expect([who, res.statusCode, res.statusCode >= 400 ? res.body : '']).toEqual([who, entry.ok, ''])
    }
  })

  it('lets only admin keys into the queue dashboard; a browser gets a Basic challenge', async () => {
    const anonymous = await w.call(null, { url: '/admin/queues' })
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.headers['www-authenticate']).toMatch(/^Basic /)
    expect((await w.call('schoolA', { url: '/admin/queues' })).statusCode).toBe(403)
    expect((await w.call('companyX', { url: '/admin/queues/api/queues' })).statusCode).toBe(403)
    const page = await w.call('admin', { url: '/admin/queues' })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('<!DOCTYPE html>')
    const basic = Buffer.from(`beheer:${w.keys.admin}`).toString('base64')
    const api = await w.app.inject({
      url: '/admin/queues/api/queues',
      headers: { authorization: `Basic ${basic}` },
    })
    expect(api.statusCode).toBe(200)
    expect(
      api
        .json()
        .queues.map((q: { name: string }) => q.name)
        .sort(),
    ).toEqual(['mail', 'match'])
  })

  it('serves the OpenAPI document and its UI without a key', async () => {
    const doc = await w.call(null, { url: '/docs/json' })
    expect(doc.statusCode).toBe(200)
    const paths = Object.keys(doc.json().paths)
    expect(paths).toContain('/school/proposals/{id}/move')
    expect(paths).not.toContain('/admin/queues')
    expect((await w.call(null, { url: '/docs' })).statusCode).toBeLessThan(400)
  })
})

function basePlace(companyId: string) {
  return {
    companyId,
    establishmentPostcode: GEEL,
    kind: 'internship' as const,
    programmes: [PROGRAMME.id],
    competences: [{ id: 1 as CompetenceId, weight: 1 }],
    capacity: 1,
    period: { start: '2027-01-15', end: '2027-06-30' },
    hours: { start: '08:00', end: '16:30' },
    sector: 'zorg',
  }
}
