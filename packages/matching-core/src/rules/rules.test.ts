import { describe, expect, it } from 'vitest'
import { compileInstance } from '../compile/compile.js'
import type { Place, Student } from '../model.js'
import {
  dualPlace,
  GEEL,
  GENT,
  instance,
  KANTOOR,
  OPTIONS,
  place,
  student,
  VERZORGING_DUAAL,
} from '../test-support/fixtures.js'
import { evaluatePair, firstFailure, prepareDates, programmeMatch, RULES } from './index.js'
import { emptyContext } from './rule.js'

/** The verdict codes that fail for one student–place pair. */
function failing(s: Student, p: Place, extra: Parameters<typeof instance>[0] = {}): string[] {
  const c = compileInstance(instance({ students: [s], places: [p], ...extra }), OPTIONS)
  return evaluatePair(c, 0, 0)
    .verdicts.filter((v) => !v.ok)
    .map((v) => v.code)
}

describe('hard rules', () => {
  it('pass for a plain fitting pair', () => {
    expect(failing(student('s'), place('p'))).toEqual([])
  })

  it.each<[string, Student, Place, string]>([
    ['no_capacity', student('s'), place('p', { capacity: 0 }), 'no_capacity'],
    ['kind', student('s', { seeks: 'job' }), place('p'), 'kind_mismatch'],
    ['programme', student('s', { programme: KANTOOR }), place('p'), 'programme_mismatch'],
    ['distance', student('s', { maxTravelKm: 10, home: GENT }), place('p'), 'too_far'],
    [
      'period',
      student('s', { availability: { start: '2027-08-01', end: '2027-08-31' } }),
      place('p'),
      'period_no_overlap',
    ],
    ['grade', student('s', { grade: 1 }), place('p'), 'grade_too_low'],
    ['age: 14 on the start date', student('s', { birthDate: '2012-06-01' }), place('p'), 'too_young'],
    ['age: place minimum 18', student('s'), place('p', { minimumAge: 18 }), 'too_young'],
    [
      'night work under 18',
      student('s'),
      place('p', { hours: { start: '18:00', end: '23:00', shiftWork: false } }),
      'night_work_minor',
    ],
    ['driving licence', student('s'), place('p', { needsDrivingLicence: true }), 'driving_licence_required'],
    [
      'not work-ready to a regular place',
      student('s', { workReadiness: 'willing-not-ready' }),
      place('p'),
      'work_readiness',
    ],
    [
      'inclusive need',
      student('s', { needsInclusiveWorkplace: true }),
      place('p'),
      'needs_inclusive_workplace',
    ],
  ])('%s fails with its code', (_name, s, p, code) => {
    expect(failing(s, p)).toContain(code)
  })

  it('a 15-year-old without the first two years done is still full-time leerplichtig', () => {
    const s = student('s', { birthDate: '2011-09-01', firstTwoYearsDone: false })
    expect(failing(s, place('p'))).toEqual(['too_young'])
    expect(failing({ ...s, firstTwoYearsDone: true }, place('p'))).toEqual([])
  })

  it('shift work until 22:00 is open from 16, not before', () => {
    const p = place('p', { hours: { start: '14:00', end: '22:00', shiftWork: true } })
    expect(failing(student('s', { birthDate: '2010-05-01' }), p)).toEqual([]) // 16 in Feb 2027
    expect(failing(student('s', { birthDate: '2011-05-01' }), p)).toEqual(['night_work_minor']) // 15
  })

  it('the distance counts from school when the school chose so, from home otherwise', () => {
    // Lives in Gent, goes to school in Geel; the place is in Geel.
    const s = student('s', { maxTravelKm: 20, home: GENT, school: GEEL })
    expect(failing(s, place('p'))).toEqual(['too_far'])
    expect(failing({ ...s, travelFrom: 'home' }, place('p'))).toEqual(['too_far'])
    expect(failing({ ...s, travelFrom: 'school' }, place('p'))).toEqual([])
    // And the other way round: a place near home is out of reach from a far school.
    const near = place('p', { establishment: GENT })
    expect(failing(s, near)).toEqual([])
    expect(failing({ ...s, travelFrom: 'school' }, near)).toEqual(['too_far'])
  })

  it('places abroad are exempt from the distance rule', () => {
    expect(
      failing(
        student('s', { maxTravelKm: 5, abroad: true }),
        place('p', { foreign: true, establishment: GENT }),
      ),
    ).toEqual([])
  })

  it('a place abroad only for a student who opted in, however near', () => {
    const abroad = place('p', { foreign: true })
    expect(failing(student('s'), abroad)).toEqual(['abroad_not_chosen'])
    expect(failing(student('s', { abroad: false }), abroad)).toEqual(['abroad_not_chosen'])
    expect(failing(student('s', { abroad: true }), abroad)).toEqual([])
    // The opt-in does not concern places at home.
    expect(failing(student('s', { abroad: true }), place('p'))).toEqual([])
  })

  it('blocked pairs fail', () => {
    const s = student('s')
    const p = place('p')
    expect(failing(s, p, { blockedPairs: [{ student: s.id, place: p.id }] })).toEqual([
      'blocked_after_rejection',
    ])
  })

  it('dual places need a recognition for the programme valid on the start date', () => {
    const s = student('s', { programme: VERZORGING_DUAAL, seeks: 'dual' })
    expect(failing(s, dualPlace('p'))).toEqual([])
    const expired = dualPlace('p', {
      recognitions: [{ programme: VERZORGING_DUAAL, validFrom: '2020-01-01', validTo: '2026-12-31' }],
    })
    expect(failing(s, expired)).toEqual(['no_recognition'])
    expect(failing(s, dualPlace('p', { recognitions: [] }))).toEqual(['no_recognition'])
  })

  it('dual places need a mentor of 25 (23 with waiver) whose training is not overdue', () => {
    const s = student('s', { programme: VERZORGING_DUAAL, seeks: 'dual' })
    const young = {
      birthDate: '2003-06-01',
      declaredAtLeast25: false,
      ageWaiver: false,
      trainingCompleted: true,
      trainingDeadline: null,
    }
    expect(failing(s, dualPlace('p', { mentors: [young] }))).toEqual(['no_valid_mentor'])
    expect(failing(s, dualPlace('p', { mentors: [{ ...young, ageWaiver: true }] }))).toEqual([])
    const overdue = {
      birthDate: '1980-01-01',
      declaredAtLeast25: false,
      ageWaiver: false,
      trainingCompleted: false,
      trainingDeadline: '2026-12-31',
    }
    expect(failing(s, dualPlace('p', { mentors: [overdue] }))).toEqual(['no_valid_mentor'])
    expect(failing(s, dualPlace('p', { mentors: [] }))).toEqual(['no_valid_mentor'])
  })

  it('a dual place passes when any one of its mentors is valid on the start date', () => {
    const s = student('s', { programme: VERZORGING_DUAAL, seeks: 'dual' })
    const young = {
      birthDate: '2003-06-01',
      declaredAtLeast25: false,
      ageWaiver: false,
      trainingCompleted: true,
      trainingDeadline: null,
    }
    const oldUntrained = {
      ...young,
      birthDate: '1980-01-01',
      trainingCompleted: false,
      trainingDeadline: '2026-12-31',
    }
    expect(failing(s, dualPlace('p', { mentors: [young, oldUntrained] }))).toEqual(['no_valid_mentor'])
    const declared = { ...young, birthDate: null, declaredAtLeast25: true }
    expect(failing(s, dualPlace('p', { mentors: [young, oldUntrained, declared] }))).toEqual([])
    // Neither a birth date nor a declaration: the age is unknown, so the mentor does not count.
    expect(failing(s, dualPlace('p', { mentors: [{ ...young, birthDate: null }] }))).toEqual([
      'no_valid_mentor',
    ])
  })

  it('a mentor turning 25 counts from that very day, not the day before', () => {
    // The pair starts 2027-02-01 (the pupil's availability): born 2002-02-01 is 25 that day, born 2002-02-02 is not.
    const s = student('s', { programme: VERZORGING_DUAAL, seeks: 'dual' })
    const m = {
      birthDate: '2002-02-01',
      declaredAtLeast25: false,
      ageWaiver: false,
      trainingCompleted: false,
      trainingDeadline: '2027-02-01',
    }
    expect(failing(s, dualPlace('p', { mentors: [m] }))).toEqual([])
    expect(failing(s, dualPlace('p', { mentors: [{ ...m, birthDate: '2002-02-02' }] }))).toEqual([
      'no_valid_mentor',
    ])
    expect(failing(s, dualPlace('p', { mentors: [{ ...m, trainingDeadline: '2027-01-31' }] }))).toEqual([
      'no_valid_mentor',
    ])
  })

  it('dual learning ends at 25', () => {
    const s = student('s', { programme: VERZORGING_DUAAL, seeks: 'dual', birthDate: '2001-01-01' })
    expect(failing(s, dualPlace('p'))).toEqual(['too_old_for_dual'])
  })

  it('not-ready students reach aanloopfase places; ready students do not', () => {
    const notReady = student('s', {
      programme: VERZORGING_DUAAL,
      seeks: 'dual',
      workReadiness: 'willing-not-ready',
    })
    const aanloop = place('p', { kind: 'aanloopfase', programmes: [VERZORGING_DUAAL] })
    expect(failing(notReady, aanloop)).toEqual([])
    expect(failing({ ...notReady, workReadiness: 'ready' }, aanloop)).toEqual(['work_readiness'])
    expect(
      failing(student('s', { workReadiness: 'willing-not-ready' }), place('p', { inclusive: true })),
    ).toEqual([])
  })

  it('firstFailure checks the rules in RULES order', () => {
    // A pair in range that fails capacity, kind and programme reports capacity, the first of them.
    const c = compileInstance(
      instance({
        students: [student('s', { programme: KANTOOR, seeks: 'job' })],
        places: [place('p', { capacity: 0 })],
      }),
      OPTIONS,
    )
    const x = emptyContext()
    prepareDates(c, 0, 0, x)
    x.programmeMatch = programmeMatch(c, 0, 0)
    expect(RULES[firstFailure(c, 0, 0, x) - 1]?.code).toBe('no_capacity') // in range, so capacity comes first
    const codes = RULES.map((r) => r.code)
    expect(new Set(codes).size).toBe(codes.length)
    expect(codes).toMatchInlineSnapshot(`
      [
        "too_far",
        "abroad_not_chosen",
        "no_capacity",
        "kind_mismatch",
        "programme_mismatch",
        "period_no_overlap",
        "blocked_after_rejection",
        "grade_too_low",
        "too_young",
        "too_old_for_dual",
        "night_work_minor",
        "driving_licence_required",
        "work_readiness",
        "needs_inclusive_workplace",
        "no_recognition",
        "no_valid_mentor",
      ]
    `)
  })

  it('firstFailure agrees with the verdicts on every single-rule failure', () => {
    const cases: [Student, Place][] = [
      [student('s', { grade: 1 }), place('p')],
      [student('s'), place('p', { needsDrivingLicence: true })],
      [student('s', { needsInclusiveWorkplace: true }), place('p')],
      [student('s'), place('p', { foreign: true })],
      [student('s', { programme: VERZORGING_DUAAL, seeks: 'dual' }), dualPlace('p', { mentors: [] })],
    ]
    for (const [s, p] of cases) {
      const c = compileInstance(instance({ students: [s], places: [p] }), OPTIONS)
      const x = emptyContext()
      prepareDates(c, 0, 0, x)
      const dx = c.sX[0]! - c.pX[0]!
      const dy = c.sY[0]! - c.pY[0]!
      x.distanceKm = Math.hypot(dx, dy)
      x.programmeMatch = programmeMatch(c, 0, 0)
      const failed = evaluatePair(c, 0, 0).verdicts.find((v) => !v.ok)
      expect(RULES[firstFailure(c, 0, 0, x) - 1]?.code).toBe(failed?.code)
    }
  })
})
