// The request half of the corpus: malformed JSON, wrong types and hostile strings in the body of
// every write endpoint, bad path parameters on every `:id` route, and bad query strings on the lists.
import fc from 'fast-check'
import {
  type Case,
  type CorpusContext,
  type Expectation,
  FORMULAS,
  type Rng,
  SQLISH,
  type Who,
} from './case.js'

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

const INVALID: Expectation = { status: [400], type: 'invalid-request' }
const MALFORMED: Expectation = { status: [400], type: 'malformed-body' }
const FOUR = (status: number[]): Expectation => ({ status })

const NUL = 'ab\u0000cd'
const HUGE = 'x'.repeat(20_000)
const UUID_BAD: Json[] = [
  42,
  '',
  'not-a-uuid',
  SQLISH[1],
  FORMULAS[0],
  '00000000-0000-0000-0000-00000000000g',
  'a'.repeat(3000),
  null,
  {},
  [],
  `${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}\u0000`,
]
const ENUM_BAD: Json[] = [
  42,
  '',
  'ACCEPTED',
  SQLISH[0],
  FORMULAS[0],
  null,
  ['accepted'],
  'accepted\u0000',
  'accepted ',
]
const NAME_BAD: Json[] = [42, '', ' ', 'x', 'x'.repeat(201), HUGE, [], {}, true, NUL, '\u0000\u0000']
const EMAIL_BAD: Json[] = [
  42,
  'geen-email',
  FORMULAS[0],
  SQLISH[1],
  'a@b',
  '@example.be',
  'x@@example.be',
  NUL,
]
const NUMBER_BAD: Json[] = ['2', -1, 1.5, 1001, 1e300, null, true, 'NaN', []]
const DATE_BAD: Json[] = [
  '2027-02-31',
  '31/02/2027',
  '2027-02-29',
  '',
  'morgen',
  FORMULAS[0],
  20270201,
  '2027-02-01T00:00:00Z',
]
const TIME_BAD: Json[] = ['24:00', '8:00', '08:60', '25:00', FORMULAS[2], 800, '']
const REASON_BAD: Json[] = [42, '', '  ', 'ab', 'x'.repeat(1001), HUGE, null, [], NUL]

/** A write endpoint: a valid body to break field by field, and the bad values per field. */
interface Endpoint {
  readonly who: Who
  readonly method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  readonly url: string
  readonly body?: { [k: string]: Json }
  readonly bad?: Readonly<Record<string, readonly Json[]>>
  /** Bodies the schema lets through and the handler refuses: [name, fields over `body`, answer]. */
  readonly refused?: readonly (readonly [string, { [k: string]: Json }, Expectation])[]
  /**
   * What body the endpoint takes: `object` (required), `optional` (no body, or null, is fine),
   * `partial` (every field optional: `{}` is fine) or `none` (no body: only its syntax can be wrong).
   */
  readonly takes: 'object' | 'optional' | 'partial' | 'none'
}

function endpoints(ctx: CorpusContext): Endpoint[] {
  const uuid = '3f1e2d4c-5b6a-4978-8a1b-2c3d4e5f6a7b'
  const placeBody = {
    kind: 'internship',
    postcode: '2440',
    programmes: [1],
    capacity: 2,
    period: { start: '2027-02-01', end: '2027-03-31' },
    hours: { start: '08:00', end: '16:30' },
    sector: 'zorg',
  }
  const schoolProfileBad = {
    street: [42, 'x'.repeat(201), NUL],
    houseNumber: [42, 'x'.repeat(21), NUL],
    municipality: [42, 'x'.repeat(101), NUL],
    directorName: [42, 'x'.repeat(201), NUL],
    directorFunction: [42, 'x'.repeat(101), NUL],
    insurer: [42, HUGE, NUL],
    policyNumber: [42, 'x'.repeat(51), NUL],
    supervisors: [
      'x',
      [{}],
      [{ name: 'x' }],
      [{ name: 'Koen', email: 'geen-adres' }],
      [42],
      Array(51).fill({ name: 'Koen' }),
    ],
    programmes: ['x', [0], [-1], ['1'], [1.5], [999999999], Array(1001).fill(1)],
  }
  const placeBad = {
    externalId: ['', HUGE, 42, NUL],
    kind: ENUM_BAD,
    postcode: ['244', '24400', 'abcd', FORMULAS[0], '2440\n', 2440, NUL, '0000'],
    establishmentNumber: ['123', 'x'.repeat(10), 1234567890],
    programmes: [[], [0], [-1], ['1'], 'x', Array(101).fill(1), [1.5]],
    competences: [
      [{ id: -1, weight: 1 }],
      [{ id: 1, weight: 0 }],
      [{ id: 1 }],
      'x',
      Array(201).fill({ id: 1, weight: 1 }),
    ],
    capacity: NUMBER_BAD,
    period: [
      { start: '2027-02-31', end: '2027-03-31' },
      { start: '2027-02-01' },
      '2027-02-01/2027-03-31',
      null,
      ...DATE_BAD.map((d) => ({ start: d, end: '2027-03-31' })),
    ],
    hours: [
      ...TIME_BAD.map((t) => ({ start: t, end: '16:30' })),
      { start: '08:00' },
      null,
      { start: '08:00', end: '16:30', shiftWork: 'ja' },
    ],
    minimumAge: [-1, 31, 15.5, '16'],
    needsDrivingLicence: ['true', 1, 'ja'],
    inclusive: ['nee', 0],
    sector: ['', '  ', 'x'.repeat(101), 42, NUL],
    // Issue 14: abroad, the contact for schools, the werkpostfiche, the mentors.
    municipality: ['', '  ', 'x'.repeat(101), 42, NUL, []],
    street: ['', 'x'.repeat(201), 42, NUL],
    houseNumber: ['', 'x'.repeat(21), 42],
    // 'NL' is a country, but a place abroad needs its city and street (the handler refuses it).
    country: ['XX', 'Atlantis', '', 42, FORMULAS[0], SQLISH[0], 'x'.repeat(61), NUL, 'NL'],
    contactName: ['', '  ', 'x'.repeat(201), 42, NUL],
    contactEmail: EMAIL_BAD,
    contactPhone: ['', 'x'.repeat(51), 32, NUL],
    workstation: ['', 'x'.repeat(501), 42, NUL],
    activities: ['', 'x'.repeat(5001), 42, NUL],
    risks: ['ja', ['onbekend-risico'], [42], [SQLISH[0]], [FORMULAS[0]], {}],
    increasedRisk: ['ja', 1],
    protectiveMeasures: ['', 'x'.repeat(5001), 42, NUL],
    healthSurveillance: ['nee', 0],
    healthSurveillanceType: ['', 'x'.repeat(501), 42, NUL],
    // A well-formed id of a mentor the company does not have is refused by the handler, in its transaction.
    mentorIds: [
      'x',
      [42],
      ['not-a-uuid'],
      [uuid],
      [ctx.mentorId, uuid],
      Array(101).fill(ctx.mentorId),
      null,
      {},
    ],
  }
  const placeRefused: [string, { [k: string]: Json }, Expectation][] = [
    [
      'surveillance-type-without-surveillance',
      { healthSurveillance: false, healthSurveillanceType: 'Bloedafname' },
      { ...INVALID, detail: /gezondheidstoezicht/ },
    ],
    ['abroad-without-street', { country: 'NL', municipality: 'Eindhoven' }, { ...INVALID, detail: /straat/ }],
    ['belgium-without-postcode', { postcode: null }, { ...INVALID, detail: /Postcode/ }],
  ]
  const mentorBad = {
    function: [42, '', '  ', 'x'.repeat(201), [], NUL],
    email: [...EMAIL_BAD, `${'m'.repeat(320)}@x.test`],
    phone: [42, '', 'x'.repeat(51), NUL],
    // In the future and under 18 are refused by the handler, as the mentor file refuses them.
    birthDate: [...DATE_BAD, 19800312, '2099-01-01', '2020-01-01'],
    declaredAtLeast25: ['ja', 1, 'true'],
    ageWaiver23: ['nee', 0, null],
    yearsExperience: [-1, 81, 1.5, '12', 1e300, true],
    trainingCompleted: ['ja', 1, null],
    trainingDeadline: DATE_BAD,
    extract5962CheckedOn: [...DATE_BAD, '2099-01-01'],
    placeIds: ['x', [42], ['not-a-uuid'], [uuid], [ctx.placeId, uuid], Array(1001).fill(ctx.placeId), null],
  }
  const mentorNameBad: Json[] = [42, '', '   ', 'x'.repeat(201), HUGE, [], {}, true, null, NUL]
  return [
    {
      who: 'admin',
      method: 'POST',
      takes: 'object',
      url: '/admin/school-groups',
      body: { name: 'Groep Corpus' },
      bad: { name: NAME_BAD },
    },
    {
      who: 'admin',
      method: 'POST',
      takes: 'object',
      url: '/admin/schools',
      body: { name: 'School Corpus', instellingsnummer: '99001', postcode: '2440' },
      bad: {
        name: NAME_BAD,
        instellingsnummer: ['12345678901', 'abc', SQLISH[0], FORMULAS[0], 123, '', '1 2', NUL],
        // '2440\n' is trimmed to 2440 since identifiers are normalised (issue 13); a newline inside is not.
        postcode: ['123', '12345', 'abcd', FORMULAS[0], '24\n40', 2440, '0000', '9999'],
        group: ['', 'x', 'x'.repeat(201), 42, NUL],
        ...schoolProfileBad,
      },
    },
    {
      who: 'admin',
      method: 'POST',
      takes: 'object',
      url: `/admin/schools/${uuid}/coordinators`,
      body: { name: 'Coördinator', email: 'tb@corpus.test' },
      bad: { name: NAME_BAD, email: EMAIL_BAD },
    },
    {
      who: 'admin',
      method: 'POST',
      takes: 'object',
      url: '/admin/companies',
      body: { kboNumber: '0403.019.261', name: 'Corpus NV' },
      bad: {
        kboNumber: ['0431.150.351', '', 'BE', SQLISH[0], FORMULAS[0], 403019261, '0403.019.262', NUL],
        name: NAME_BAD,
        contactName: ['x'.repeat(201), 42, NUL],
        contactEmail: EMAIL_BAD,
        contactPhone: ['x'.repeat(51), 32, NUL],
      },
    },
    {
      who: 'admin',
      method: 'POST',
      takes: 'object',
      url: '/admin/api-keys',
      body: { name: 'corpus', role: 'admin' },
      bad: {
        name: NAME_BAD,
        role: ['root', 'ADMIN', '', 42, null, SQLISH[0]],
        scope: [{ schoolId: 'x' }, { companyId: 42 }, 'school', [], { schoolId: uuid, companyId: uuid }],
      },
    },
    {
      who: 'admin',
      method: 'POST',
      url: '/admin/runs',
      takes: 'optional',
      body: { publish: false },
      bad: { publish: ['yes', 1, 'false', [], {}] },
    },
    {
      who: 'companyX',
      method: 'POST',
      takes: 'object',
      url: '/company/places',
      body: placeBody,
      bad: placeBad,
      refused: placeRefused,
    },
    {
      who: 'companyX',
      method: 'PATCH',
      url: `/company/places/${ctx.placeId}`,
      takes: 'partial',
      body: {},
      bad: { ...placeBad, status: ['deleted', 'OPEN', 42, null] },
      refused: placeRefused,
    },
    {
      who: 'companyX',
      method: 'POST',
      takes: 'object',
      url: `/company/proposals/${uuid}/decision`,
      body: { decision: 'accepted' },
      bad: { decision: ENUM_BAD },
    },
    {
      who: 'schoolA',
      method: 'PATCH',
      takes: 'partial',
      url: `/school/schools/${ctx.schoolId}/profile`,
      body: {},
      bad: schoolProfileBad,
    },
    {
      who: 'schoolA',
      method: 'POST',
      takes: 'object',
      url: '/school/pins',
      body: { studentId: ctx.studentId, placeId: ctx.placeId, reason: 'Dicht bij huis' },
      bad: { studentId: UUID_BAD, placeId: UUID_BAD, reason: REASON_BAD },
    },
    {
      who: 'schoolA',
      method: 'PATCH',
      takes: 'object',
      url: `/school/proposals/${uuid}`,
      body: { status: 'contacted' },
      bad: { status: ENUM_BAD },
    },
    {
      who: 'schoolA',
      method: 'POST',
      takes: 'object',
      url: `/school/proposals/${ctx.proposalId}/move`,
      body: { placeId: ctx.placeId, reason: 'Beter bereikbaar' },
      bad: { placeId: UUID_BAD, reason: REASON_BAD },
    },
    {
      who: 'companyX',
      method: 'PUT',
      takes: 'object',
      url: '/company/recognitions',
      // The recognition the corpus context declared: a body that passes replaces it.
      body: {
        establishmentNumber: ctx.establishmentNumber,
        programme: ctx.programme,
        validFrom: '2025-09-01',
        status: 'erkend',
      },
      bad: {
        // A bad mod-97 check, a KBO number (starts with 0) and dots in the wrong place reach the handler.
        establishmentNumber: [
          '',
          'x'.repeat(31),
          42,
          null,
          NUL,
          '2147812702',
          '0403019261',
          '2.147.812.70',
          FORMULAS[0],
          SQLISH[1],
        ],
        // 999999 is a whole number no programme has: the handler refuses it.
        programme: [0, -1, 1.5, '1', null, [], 1e300, 999_999],
        reference: ['x'.repeat(201), 42, [], {}, NUL],
        validFrom: [...DATE_BAD, null],
        // Until before from is refused by the handler.
        validUntil: [...DATE_BAD, null, '2025-08-31'],
        status: [...ENUM_BAD, 'ERKEND', 'erkend ', 'recognised', 'Erkend'],
      },
    },
    {
      who: 'companyX',
      method: 'POST',
      takes: 'object',
      url: '/company/mentors',
      body: { name: 'Corpus Nieuw', email: 'corpus.nieuw@x.test' },
      bad: { name: mentorNameBad, ...mentorBad },
    },
    {
      who: 'companyX',
      method: 'PATCH',
      takes: 'partial',
      url: `/company/mentors/${ctx.mentorId}`,
      body: {},
      bad: { name: mentorNameBad, ...mentorBad },
      refused: [
        // The company's other mentor has this e-mail (the key of a mentor within a company).
        ['email-of-other-mentor', { email: ctx.otherMentorEmail }, { status: [409], type: 'conflict' }],
        // The mentor has a birth date: declaring "at least 25" as well is one or the other.
        ['birth-date-and-at-least-25', { declaredAtLeast25: true }, { ...INVALID, detail: /niet allebei/ }],
      ],
    },
    // Writes without a body: only the body's syntax can be wrong.
    { who: 'admin', method: 'DELETE', url: `/admin/api-keys/${uuid}`, takes: 'none' },
    { who: 'admin', method: 'DELETE', url: `/admin/coordinators/${uuid}`, takes: 'none' },
    { who: 'admin', method: 'POST', url: `/admin/runs/${ctx.runId}/publish`, takes: 'none' },
    { who: 'companyX', method: 'POST', url: `/company/places/${ctx.placeId}/close`, takes: 'none' },
    { who: 'schoolA', method: 'DELETE', url: `/school/pins/${uuid}`, takes: 'none' },
    { who: 'companyX', method: 'DELETE', url: `/company/recognitions/${uuid}`, takes: 'none' },
    { who: 'companyX', method: 'DELETE', url: `/company/mentors/${uuid}`, takes: 'none' },
    { who: 'schoolA', method: 'POST', url: `/school/proposals/${uuid}/release`, takes: 'none' },
  ]
}

/** Bodies that are not JSON, or JSON no schema accepts. [name, raw body, content type, expectation]. */
function malformedBodies(
  rng: Rng,
  takes: Endpoint['takes'],
): [string, string | Buffer, string, Expectation][] {
  const json = 'application/json'
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`
  const syntax: [string, string][] = [
    ['open-brace', '{'],
    ['cut-value', '{"name": '],
    ['extra-brace', '{"a":1}}'],
    ['single-quotes', "{'name':'x'}"],
    ['bare-key', '{name:1}'],
    ['nan', 'NaN'],
    ['undefined', 'undefined'],
    ['trailing-comma-array', '[1,]'],
    ['trailing-comma-object', '{"a":1,}'],
    ['hex-number', '0x10'],
    ['two-documents', '{}{}'],
    ['comment', '{/* x */}'],
    ['lone-surrogate-escape', '{"name":"\\ud800'],
    ['control-char-in-string', '{"name":"a\u0001b"}'],
    ['whitespace-only', '   '],
    ['random-ascii', Array.from({ length: 40 }, () => String.fromCharCode(rng.int(33, 126))).join('')],
  ]
  const out: [string, string | Buffer, string, Expectation][] = syntax.map(([n, b]) => [
    n,
    b,
    json,
    MALFORMED,
  ])
  out.push(
    ['random-binary', Buffer.from(rng.bytes(300)), json, FOUR([400])],
    ['proto-pollution', '{"__proto__":{"role":"admin"}}', json, FOUR([400])],
    ['constructor-prototype', '{"constructor":{"prototype":{"role":"admin"}}}', json, FOUR([400])],
    [
      'too-large',
      JSON.stringify({ name: 'x'.repeat(70_000) }),
      json,
      { status: [413], type: 'payload-too-large' },
    ],
    ['text-plain', '{"name":"x"}', 'text/plain', { status: [415], type: 'unsupported-media-type' }],
    ['xml', '<name>x</name>', 'application/xml', { status: [415], type: 'unsupported-media-type' }],
    [
      'form-urlencoded',
      'name=x',
      'application/x-www-form-urlencoded',
      { status: [415], type: 'unsupported-media-type' },
    ],
  )
  // Valid JSON of the wrong shape: refused where a body object is required (or where every field is optional, but not null).
  if (takes === 'object' || takes === 'partial')
    out.push(
      ['deep-nesting', deep(5000), json, INVALID],
      ['array', '[]', json, INVALID],
      ['null', 'null', json, INVALID],
      ['string', '"x"', json, INVALID],
      ['number', '42', json, INVALID],
      ['huge-number', '1e99999', json, INVALID],
    )
  if (takes === 'object')
    out.push(
      ['bom-prefixed', '\uFEFF{"name":1}', json, FOUR([400])],
      ['json-utf16-charset', '{"name":1}', 'application/json; charset=utf-16', FOUR([400, 415])],
    )
  return out
}

const ID_ROUTES: [Who, 'GET' | 'POST' | 'PATCH' | 'DELETE', string][] = [
  ['companyX', 'GET', '/company/mentors/:id'],
  ['companyX', 'PATCH', '/company/mentors/:id'],
  ['companyX', 'DELETE', '/company/mentors/:id'],
  ['companyX', 'DELETE', '/company/recognitions/:id'],
  ['admin', 'GET', '/admin/schools/:id'],
  ['schoolA', 'GET', '/school/schools/:id/profile'],
  ['schoolA', 'PATCH', '/school/schools/:id/profile'],
  ['admin', 'GET', '/admin/companies/:id'],
  ['admin', 'GET', '/admin/runs/:id'],
  ['admin', 'GET', '/admin/runs/:id/supply'],
  ['admin', 'POST', '/admin/runs/:id/publish'],
  ['admin', 'DELETE', '/admin/api-keys/:id'],
  ['admin', 'DELETE', '/admin/coordinators/:id'],
  ['schoolA', 'GET', '/school/students/:id'],
  ['schoolA', 'GET', '/school/proposals/:id'],
  ['schoolA', 'POST', '/school/proposals/:id/release'],
  ['schoolA', 'DELETE', '/school/pins/:id'],
  ['schoolA', 'GET', '/school/proposals/:id/documents'],
  ['companyX', 'GET', '/company/places/:id'],
  ['companyX', 'POST', '/company/places/:id/close'],
  ['companyX', 'GET', '/company/proposals/:id'],
  ['schoolA', 'GET', '/runs/:id/figures'],
  ['schoolA', 'GET', '/runs/:id/figures/chart.svg'],
]
const BAD_IDS = [
  '42',
  'x',
  "'%20OR%20'1'%3D'1",
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  'a'.repeat(3000),
  '%3Dcmd%7C%27%20%2FC%20calc%27!A0',
  '%7B%7B7*7%7D%7D',
  '%F0%9F%92%A9',
  '00000000-0000-0000-0000-000000000000',
  '3f1e2d4c-5b6a-4978-8a1b-2c3d4e5f6a7b%00',
  '%E0%A4%A',
]

const QUERY_ROUTES: [Who, string, string[]][] = [
  ['admin', '/admin/schools', ['groupId=x']],
  ['admin', '/admin/companies', ['q=', `q=${'k'.repeat(300)}`]],
  ['admin', '/admin/runs', ['status=done', 'status=%00']],
  ['admin', '/admin/audit', []],
  [
    'schoolA',
    '/school/students',
    ['status=gone', 'programme=NaN', 'programme=-1', `region=${'r'.repeat(100)}`, 'schoolId=1'],
  ],
  ['schoolA', '/school/proposals', ['run=yesterday', 'status=maybe', 'studentId=1', 'programme=%27']],
  ['schoolA', '/school/places', ['kind=villa', 'programme=1.5']],
  ['companyX', '/company/places', ['status=deleted', 'kind=%00']],
  ['companyX', '/company/proposals', ['status=x']],
  ['schoolA', '/lookups/programmes', ['q=', `q=${'p'.repeat(201)}`, 'q=%20%20']],
  ['schoolA', '/lookups/postcodes', ['q=', `q=${'p'.repeat(201)}`]],
]
const PAGE_BAD = [
  'limit=0',
  'limit=-1',
  'limit=201',
  'limit=abc',
  'limit=1e309',
  'limit=1&limit=2',
  'limit=%20',
  `cursor=${'c'.repeat(1001)}`,
  'cursor=nonsense',
  `cursor=${Buffer.from(JSON.stringify(['\u0000', 'x'])).toString('base64url')}`,
]

export function requestCases(ctx: CorpusContext, rng: Rng): Case[] {
  const cases: Case[] = []
  for (const e of endpoints(ctx)) {
    const name = `${e.method} ${e.url.replace(/[0-9a-f-]{36}/g, ':id')}`
    for (const [what, payload, type, expect] of malformedBodies(rng, e.takes))
      cases.push({
        id: `body/${name}/${what}`,
        category: 'json-syntax',
        who: e.who,
        method: e.method,
        url: e.url,
        payload,
        headers: { 'content-type': type },
        expect,
      })
    // Random JSON values (fast-check, seeded): never a body an object schema accepts.
    if (e.takes === 'object')
      for (const [i, value] of fc
        .sample(fc.jsonValue({ maxDepth: 4 }), { seed: rng.int(0, 2 ** 31), numRuns: 20 })
        .entries())
        cases.push({
          id: `body/${name}/random-json-${i}`,
          category: 'json-random',
          who: e.who,
          method: e.method,
          url: e.url,
          payload: JSON.stringify(value) ?? 'null',
          headers: { 'content-type': 'application/json' },
          expect: FOUR([400]),
        })
    for (const [field, values] of Object.entries(e.bad ?? {}))
      for (const [i, value] of values.entries())
        cases.push({
          id: `body/${name}/${field}-${i}`,
          category: 'json-field',
          who: e.who,
          method: e.method,
          url: e.url,
          payload: JSON.stringify({ ...e.body, [field]: value }),
          headers: { 'content-type': 'application/json' },
          expect:
            e.url === '/admin/schools' && field === 'postcode' && /^\d{4}$/.test(String(value))
              ? { status: [400], type: 'invalid-request', detail: /postcode/i }
              : INVALID,
        })
    for (const [what, fields, expect] of e.refused ?? [])
      cases.push({
        id: `body/${name}/${what}`,
        category: 'json-field',
        who: e.who,
        method: e.method,
        url: e.url,
        payload: JSON.stringify({ ...e.body, ...fields }),
        headers: { 'content-type': 'application/json' },
        expect,
      })
  }
  for (const [who, method, route] of ID_ROUTES)
    for (const [i, id] of BAD_IDS.entries())
      cases.push({
        id: `param/${method} ${route}/${i}`,
        category: 'param',
        who,
        method,
        url: route.replace(':id', id),
        expect: FOUR(i === 9 || i === 5 ? [400, 404] : [400]),
      })
  for (const [who, url, own] of QUERY_ROUTES)
    for (const [i, query] of [...own, ...(url.startsWith('/lookups') ? [] : PAGE_BAD)].entries())
      cases.push({
        id: `query/${url}/${i}`,
        category: 'query',
        who,
        method: 'GET',
        url: `${url}?${query}`,
        expect: INVALID,
      })
  return cases
}
