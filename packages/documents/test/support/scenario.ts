// Hand-made rows for the document tests: one accepted placement of a logistics pupil in Geel,
// every field registered, each overridable. Ids come from the real reference data.
import {
  addPlaceMentors,
  type Database,
  insertPlaces,
  json,
  type MentorInput,
  type PlaceInput,
  type ProposalStatus,
  type StudentInput,
  upsertCompany,
  upsertMentors,
  upsertRecognitions,
  upsertSchool,
  upsertStudents,
} from '@stagebrug/db'
import type { CompetenceId, Recognition } from '@stagebrug/matching-core'
import type { Kysely } from 'kysely'

export const TODAY = '2027-01-11'
/** Logistiek, structuuronderdeel 540 (grade 3). */
export const LOGISTIEK = 540
/** Logistiek duaal, structuuronderdeel 152. */
export const LOGISTIEK_DUAAL = 152

/** Four competences of BK Magazijnmedewerker for the pupil, three for the workplace (two shared). */
export const STUDENT_CODES = ['bkc0044869', 'bkc0044865', 'bkc0044866', 'bkc0044867']
export const PLACE_CODES = ['bkc0044869', 'bkc0044865', 'bkc0044868']

export function kbo(first8: number): string {
  return `${String(first8).padStart(8, '0')}${String(97 - (first8 % 97)).padStart(2, '0')}`
}

export interface ScenarioOptions {
  readonly student?: Partial<StudentInput>
  readonly place?: Partial<PlaceInput>
  /** Declared for the place's establishment (status erkend), as the recognition import stores them. */
  readonly recognitions?: readonly Recognition[]
  /** The place's mentors, as the mentor import stores them; default Noël Vermeulen (name, function, e-mail only). */
  readonly mentors?: readonly Omit<MentorInput, 'companyId'>[]
  readonly status?: ProposalStatus
  readonly released?: boolean
  readonly coordinator?: boolean
}

export interface Scenario {
  readonly proposalId: string
  readonly studentId: string
  readonly placeId: string
}

let counter = 0

async function competenceIds(db: Kysely<Database>, codes: readonly string[]): Promise<number[]> {
  const rows = await db.selectFrom('competence').select(['id', 'code']).where('code', 'in', codes).execute()
  const byCode = new Map(rows.map((r) => [r.code, r.id]))
  return codes.map((c) => byCode.get(c)!)
}

/** One school, coordinator, pupil, company, place, run and proposal; returns their ids. */
export async function seedScenario(db: Kysely<Database>, options: ScenarioOptions = {}): Promise<Scenario> {
  const n = ++counter
  const schoolId = await upsertSchool(db, {
    name: 'GO! Atheneum Geel',
    instellingsnummer: String(100_000 + n),
    postcode: '2440',
  })
  if (options.coordinator !== false) {
    await db
      .insertInto('coordinator')
      .values({ school_id: schoolId, name: 'Sofie Dierckx', email: 'sofie.dierckx@atheneumgeel.test' })
      .execute()
  }
  const [studentCompetences, placeCompetences] = await Promise.all([
    competenceIds(db, STUDENT_CODES),
    competenceIds(db, PLACE_CODES),
  ])
  await db.transaction().execute((trx) =>
    upsertStudents(trx, schoolId, [
      {
        externalId: `0${n}`,
        firstName: 'Zoë',
        lastName: 'Peeters-Çelik',
        email: 'zoe.peeters@leerling.test',
        birthDate: '2008-05-14',
        programmeId: LOGISTIEK,
        grade: 3,
        class: '6LOG',
        homePostcode: '2400',
        competences: studentCompetences,
        availability: { start: '2027-02-01', end: '2027-03-26' },
        maxTravelKm: 20,
        seeks: 'internship',
        ...options.student,
      },
    ]),
  )
  const student = await db
    .selectFrom('student')
    .select('id')
    .where('school_id', '=', schoolId)
    .executeTakeFirstOrThrow()
  const companyId = await upsertCompany(db, {
    kboNumber: kbo(4_030_000 + n),
    name: 'Logistiek Kempen NV',
    contactName: 'An Janssens',
    contactEmail: 'stage@logistiekkempen.test',
    contactPhone: '014 22 33 44',
  })
  const [placeId] = await insertPlaces(db, [
    {
      companyId,
      externalId: 'LOG-01',
      establishmentPostcode: '2440',
      establishmentNumber: '2147812701',
      establishmentStreet: 'Kleinhoefstraat',
      establishmentHouseNumber: '4',
      establishmentMunicipality: 'Geel',
      kind: 'internship',
      programmes: [LOGISTIEK, LOGISTIEK_DUAAL],
      competences: placeCompetences.map((id) => ({ id: id as CompetenceId, weight: 1 })),
      capacity: 2,
      period: { start: '2027-02-01', end: '2027-03-26' },
      hours: { start: '08:00', end: '16:30' },
      sector: 'Logistiek',
      workstation: 'Magazijnmedewerker orderpicking',
      activities: 'Goederen ontvangen en controleren, orders verzamelen, rekken aanvullen',
      risks: ['val-gelijkvloers', 'knellen', 'lawaai'],
      increasedRisk: false,
      protectiveMeasures: 'Veiligheidsschoenen, werkhandschoenen en fluohesje; geen heftruck',
      healthSurveillance: false,
      ...options.place,
    },
  ])
  const mentors = options.mentors ?? [
    {
      name: 'Noël Vermeulen',
      function: 'Magazijnverantwoordelijke',
      email: 'noel.vermeulen@logistiekkempen.test',
    },
  ]
  if (mentors.length > 0)
    await db.transaction().execute(async (trx) => {
      const { ids } = await upsertMentors(
        trx,
        mentors.map((m) => ({ ...m, companyId })),
      )
      await addPlaceMentors(
        trx,
        ids.map((mentorId) => ({ placeId: placeId!, mentorId, companyId })),
      )
    })
  const establishment = options.place?.establishmentNumber ?? '2147812701'
  await upsertRecognitions(
    db,
    (options.recognitions ?? []).map((r) => ({
      companyId,
      establishmentNumber: establishment,
      programmeId: r.programme,
      reference: null,
      validFrom: r.validFrom,
      validUntil: r.validTo,
      status: 'erkend' as const,
      source: 'company' as const,
    })),
  )
  const run = await db
    .insertInto('match_run')
    .values({ seed: n, params: json({}), timings: json({}), counts: json({}) })
    .returning('id')
    .executeTakeFirstOrThrow()
  const proposal = await db
    .insertInto('proposal')
    .values({
      run_id: run.id,
      student_id: student.id,
      place_id: placeId!,
      rank: 1,
      score: 81.5,
      breakdown: json({} as never),
      kind: 'allocated',
      status: options.status ?? 'accepted',
      reasons: json([]),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (options.released) {
    await db.insertInto('contact_release').values({ proposal_id: proposal.id, released_by: 'test' }).execute()
  }
  return { proposalId: proposal.id, studentId: student.id, placeId: placeId! }
}
