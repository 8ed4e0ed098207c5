import { describe, expect, it } from 'vitest'
import { candidateProblem } from './allocation/allocate-candidates.js'
import { checkStability } from './allocation/check-stability.js'
import type { AllocationProblem } from './allocation/stable-allocate.js'
import { generateCandidates } from './candidates/generate.js'
import { compileInstance } from './compile/compile.js'
import { explainProposal, explainUnmatched } from './explain.js'
import { match } from './match.js'
import type { PlaceId, StudentId } from './model.js'
import {
  comp,
  GENT,
  HASSELT,
  instance,
  KANTOOR,
  MOL,
  OPTIONS,
  place,
  student,
  VERZORGING,
  VERZORGING_DUAAL,
} from './test-support/fixtures.js'
import { randomInstance, shuffled } from './test-support/random-instance.js'

const sid = (id: string) => id as StudentId
const pid = (id: string) => id as PlaceId

describe('match', () => {
  it('gives a contested seat to the better-scoring student, whatever the input order', () => {
    const near = student('s-near')
    const far = student('s-far', { home: MOL })
    const p = place('p')
    for (const students of [
      [near, far],
      [far, near],
    ]) {
      const r = match(instance({ students, places: [p] }), OPTIONS)
      expect(r.assignment).toEqual({ 's-far': null, 's-near': 'p' })
      expect(r.students.find((o) => o.student === 's-far')?.unmatched?.code).toBe('outranked')
    }
  })

  it('breaks exact ties by the seeded lottery, not by input order', () => {
    const a = student('s-a')
    const b = student('s-b')
    const winners = new Set<string | null>()
    for (let seed = 1; seed <= 20; seed++) {
      const ab = match(instance({ students: [a, b], places: [place('p')] }), { ...OPTIONS, seed })
      const ba = match(instance({ students: [b, a], places: [place('p')] }), { ...OPTIONS, seed })
      expect(ba.assignment).toEqual(ab.assignment)
      winners.add(ab.places[0]!.allocated[0]!.student)
    }
    expect(winners).toEqual(new Set(['s-a', 's-b']))
  })

  it('is deterministic byte for byte, also for shuffled input', () => {
    const input = randomInstance(7, 300, 120)
    const once = JSON.stringify(match(input, OPTIONS))
    const again = JSON.stringify(match(input, OPTIONS))
    const reordered = JSON.stringify(
      match({ ...input, students: shuffled(input.students, 1), places: shuffled(input.places, 2) }, OPTIONS),
    )
    expect(again).toBe(once)
    expect(reordered).toBe(once)
    expect(JSON.stringify(match(input, { ...OPTIONS, seed: 43 }))).not.toBe(once)
  })

  it('never exceeds a capacity and leaves no blocking pair over the candidate lists', () => {
    const input = randomInstance(11, 400, 100)
    const c = compileInstance(input, OPTIONS)
    const cands = generateCandidates(c)
    const result = match(input, OPTIONS)
    for (const p of result.places) expect(p.allocated.length).toBeLessThanOrEqual(p.capacity)
    // Re-express the engine's problem in the public contract and check it independently.
    const pr = candidateProblem(c, cands)
    const applicants = c.places.map(() => [] as { s: number; key: number }[])
    for (let s = 0; s < c.nS; s++) {
      for (let e = pr.prefStart[s]!; e < pr.prefStart[s + 1]!; e++)
        applicants[pr.prefPlace[e]!]!.push({ s, key: pr.prefKey[e]! })
    }
    const problem: AllocationProblem = {
      students: c.students.map((st, s) => ({
        id: st.id,
        prefs: [...pr.prefPlace.subarray(pr.prefStart[s]!, pr.prefStart[s + 1]!)].map((p) => c.places[p]!.id),
      })),
      places: c.places.map((pl, p) => ({
        id: pl.id,
        capacity: c.pSeats[p]!,
        prefs: applicants[p]!.sort((a, b) => b.key - a.key || a.s - b.s).map((a) => c.students[a.s]!.id),
      })),
    }
    const report = checkStability(problem, result.assignment)
    expect(report.blockingPairs).toEqual([])
    expect(report.stable).toBe(true)
    expect(result.summary.matched).toBeGreaterThan(100)
  })

  it('keeps a pinned pair as given, seats it first, and shows the rules it breaks', () => {
    const pinned = student('s-pin', { home: HASSELT, maxTravelKm: 5 })
    const other = student('s-other')
    const r = match(
      instance({
        students: [pinned, other],
        places: [place('p')],
        pinned: [{ student: pinned.id, place: pid('p'), reason: 'Afspraak na snuffelstage' }],
      }),
      OPTIONS,
    )
    expect(r.assignment).toEqual({ 's-other': null, 's-pin': 'p' })
    const o = r.students.find((x) => x.student === 's-pin')!
    expect(o.status).toBe('pinned')
    expect(o.pinWarnings.map((v) => v.code)).toEqual(['too_far'])
    expect(o.proposals[0]?.kind).toBe('pinned')
    expect(explainProposal(o.proposals[0]!)[0]).toEqual({
      code: 'pin',
      text: 'manueel geplaatst door de trajectbegeleider: Afspraak na snuffelstage',
    })
    expect(r.places[0]!.allocated).toEqual([{ student: 's-pin', kind: 'pinned', score: expect.any(Number) }])
  })

  it('never proposes a blocked pair again', () => {
    const s = student('s')
    const r = match(
      instance({
        students: [s],
        places: [place('p1'), place('p2', { establishment: MOL })],
        blockedPairs: [{ student: s.id, place: pid('p1') }],
      }),
      OPTIONS,
    )
    expect(r.assignment).toEqual({ s: 'p2' })
    expect(r.students[0]!.proposals.map((p) => p.place)).toEqual(['p2'])
  })

  it('says why a student is unplaced', () => {
    const r = match(
      instance({
        students: [
          student('s-noprog', { programme: KANTOOR }),
          student('s-far', { home: GENT, maxTravelKm: 15 }),
          student('s-young', { birthDate: '2013-01-01' }),
          student('s-outranked', { home: MOL }),
          student('s-winner'),
        ],
        places: [place('p')],
      }),
      OPTIONS,
    )
    const why = Object.fromEntries(r.students.map((o) => [o.student, o.unmatched]))
    expect(why['s-noprog']?.code).toBe('no_places_for_programme')
    expect(why['s-far']?.code).toBe('no_place_in_range')
    expect(why['s-far']?.nearestKm).toBeGreaterThan(80)
    expect(why['s-young']).toMatchObject({
      code: 'no_eligible_place',
      failedRules: [{ code: 'too_young', places: 1 }],
    })
    expect(why['s-outranked']).toMatchObject({ code: 'outranked', candidates: 1 })
    expect(why['s-winner']).toBeNull()
    expect(r.summary.unmatchedByReason).toEqual({
      no_places_for_programme: 1,
      no_place_in_range: 1,
      no_eligible_place: 1,
      outranked: 1,
    })
    expect(explainUnmatched(why['s-young']!, 20)).toBe(
      'Er zijn plaatsen binnen bereik, maar geen enkele voldoet aan de regels: te jong op de startdatum (1).',
    )
  })

  it('shortlists the placement first, then alternatives that still have a free seat', () => {
    const students = [student('s1'), student('s2')]
    const places = [
      place('p-best', { competences: [{ id: comp(1), weight: 1 }] }),
      place('p-alt', { establishment: MOL, capacity: 3 }),
    ]
    const r = match(
      instance({ students: students.map((s) => ({ ...s, competences: [comp(1)] })), places }),
      OPTIONS,
    )
    for (const o of r.students) {
      expect(o.proposals[0]?.kind).toBe('allocated')
      for (const alt of o.proposals.slice(1)) {
        expect(alt.kind).toBe('alternative')
        expect(r.places.find((p) => p.place === alt.place)!.seatsLeft).toBeGreaterThan(0)
      }
    }
    const best = r.places.find((p) => p.place === 'p-best')!
    expect(best.seatsLeft).toBe(0)
    expect(best.reserve.map((x) => x.student)).toHaveLength(1) // the one who went to p-alt would come
  })

  it('explains a proposal in plain Dutch', () => {
    const s = student('s', { competences: [comp(1), comp(2)], wishes: [{ kind: 'sector', id: 'zorg' }] })
    const p = place('p', {
      establishment: MOL,
      competences: [1, 2, 3].map((n) => ({ id: comp(n), weight: 1 })),
    })
    const r = match(instance({ students: [s], places: [p] }), OPTIONS)
    expect(explainProposal(r.students[0]!.proposals[0]!)).toEqual([
      { code: 'programme_exact', text: 'zelfde studierichting' },
      { code: 'distance', text: '9,4 km van huis' },
      { code: 'competences', text: '2 van 3 competenties' },
      { code: 'wish', text: 'eerste wens van de leerling' },
    ])
  })

  it('matches a related programme with fewer programme points than the exact one', () => {
    const s = student('s', { programme: VERZORGING_DUAAL })
    const r = match(instance({ students: [s], places: [place('p', { programmes: [VERZORGING] })] }), OPTIONS)
    const prop = r.students[0]!.proposals[0]!
    expect(prop.breakdown.facts.programmeMatch).toBe('related')
    expect(prop.breakdown.programme).toBeCloseTo(20 * 0.6)
  })

  it('gives vulnerable students the seats first when priority is on (and measures it)', () => {
    // 40 students for 15 seats; priority students live further away, so they lose on score.
    const input = randomInstance(5, 40, 0)
    const places = Array.from({ length: 5 }, (_, i) =>
      place(`p${i}`, {
        capacity: 3,
        programmes: [VERZORGING, KANTOOR, VERZORGING_DUAAL],
        kind: 'internship',
      }),
    )
    const students = input.students.map((s, i) => ({
      ...s,
      seeks: 'internship' as const,
      maxTravelKm: 60,
      priority: i % 5 === 0,
    }))
    const on = match(instance({ students, places }), OPTIONS)
    const off = match(instance({ students, places }), { ...OPTIONS, config: { priority: 'none' } })
    expect(on.summary.priorityStudents).toBe(8)
    expect(on.summary.priorityPlaced).toBe(8)
    expect(off.summary.priorityPlaced).toBeLessThan(on.summary.priorityPlaced)
    expect(on.summary.matched).toBe(off.summary.matched) // the same seats are filled, by other students
  })

  it('rejects duplicate ids instead of guessing', () => {
    expect(() => match(instance({ students: [student('s'), student('s')] }), OPTIONS)).toThrow(
      'Duplicate student id: s',
    )
  })

  it('handles an empty night', () => {
    const r = match(instance({}), OPTIONS)
    expect(r.summary).toMatchObject({ students: 0, places: 0, matched: 0, unmatched: 0 })
  })

  it('ids in results are the input ids', () => {
    const r = match(instance({ students: [student('s')], places: [place('p')] }), OPTIONS)
    expect(r.students[0]!.student).toBe(sid('s'))
  })
})
