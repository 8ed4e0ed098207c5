// Recognitions (erkenningen) through the doors only (issue 14): a company registers a dual place by
// the place file and its recognition by the recognition file, a school uploads duaal pupils by the
// placement list, and a night decides. Nothing here writes a recognition into the database itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csv, RECOGNITION_HEADER, recognition, table, utf8 } from '../../../test/support/upload-files.js'
import { DUAAL, ESTABLISHMENT, uploadDuaalPupils, uploadDualPlace } from './support/dual.js'
import { kbo, multipart, openWorld, problem, type World } from './support/world.js'

const recognitionFile = (rows: Record<string, string>[]) =>
  multipart('erkenningen.csv', utf8(csv(table(RECOGNITION_HEADER, rows))))
const ownRecognition = (over: Record<string, string> = {}) =>
  recognition({ ondernemingsnummer: kbo(1), studierichting: DUAAL, ...over })

describe('recognitions through the doors', () => {
  let w: World
  const upload = (
    url: string,
    body: ReturnType<typeof multipart>,
    who: 'companyX' | 'companyY' = 'companyX',
  ) => w.call(who, { method: 'POST', url, ...body })
  const count = async () =>
    Number(
      (await w.db.selectFrom('recognition').select(w.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
    )

  /** The outcomes of the duaal pupils of school D (3004) in a run: status and reason code per pupil. */
  const outcomes = async (runId: string) =>
    w.db
      .selectFrom('match_outcome as o')
      .innerJoin('student as s', 's.id', 'o.student_id')
      .innerJoin('school as sc', 'sc.id', 's.school_id')
      .select(['s.external_id', 'o.status', 'o.unmatched_code', 'o.unmatched_reason', 'o.place_id'])
      .where('o.run_id', '=', runId)
      .where('sc.instellingsnummer', '=', '3004')
      .orderBy('s.external_id')
      .execute()

  /**
   * Refused for the recognition rule (`no_recognition`): the reason names the rule and what the
   * school can ask the company for.
   */
  const refusedForRecognition = (o: { unmatched_reason: string | null }) =>
    (o.unmatched_reason ?? '').includes('geen geldige erkenning voor deze studierichting') &&
    (o.unmatched_reason ?? '').includes('erkenning voor Logistiek duaal ontbreekt bij Zorgcentrum X')

  let dualPlace = ''
  beforeAll(async () => {
    w = await openWorld()
    // The company registers a dual workplace for Logistiek duaal at its establishment (the place file),
    // and the school uploads two duaal pupils (the placement list).
    dualPlace = await uploadDualPlace(w)
    await uploadDuaalPupils(w)
  })
  afterAll(() => w?.close())

  it('refuses every bad row with row, column and value, Dutch first, and stores nothing', async () => {
    const res = await upload(
      '/company/uploads/recognitions',
      recognitionFile([
        ownRecognition({ studierichting: 'Ruimtevaart duaal' }),
        ownRecognition({ 'geldig van': '01/09/2026', 'geldig tot': '31/08/2026' }),
        ownRecognition({ vestigingseenheidsnummer: '2.147.812.702' }),
        ownRecognition({ status: 'goedgekeurd' }),
        ownRecognition(),
      ]),
    )
    expect(res.statusCode).toBe(422)
    const body = problem(res) as unknown as {
      errors: { row: number; column: string; value: string; message: string }[]
    }
    expect(body.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [2, 'studierichting', 'Ruimtevaart duaal'],
      [3, 'geldig tot', '31/08/2026'],
      [4, 'vestigingseenheidsnummer', '2.147.812.702'],
      [5, 'status', 'goedgekeurd'],
    ])
    expect(body.errors.map((e) => e.message.split(' / ')[0])).toEqual([
      expect.stringMatching(/^Studierichting 'Ruimtevaart duaal' niet gevonden/),
      'Geldig tot (2026-08-31) ligt voor geldig van (2026-09-01)',
      expect.stringMatching(/^Vestigingseenheidsnummer is geen geldig vestigingseenheidsnummer/),
      "Status 'goedgekeurd' is onbekend (verwacht erkend, aangevraagd of ingetrokken)",
    ])
    expect(await count()).toBe(0)
  })

  it("refuses another company's KBO number in a company's upload, row by row; nothing stored", async () => {
    const res = await upload(
      '/company/uploads/recognitions',
      recognitionFile([
        ownRecognition(),
        ownRecognition({ ondernemingsnummer: kbo(2), studierichting: '540' }),
      ]),
    )
    expect(res.statusCode).toBe(422)
    const body = problem(res) as unknown as {
      errors: { row: number; column: string; value: string; message: string }[]
    }
    expect(body.errors).toEqual([
      {
        row: 3,
        column: 'ondernemingsnummer',
        value: kbo(2),
        message: `Deze sleutel hoort bij onderneming ${kbo(1)}, niet ${kbo(2)} / This key belongs to company ${kbo(1)}, not ${kbo(2)}`,
      },
    ])
    expect(await count()).toBe(0)
    const rejected = await w.db
      .selectFrom('upload')
      .select(['kind', 'outcome'])
      .where('kind', '=', 'recognitions')
      .execute()
    expect(rejected).toEqual([
      { kind: 'recognitions', outcome: 'rejected' },
      { kind: 'recognitions', outcome: 'rejected' },
    ])
  })

  it('places the duaal pupils at the recognised place; an expired recognition refuses them with no_recognition', async () => {
    const before = await w.runNight(true)
    expect((await outcomes(before.run.id)).map(refusedForRecognition)).toEqual([true, true])

    const ok = await upload('/company/uploads/recognitions', recognitionFile([ownRecognition()]))
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json().counts).toMatchObject({ recognitions: 1, created: 1, recognised: 1 })
    const again = await upload('/company/uploads/recognitions', recognitionFile([ownRecognition()]))
    expect(again.json().counts).toMatchObject({ created: 0, updated: 0, unchanged: 1 })

    const shown = await w.call('companyX', { url: `/company/places/${dualPlace}` })
    expect(shown.json().recognitions).toEqual([
      { programme: 152, validFrom: '2025-09-01', validUntil: '2030-08-31', valid: true },
    ])

    const recognised = await w.runNight(true)
    const placed = await outcomes(recognised.run.id)
    // The recognition rule passes; what the place still lacks is the mentor's door (part B).
    expect(placed.map(refusedForRecognition)).toEqual([false, false])

    const expired = await upload(
      '/company/uploads/recognitions',
      recognitionFile([ownRecognition({ 'geldig van': '01/09/2020', 'geldig tot': '31/08/2025' })]),
    )
    expect(expired.json().counts).toMatchObject({ updated: 1 })
    const refused = await w.runNight(true)
    expect((await outcomes(refused.run.id)).map((o) => [o.status, refusedForRecognition(o)])).toEqual([
      ['unmatched', true],
      ['unmatched', true],
    ])
  })

  it('declares, lists and deletes one recognition through JSON, checked like the file', async () => {
    const bad = await w.call('companyX', {
      method: 'PUT',
      url: '/company/recognitions',
      payload: {
        establishmentNumber: '2.147.812.702',
        programme: 540,
        validFrom: '2026-09-01',
        status: 'erkend',
      },
    })
    expect(bad.statusCode).toBe(400)
    expect(problem(bad).detail).toMatch(/^'2.147.812.702' is geen geldig vestigingseenheidsnummer/)
    const put = await w.call('companyX', {
      method: 'PUT',
      url: '/company/recognitions',
      payload: {
        establishmentNumber: '2.147.812.701',
        programme: 540,
        validFrom: '2026-09-01',
        status: 'aangevraagd',
      },
    })
    expect(put.statusCode, put.body).toBe(200)
    expect(put.json()).toMatchObject({
      establishmentNumber: ESTABLISHMENT,
      programme: 540,
      validUntil: '2031-08-31',
      status: 'aangevraagd',
      source: 'company',
    })
    const list = await w.call('companyX', { url: '/company/recognitions' })
    expect(
      list.json().items.map((r: { programme: number; status: string }) => [r.programme, r.status]),
    ).toEqual([
      [152, 'erkend'],
      [540, 'aangevraagd'],
    ])
    // Another company sees none of them and cannot delete one.
    expect((await w.call('companyY', { url: '/company/recognitions' })).json().items).toEqual([])
    const id = put.json().id
    expect(
      (await w.call('companyY', { method: 'DELETE', url: `/company/recognitions/${id}` })).statusCode,
    ).toBe(404)
    expect(
      (await w.call('companyX', { method: 'DELETE', url: `/company/recognitions/${id}` })).statusCode,
    ).toBe(204)
    expect(await count()).toBe(1)
  })
})
