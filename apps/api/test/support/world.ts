// A small, fully known world for the API suites: a school group with two schools, a third school,
// an empty fourth, two companies with places near Geel and Mol, students, a finished night (held
// or published) and an API key per role and tenant. Real PostgreSQL (a database per file) and real
// Redis (a queue prefix per world).
import { randomBytes } from 'node:crypto'
import {
  createApiKey,
  type Database,
  insertPlaces,
  type PlaceInput,
  type StudentInput,
  upsertCompany,
  upsertSchool,
  upsertStudents,
} from '@stagebrug/db'
import type { Mailer } from '@stagebrug/mail'
import type { CompetenceId } from '@stagebrug/matching-core'
import { type InlineNight, runNightInline, type WorkerDeps } from '@stagebrug/night'
import { openQueues, QUEUES, type Queues, redisConnection } from '@stagebrug/queue'
import { loadProgrammes } from '@stagebrug/reference-data'
import { Queue } from 'bullmq'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import type { Kysely } from 'kysely'
import { pino } from 'pino'
import { openSeededDb, type TestDb } from '../../../../test/support/databases.js'
import { createApp } from '../../src/app.js'
import type { ApiSettings } from '../../src/deps.js'

export const REDIS_URL = 'redis://127.0.0.1:6379'
export const TODAY = '2026-11-23'
export const PROGRAMME = loadProgrammes().find((p) => p.grade === 3 && !p.duaal)!
export const GEEL = '2440'
export const MOL = '2400'

/** A valid KBO number (mod 97) for the n-th company of these suites. */
export function kbo(n: number): string {
  const first8 = 4_200_000 + n
  return `${String(first8).padStart(8, '0')}${String(97 - (first8 % 97)).padStart(2, '0')}`
}

export const SETTINGS: ApiSettings = {
  bodyLimitBytes: 64 * 1024,
  uploadMaxBytes: 256 * 1024,
  uploadMaxRows: 1000,
  rateLimit: { max: 100_000, windowMs: 60_000 },
  trustProxy: false,
  docs: true,
  platformName: 'Stagebrug',
  adminEmail: 'beheer@stagebrug.test',
  publicUrl: null,
}

export type Who = 'admin' | 'schoolA' | 'group' | 'schoolB' | 'schoolD' | 'companyX' | 'companyY'

export interface World {
  readonly handle: TestDb
  readonly db: Kysely<Database>
  readonly app: FastifyInstance
  readonly queues: Queues
  readonly keys: Readonly<Record<Who, string>>
  readonly keyIds: Readonly<Record<Who, string>>
  readonly ids: {
    readonly group: string
    readonly schoolA: string
    readonly schoolA2: string
    readonly schoolB: string
    readonly schoolD: string
    readonly companyX: string
    readonly companyY: string
    /** X1 (Geel, 2 seats), X2 (Mol, 1 seat). */
    readonly placesX: readonly [string, string]
    readonly placeY: string
    /** By external id: a1, a2, a3 (school A), a4 (A2), b1, b2 (school B). */
    readonly students: Readonly<Record<string, string>>
  }
  readonly night: InlineNight
  /** A request as `who` (or without a key). */
  call(who: Who | null, options: InjectOptions): Promise<LightMyRequestResponse>
  /** Runs another night in-process (publish or hold), as the worker would. */
  runNight(publish: boolean): Promise<InlineNight>
  /** Another app on the same database and queues, with other settings (limits, a dead Redis). */
  appWith(settings: Partial<ApiSettings>, queues?: Queues): Promise<FastifyInstance>
  close(): Promise<void>
}

/** A Mailer that accepts everything (the night's coordinator mails); the API never sends mail itself. */
export const acceptingMailer: Mailer = {
  send: async () => ({ accepted: true, response: '250 OK' }),
  close: () => {},
}

export function nightDeps(db: Kysely<Database>): WorkerDeps {
  return {
    db,
    mailer: acceptingMailer,
    logger: pino({ level: 'silent' }),
    now: () => new Date(`${TODAY}T03:00:00Z`),
    settings: {
      matchParts: 2,
      timeZone: 'Europe/Brussels',
      platformName: 'Stagebrug',
      adminEmail: null,
      publicUrl: null,
      messageIdDomain: 'stagebrug.test',
    },
  }
}

function student(externalId: string, over: Partial<StudentInput> = {}): StudentInput {
  return {
    externalId,
    firstName: `Voornaam-${externalId}`,
    lastName: `Achternaam-${externalId}`,
    email: `${externalId}@leerling.test`,
    birthDate: '2008-05-01',
    programmeId: PROGRAMME.id,
    grade: 3,
    class: '6A',
    homePostcode: GEEL,
    competences: [1, 2],
    availability: { start: '2027-02-01', end: '2027-03-31' },
    maxTravelKm: 25,
    seeks: 'internship',
    firstTwoYearsDone: true,
    ...over,
  }
}

function place(companyId: string, over: Partial<PlaceInput> = {}): PlaceInput {
  return {
    companyId,
    establishmentPostcode: GEEL,
    kind: 'internship',
    programmes: [PROGRAMME.id],
    competences: [{ id: 1 as CompetenceId, weight: 1 }],
    capacity: 2,
    period: { start: '2027-01-15', end: '2027-06-30' },
    hours: { start: '08:00', end: '16:30' },
    sector: 'zorg',
    ...over,
  }
}

export function openQueuesFor(prefix: string, redisUrl = REDIS_URL): Queues {
  return openQueues({
    connection: redisConnection(redisUrl, 'producer'),
    prefix,
    mailAttempts: 2,
    mailBackoffMs: 100,
  })
}

export async function openWorld(
  options: { readonly publish?: boolean; readonly settings?: Partial<ApiSettings> } = {},
): Promise<World> {
  const handle = await openSeededDb('postgres')
  const db = handle.db
  const group = await db
    .insertInto('school_group')
    .values({ name: 'Scholengroep Kempen' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const schoolA = await upsertSchool(db, {
    name: 'Atheneum Geel',
    instellingsnummer: '3001',
    postcode: GEEL,
    group: 'Scholengroep Kempen',
  })
  const schoolA2 = await upsertSchool(db, {
    name: 'Campus Mol',
    instellingsnummer: '3002',
    postcode: MOL,
    group: 'Scholengroep Kempen',
  })
  const schoolB = await upsertSchool(db, { name: 'Sint-Jan Geel', instellingsnummer: '3003', postcode: GEEL })
  const schoolD = await upsertSchool(db, { name: 'Nieuwe School', instellingsnummer: '3004', postcode: MOL })
  await db
    .insertInto('coordinator')
    .values([
      { school_id: schoolA, name: 'Trajectbegeleider A', email: 'tb@atheneum.test' },
      { school_id: schoolA2, name: 'Trajectbegeleider A2', email: 'tb@mol.test' },
      { school_id: schoolB, name: 'Trajectbegeleider B', email: 'tb@sintjan.test' },
    ])
    .execute()
  await db.transaction().execute(async (trx) => {
    await upsertStudents(trx, schoolA, [student('a1'), student('a2', { homePostcode: MOL }), student('a3')])
    await upsertStudents(trx, schoolA2, [student('a4', { homePostcode: MOL })])
    await upsertStudents(trx, schoolB, [student('b1'), student('b2', { homePostcode: MOL })])
  })
  const studentRows = await db.selectFrom('student').select(['id', 'external_id']).execute()
  const students = Object.fromEntries(studentRows.map((s) => [s.external_id, s.id]))
  const companyX = await upsertCompany(db, {
    kboNumber: kbo(1),
    name: 'Zorgcentrum X',
    contactName: 'Mentor X',
    contactEmail: 'stage@x.test',
  })
  const companyY = await upsertCompany(db, {
    kboNumber: kbo(2),
    name: 'Woonzorg Y',
    contactName: 'Mentor Y',
    contactEmail: 'stage@y.test',
  })
  const [x1, x2] = await insertPlaces(db, [
    place(companyX, { externalId: 'X1' }),
    place(companyX, { externalId: 'X2', establishmentPostcode: MOL, capacity: 1 }),
  ])
  const [y1] = await insertPlaces(db, [place(companyY, { externalId: 'Y1' })])

  const make = async (who: Who, role: 'admin' | 'school' | 'company', scope = {}) =>
    [who, await createApiKey(db, { name: who, role, scope, actor: 'test' })] as const
  const created = await Promise.all([
    make('admin', 'admin'),
    make('schoolA', 'school', { schoolId: schoolA }),
    make('group', 'school', { schoolGroupId: group.id }),
    make('schoolB', 'school', { schoolId: schoolB }),
    make('schoolD', 'school', { schoolId: schoolD }),
    make('companyX', 'company', { companyId: companyX }),
    make('companyY', 'company', { companyId: companyY }),
  ])
  const keys = Object.fromEntries(created.map(([w, k]) => [w, k.key])) as Record<Who, string>
  const keyIds = Object.fromEntries(created.map(([w, k]) => [w, k.id])) as Record<Who, string>

  let nights = 0
  const runNight = (publish: boolean) =>
    runNightInline(nightDeps(db), { jobKey: `test-night-${++nights}`, requestedBy: 'test', publish })
  const night = await runNight(options.publish ?? true)

  const prefix = `sbapi-${randomBytes(4).toString('hex')}`
  const queues = openQueuesFor(prefix)
  const apps: FastifyInstance[] = []
  const appWith = async (settings: Partial<ApiSettings>, q: Queues = queues) => {
    const app = await createApp({
      db,
      queues: q,
      settings: { ...SETTINGS, ...settings },
      now: () => new Date(),
    })
    apps.push(app)
    return app
  }
  const app = await appWith(options.settings ?? {})

  return {
    handle,
    db,
    app,
    queues,
    keys,
    keyIds,
    ids: {
      group: group.id,
      schoolA,
      schoolA2,
      schoolB,
      schoolD,
      companyX,
      companyY,
      placesX: [x1!, x2!],
      placeY: y1!,
      students,
    },
    night,
    call: (who, opts) =>
      app.inject({
        ...opts,
        headers: { ...(who ? { authorization: `Bearer ${keys[who]}` } : {}), ...opts.headers },
      }),
    runNight,
    appWith,
    async close() {
      for (const a of apps) await a.close()
      for (const name of Object.values(QUEUES)) {
        const q = new Queue(name, { connection: redisConnection(REDIS_URL, 'producer'), prefix })
        await q.obliterate({ force: true })
        await q.close()
      }
      await queues.close()
      await handle.close()
    },
  }
}

/** A multipart/form-data body with one file, as browsers and curl send it. */
export function multipart(filename: string, bytes: Uint8Array, field = 'file') {
  const boundary = `----stagebrug${randomBytes(8).toString('hex')}`
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  return {
    payload: Buffer.concat([head, Buffer.from(bytes), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

/** The body of a problem+json answer, after checking its content type. */
export function problem(res: LightMyRequestResponse): {
  type: string
  status: number
  title: string
  detail: string
  [k: string]: unknown
} {
  if (!String(res.headers['content-type']).startsWith('application/problem+json'))
    throw new Error(
      `expected problem+json, got ${res.headers['content-type']} (${res.statusCode}): ${res.body.slice(0, 300)}`,
    )
  return res.json()
}
