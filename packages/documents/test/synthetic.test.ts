import { seedSynthetic } from '@stagebrug/demo'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSeededDb } from '../../../test/support/databases.js'
import { DOCUMENT_KINDS, loadDocumentData, renderDocumentHtml, renderDocumentPdf } from '../src/index.js'
import { pdfText } from './support/pdf-text.js'

// The demo data set (invented companies that registered no document fields): every document of an
// accepted pair renders, and what the registration lacks is blank and listed, not made up.
describe('documents on the demo data set', () => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  let proposalId: string
  beforeAll(async () => {
    handle = await openSeededDb('postgres')
    await seedSynthetic(handle.db, { students: 60, seed: 11, region: 'reg-kempen' })
    const pair = await handle.db
      .selectFrom('student as s')
      .innerJoin('place as p', (join) => join.on(sql<boolean>`s.programme_id = any(p.programmes)`))
      .select(['s.id as student_id', 'p.id as place_id', 'p.kind'])
      .where('p.kind', '=', 'internship')
      .orderBy('s.external_id')
      .orderBy('p.id')
      .executeTakeFirstOrThrow()
    const run = await handle.db
      .insertInto('match_run')
      .values({ seed: 11, params: '{}' as never, timings: '{}' as never, counts: '{}' as never })
      .returning('id')
      .executeTakeFirstOrThrow()
    const proposal = await handle.db
      .insertInto('proposal')
      .values({
        run_id: run.id,
        student_id: pair.student_id,
        place_id: pair.place_id,
        rank: 1,
        score: 50,
        breakdown: '{}' as never,
        kind: 'allocated',
        status: 'accepted',
        reasons: '[]' as never,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    proposalId = proposal.id
  })
  afterAll(() => handle?.close())

  it('renders all three documents as HTML and PDF with the same missing fields', async () => {
    const data = await loadDocumentData(handle.db, proposalId, { today: '2026-11-23' })
    for (const kind of DOCUMENT_KINDS) {
      const html = renderDocumentHtml(kind, data)
      const pdf = await renderDocumentPdf(kind, data)
      expect(pdf.missing).toEqual(html.missing)
      const text = await pdfText(pdf.pdf)
      expect(text).toContain(data.student.lastName)
      expect(text).toContain(data.company.name)
      expect(text.split('……………… (ontbreekt)').length - 1).toBe(pdf.missing.length)
    }
    const sheet = renderDocumentHtml('workstation-sheet', data)
    expect(sheet.missing).toEqual(
      expect.arrayContaining(['werkpost (naam of functie)', "risico's (deel B)", 'naam van de mentor']),
    )
  })
})
