import { randomBytes } from 'node:crypto'
import type { Reason, ScoreBreakdown } from '@stagebrug/matching-core'
import { describe, expect, it } from 'vitest'
import {
  CANDIDATE_CODE,
  type CandidateSource,
  COMPANY_REASON_CODES,
  candidateCode,
  companyCandidate,
  companyReasons,
  schoolYear,
} from '../src/index.js'

const SECRET = Buffer.alloc(32, 7)

describe('candidateCode', () => {
  it('is stable for one pupil at one company in one school year, across runs', () => {
    const a = candidateCode(SECRET, 'company-1', 'student-1', '2026-11-23')
    expect(a).toMatch(CANDIDATE_CODE)
    expect(candidateCode(SECRET, 'company-1', 'student-1', '2027-03-02')).toBe(a)
    expect(candidateCode(SECRET, 'company-1', 'student-1', '2027-08-31')).toBe(a)
  })

  it('differs at another company, in another school year and under another secret', () => {
    const a = candidateCode(SECRET, 'company-1', 'student-1', '2026-11-23')
    expect(candidateCode(SECRET, 'company-2', 'student-1', '2026-11-23')).not.toBe(a)
    expect(candidateCode(SECRET, 'company-1', 'student-1', '2027-09-01')).not.toBe(a)
    expect(candidateCode(Buffer.alloc(32, 8), 'company-1', 'student-1', '2026-11-23')).not.toBe(a)
  })

  it('refuses a short secret', () => {
    expect(() => candidateCode(Buffer.alloc(16), 'c', 's', '2026-11-23')).toThrow(RangeError)
  })

  it('has no collision among 200,000 pupils of one company', () => {
    const secret = randomBytes(32)
    const codes = new Set<string>()
    for (let i = 0; i < 200_000; i++)
      codes.add(candidateCode(secret, 'company-1', `student-${i}`, '2026-11-23'))
    expect(codes.size).toBe(200_000)
  })
})

describe('schoolYear', () => {
  it.each([
    ['2026-09-01', '2026-2027'],
    ['2026-11-23', '2026-2027'],
    ['2027-08-31', '2026-2027'],
    ['2027-09-01', '2027-2028'],
  ])('%s → %s', (date, year) => expect(schoolYear(date)).toBe(year))
})

const FACTS: ScoreBreakdown['facts'] = {
  programmeMatch: 'exact',
  distanceKm: 7.37,
  foreign: false,
  competencesCovered: 4,
  competencesTotal: 6,
  wishRank: 1,
  preferredByCompany: true,
}
const ALL: Reason[] = [
  { code: 'pin', text: 'manueel geplaatst door de trajectbegeleider: Jana uit Kasterlee, epilepsie' },
  { code: 'programme_exact', text: 'zelfde studierichting' },
  { code: 'distance', text: '7,4 km van huis' },
  { code: 'competences', text: '4 van 6 competenties' },
  { code: 'wish', text: 'eerste wens van de leerling' },
  { code: 'company_preference', text: 'voorkeur van het bedrijf' },
  { code: 'priority', text: 'voorrang als kwetsbare leerling' },
  { code: 'other', text: 'Jana Peeters, Kerkstraat 1' },
]

describe('companyReasons (the allow-list)', () => {
  it('renders allowed codes from the facts, never the stored text', () => {
    expect(companyReasons(ALL, FACTS)).toEqual([
      'voorgesteld door de school',
      'zelfde studierichting',
      '4 van 6 gevraagde competenties',
      'eerste wens van de leerling',
      'voorkeur van uw bedrijf',
    ])
  })

  it('never lets distance, priority or unknown codes through', () => {
    expect(COMPANY_REASON_CODES).not.toContain('distance')
    expect(COMPANY_REASON_CODES).not.toContain('priority')
    expect(COMPANY_REASON_CODES).not.toContain('other')
    const text = companyReasons(ALL, FACTS).join(' ')
    for (const bad of ['km', 'voorrang', 'kwetsba', 'Jana', 'Kasterlee', 'epilepsie', 'Kerkstraat'])
      expect(text).not.toContain(bad)
  })
})

describe('the recognition reason (the company’s own erkenning)', () => {
  const recognised: Reason = { code: 'recognition', text: 'erkende werkplek (geldig tot 31/08/2031) — Jana' }

  it('is allowed and rendered from the facts: the workplace and its last valid day', () => {
    expect(COMPANY_REASON_CODES).toContain('recognition')
    expect(companyReasons([recognised], { ...FACTS, recognitionValidUntil: '2031-08-31' })).toEqual([
      'erkende werkplek (geldig tot 31/08/2031)',
    ])
  })

  it('never shows the stored text, and reads a breakdown without the date', () => {
    expect(companyReasons([recognised], { ...FACTS, recognitionValidUntil: null })).toEqual([
      'erkende werkplek',
    ])
    expect(companyReasons([recognised], FACTS)).toEqual(['erkende werkplek'])
  })
})

describe('companyCandidate', () => {
  const source: CandidateSource = {
    secret: SECRET,
    companyId: 'company-1',
    studentId: 'student-1',
    runDate: '2026-11-23',
    kind: 'pinned',
    reasons: ALL,
    breakdown: { total: 81.23, programme: 1, distance: 0.8, competences: 0.66, wishes: 1, facts: FACTS },
    student: {
      programme: 'Verzorging',
      grade: 3,
      competences: ['hygiëne'],
      availability: { start: '2027-02-01', end: '2027-03-31' },
      birthDate: '2009-09-17',
      drivingLicence: true,
    },
    place: { periodStart: '2027-01-15', needsDrivingLicence: false },
  }

  it('has exactly the allowed fields, with the band, flags and the pin as the school proposal', () => {
    const c = companyCandidate(source)
    expect(Object.keys(c).sort()).toEqual(
      [
        'ageFlags',
        'availability',
        'code',
        'competences',
        'drivingLicence',
        'grade',
        'kind',
        'programme',
        'reasons',
        'travelBand',
      ].sort(),
    )
    expect(c).toMatchObject({
      kind: 'pinned',
      travelBand: '5–10 km',
      ageFlags: ['≥15', '≥16'],
      drivingLicence: null,
    })
    const text = JSON.stringify(c)
    for (const hidden of ['2009-09-17', '7.37', '81.23', 'voorrang', 'Kasterlee'])
      expect(text).not.toContain(hidden)
  })

  it('shows the driving licence only when the place asks for it, and an alternative as reserve', () => {
    const c = companyCandidate({
      ...source,
      kind: 'alternative',
      place: { periodStart: '2027-01-15', needsDrivingLicence: true },
    })
    expect(c.drivingLicence).toBe(true)
    expect(c.kind).toBe('reserve')
  })
})
