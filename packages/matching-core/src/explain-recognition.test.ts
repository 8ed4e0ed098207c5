import { describe, expect, it } from 'vitest'
import { explainProposal } from './explain.js'
import { match } from './match.js'
import type { Student } from './model.js'
import {
  dualPlace,
  instance,
  OPTIONS,
  place,
  student,
  VERZORGING,
  VERZORGING_DUAAL,
} from './test-support/fixtures.js'

const duaal = (id: string, over: Partial<Student> = {}) =>
  student(id, { programme: VERZORGING_DUAAL, seeks: 'dual', birthDate: '2009-05-01', ...over })

function reasonsOf(s: Student, p: ReturnType<typeof place>) {
  const r = match(instance({ students: [s], places: [p] }), OPTIONS)
  const proposal = r.students[0]!.proposals[0]
  if (!proposal) throw new Error(`no proposal: ${JSON.stringify(r.students[0]!.unmatched)}`)
  return { proposal, reasons: explainProposal(proposal) }
}

describe('the recognition in a proposal’s reasons', () => {
  it('names the recognised workplace and its last valid day, after the programme', () => {
    const { proposal, reasons } = reasonsOf(duaal('s'), dualPlace('p'))
    expect(proposal.breakdown.facts.recognitionValidUntil).toBe('2028-12-31')
    expect(reasons.slice(0, 2)).toEqual([
      { code: 'programme_exact', text: 'zelfde studierichting' },
      { code: 'recognition', text: 'erkende werkplek (geldig tot 31/12/2028)' },
    ])
  })

  it('takes the longest recognition valid on the start date, not an expired or later one', () => {
    const p = dualPlace('p', {
      recognitions: [
        { programme: VERZORGING_DUAAL, validFrom: '2019-01-01', validTo: '2026-12-31' }, // over by February
        { programme: VERZORGING_DUAAL, validFrom: '2025-01-01', validTo: '2029-08-31' },
        { programme: VERZORGING_DUAAL, validFrom: '2027-03-01', validTo: '2032-02-28' }, // not yet on 1/2
      ],
    })
    const { reasons } = reasonsOf(duaal('s'), p)
    expect(reasons).toContainEqual({ code: 'recognition', text: 'erkende werkplek (geldig tot 31/08/2029)' })
  })

  it('counts a recognition for a related programme, as the rule does', () => {
    const p = dualPlace('p', {
      recognitions: [{ programme: VERZORGING, validFrom: '2024-01-01', validTo: '2030-06-30' }],
    })
    const { reasons } = reasonsOf(duaal('s'), p)
    expect(reasons).toContainEqual({ code: 'recognition', text: 'erkende werkplek (geldig tot 30/06/2030)' })
  })

  it('says nothing of a recognition at a place that is not dual', () => {
    const p = place('p', {
      recognitions: [{ programme: VERZORGING, validFrom: '2024-01-01', validTo: '2030-06-30' }],
    })
    const { proposal, reasons } = reasonsOf(student('s'), p)
    expect(proposal.breakdown.facts.recognitionValidUntil).toBeNull()
    expect(reasons.map((r) => r.code)).not.toContain('recognition')
  })
})
