import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSeededDb } from '../../../test/support/databases.js'
import {
  type DocumentData,
  loadDocumentData,
  renderAgreementHtml,
  renderTrainingPlanHtml,
  renderWorkstationSheetHtml,
} from '../src/index.js'
import { LOGISTIEK_DUAAL, seedScenario, TODAY } from './support/scenario.js'

// Golden HTML, one file per document: review the diff when a template changes. The scenarios are
// seeded in a fixed order, so their generated numbers (KBO, instellingsnummer) are stable too.
describe('golden HTML of the documents', () => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  let internship: DocumentData
  let dual: DocumentData
  beforeAll(async () => {
    handle = await openSeededDb('postgres')
    const first = await seedScenario(handle.db)
    internship = await loadDocumentData(handle.db, first.proposalId, { today: TODAY })
    const second = await seedScenario(handle.db, {
      student: { programmeId: LOGISTIEK_DUAAL, seeks: 'dual', birthDate: '2010-09-30' },
      recognitions: [{ programme: LOGISTIEK_DUAAL as never, validFrom: '2025-09-01', validTo: '2030-08-31' }],
      place: { kind: 'dual' },
      mentors: [
        {
          name: 'Noël Vermeulen',
          function: 'Magazijnverantwoordelijke',
          email: 'noel.vermeulen@logistiekkempen.test',
          birthDate: '1980-01-01',
          trainingCompleted: true,
        },
      ],
    })
    dual = await loadDocumentData(handle.db, second.proposalId, { today: TODAY })
  })
  afterAll(() => handle?.close())

  it('stageovereenkomst', async () => {
    await expect(renderAgreementHtml(internship).html).toMatchFileSnapshot('./__snapshots__/agreement.html')
  })

  it('gegevens voor de overeenkomst duaal leren', async () => {
    await expect(renderAgreementHtml(dual).html).toMatchFileSnapshot('./__snapshots__/agreement-dual.html')
  })

  it('werkpostfiche', async () => {
    await expect(renderWorkstationSheetHtml(internship).html).toMatchFileSnapshot(
      './__snapshots__/workstation-sheet.html',
    )
  })

  it('opleidingsplan (uittreksel)', async () => {
    await expect(renderTrainingPlanHtml(internship).html).toMatchFileSnapshot(
      './__snapshots__/training-plan.html',
    )
  })
})
