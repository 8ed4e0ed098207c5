import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb } from '../../../test/support/databases.js'
import { DocumentError, loadDocumentData } from '../src/index.js'
import { seedScenario, TODAY } from './support/scenario.js'

describe.each(ENGINES)('loadDocumentData on %s', (engine) => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  beforeAll(async () => {
    handle = await openSeededDb(engine)
  })
  afterAll(() => handle?.close())

  it('loads an accepted proposal: student, school, company, place and competences as stored', async () => {
    const { proposalId, placeId, studentId } = await seedScenario(handle.db)
    const data = await loadDocumentData(handle.db, proposalId, { today: TODAY })
    expect(data).toMatchObject({
      proposalId,
      issuedOn: TODAY,
      contactReleased: false,
      student: {
        firstName: 'Zoë',
        lastName: 'Peeters-Çelik',
        birthDate: '2008-05-14',
        ageAtStart: 18,
        className: '6LOG',
        homePostcode: '2400',
        homeMunicipality: 'Mol',
        programme: { id: 540, title: 'Logistiek', grade: 3, duaal: false },
      },
      school: {
        name: 'GO! Atheneum Geel',
        postcode: '2440',
        municipality: 'Geel',
        coordinators: [{ name: 'Sofie Dierckx', email: 'sofie.dierckx@atheneumgeel.test' }],
      },
      company: { name: 'Logistiek Kempen NV', contactName: 'An Janssens' },
      place: {
        kind: 'internship',
        establishmentNumber: '2147812701',
        street: 'Kleinhoefstraat',
        houseNumber: '4',
        postcode: '2440',
        municipality: 'Geel',
        period: { start: '2027-02-01', end: '2027-03-26' },
        hours: { start: '08:00', end: '16:30', shiftWork: false },
        risks: ['val-gelijkvloers', 'knellen', 'lawaai'],
        increasedRisk: false,
        healthSurveillance: false,
        healthSurveillanceType: null,
        mentor: {
          name: 'Noël Vermeulen',
          function: 'Magazijnverantwoordelijke',
          email: 'noel.vermeulen@logistiekkempen.test',
          // Registered by name only: the mentor table says "not declared done" (false), not unknown.
          trainingCompleted: false,
          trainingDeadline: null,
        },
      },
    })
    const place = await handle.db
      .selectFrom('place')
      .select('company_id')
      .where('id', '=', placeId)
      .executeTakeFirstOrThrow()
    const student = await handle.db
      .selectFrom('student')
      .select('school_id')
      .where('id', '=', studentId)
      .executeTakeFirstOrThrow()
    expect([data.school.id, data.company.id]).toEqual([student.school_id, place.company_id])
    expect(data.student.competences.map((c) => c.code)).toEqual([
      'bkc0044865',
      'bkc0044866',
      'bkc0044867',
      'bkc0044869',
    ])
    expect(data.place.competences.map((c) => c.code)).toEqual(['bkc0044865', 'bkc0044868', 'bkc0044869'])
    expect(data.place.competences[1]?.text).toBe('Reinigt de werkzone (materieel, accessoires,…) en ruimt op')
  })

  it("sees the school's release of the contact", async () => {
    const { proposalId } = await seedScenario(handle.db, { released: true })
    expect((await loadDocumentData(handle.db, proposalId)).contactReleased).toBe(true)
  })

  it('keeps what nobody registered null: never a default, never a guess', async () => {
    const { proposalId } = await seedScenario(handle.db, {
      coordinator: false,
      student: { class: null, email: null, competences: [] },
      place: {
        establishmentNumber: null,
        establishmentStreet: null,
        establishmentHouseNumber: null,
        establishmentMunicipality: null,
        workstation: null,
        activities: null,
        risks: null,
        increasedRisk: null,
        protectiveMeasures: null,
        healthSurveillance: null,
        competences: [],
        sector: '',
      },
      mentors: [],
    })
    const data = await loadDocumentData(handle.db, proposalId)
    expect(data.school.coordinators).toEqual([])
    expect(data.student).toMatchObject({ className: null, email: null, competences: [] })
    expect(data.place).toMatchObject({
      establishmentNumber: null,
      street: null,
      houseNumber: null,
      municipality: 'Geel', // the postcode's own municipality
      sector: null,
      workstation: null,
      activities: null,
      risks: null,
      increasedRisk: null,
      protectiveMeasures: null,
      healthSurveillance: null,
      mentor: { name: null, function: null, email: null },
      competences: [],
    })
  })

  it.each([
    ['proposed', 'voorgesteld'],
    ['contacted', 'gecontacteerd'],
    ['declined', 'geweigerd'],
  ] as const)('refuses a %s proposal with a typed error', async (status, nl) => {
    const { proposalId } = await seedScenario(handle.db, { status })
    const error = await loadDocumentData(handle.db, proposalId).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DocumentError)
    expect(error).toMatchObject({
      code: 'PROPOSAL_NOT_ACCEPTED',
      messageNl: `Voorstel ${proposalId} is ${nl}, niet aanvaard: documenten bestaan alleen voor een aanvaarde plaats`,
    })
  })

  it('refuses an unknown or malformed proposal id', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' or '1'='1"]) {
      await expect(loadDocumentData(handle.db, id)).rejects.toMatchObject({
        name: 'DocumentError',
        code: 'PROPOSAL_NOT_FOUND',
      })
    }
  })
})
