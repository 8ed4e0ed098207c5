import type { CompanyDigest, CoordinatorDigest, FooterInfo } from '../src/index.js'

export const coordinatorFooter: FooterInfo = {
  platformName: 'Stagebrug',
  why: 'U ontvangt deze mail omdat u trajectbegeleider bent bij GO! Technisch Atheneum Geel.',
  unsubscribe: 'Geen mails meer? Schrijf naar privacy@stagebrug.be.',
  unsubscribeHref: 'mailto:privacy@stagebrug.be?subject=stop',
}

export const companyFooter: FooterInfo = {
  platformName: 'Stagebrug',
  why: 'U ontvangt deze mail omdat uw bedrijf plaatsen aanbiedt via Stagebrug.',
  unsubscribe: 'Geen mails meer? Schrijf naar privacy@stagebrug.be.',
}

export function coordinatorDigest(): CoordinatorDigest {
  return {
    runId: 'run-2026-11-23',
    runDate: '2026-11-23',
    coordinator: { name: 'Els Wouters', email: 'els.wouters@gotageel.be' },
    school: { name: 'GO! Technisch Atheneum Geel', instellingsnummer: '047142' },
    students: [
      {
        name: 'Jana Peeters',
        className: '5EM',
        programme: 'Elektromechanische technieken',
        status: 'matched',
        proposals: [
          {
            rank: 1,
            kind: 'allocated',
            companyName: 'Janssen Elektro bv',
            municipality: 'Geel',
            postcode: '2440',
            score: 78.5,
            reasons: ['zelfde studierichting', '7 km van huis', '4 van 6 competenties'],
          },
          {
            rank: 2,
            kind: 'alternative',
            companyName: 'Kempen Techniek nv',
            municipality: 'Mol',
            postcode: '2400',
            score: 64,
            reasons: ['verwante studierichting', '12 km van huis'],
          },
        ],
        unmatchedReason: null,
      },
      {
        name: 'Milan De Smet',
        className: null,
        programme: 'Elektrotechnieken',
        status: 'pinned',
        proposals: [
          {
            rank: 1,
            kind: 'pinned',
            companyName: 'Vito',
            municipality: 'Mol',
            postcode: '2400',
            score: 55.2,
            reasons: ['manueel geplaatst door de trajectbegeleider'],
          },
        ],
        unmatchedReason: null,
      },
      {
        name: 'Noor El Amrani',
        className: '6EM',
        programme: 'Elektromechanische technieken',
        status: 'unmatched',
        proposals: [],
        unmatchedReason: 'Alle 3 geschikte plaatsen gingen naar leerlingen die hoger gerangschikt stonden.',
      },
    ],
    figuresUrl: 'https://stagebrug.example/runs/run-2026-11-23',
  }
}

export function companyDigest(): CompanyDigest {
  return {
    runId: 'run-2026-11-23',
    runDate: '2026-11-23',
    contact: { name: 'Tom Janssen', email: 'tom@janssen-elektro.be' },
    company: { name: 'Janssen Elektro bv', kboNumber: '0403.019.261' },
    places: [
      {
        label: 'Leerwerkplek Elektriciteit — Geel',
        kind: 'dual',
        period: { start: '2026-09-01', end: '2027-06-30' },
        seats: 2,
        candidates: [
          {
            code: 'K-7F3A2C9QK4MD',
            programme: 'Elektromechanische technieken',
            grade: 3,
            competences: ['elektrische schema’s lezen', 'motoren aansluiten'],
            availability: { start: '2026-09-01', end: '2027-06-30' },
            travelBand: '5–10 km',
            ageFlags: ['≥15', '≥16'],
            drivingLicence: null,
            kind: 'allocated',
            reasons: ['zelfde studierichting', '4 van 6 competenties'],
          },
          {
            code: 'K-19B04E7TXW2A',
            programme: 'Elektrotechnieken',
            grade: null,
            competences: [],
            availability: null,
            travelBand: '10–20 km',
            ageFlags: ['≥15', '≥16', '≥18'],
            drivingLicence: true,
            kind: 'reserve',
            reasons: ['verwante studierichting'],
          },
        ],
      },
      {
        label: 'Stage onderhoud — Mol',
        kind: 'internship',
        period: { start: '2027-02-01', end: '2027-02-28' },
        seats: 1,
        candidates: [],
      },
    ],
  }
}
