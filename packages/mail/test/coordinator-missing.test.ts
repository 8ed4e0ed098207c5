import {
  explainUnmatched,
  type MissingNames,
  type PlaceId,
  type UnmatchedReason,
} from '@stagebrug/matching-core'
import { describe, expect, it } from 'vitest'
import { renderCoordinatorMail } from '../src/index.js'
import { coordinatorDigest, coordinatorFooter } from './fixtures.js'

// A duaal pupil the night left without a place: in range were dual places that lack a recognition
// for Logistiek duaal, and one without a valid mentor (as the core reports it in `missingAt`).
const reason: UnmatchedReason = {
  code: 'no_eligible_place',
  nearestKm: null,
  failedRules: [
    { code: 'no_recognition', places: 4 },
    { code: 'no_valid_mentor', places: 1 },
  ],
  candidates: 0,
  missingAt: [
    { code: 'no_recognition', place: 'p-1' as PlaceId, distanceKm: 3.2 },
    { code: 'no_recognition', place: 'p-2' as PlaceId, distanceKm: 11.6 },
    { code: 'no_valid_mentor', place: 'p-3' as PlaceId, distanceKm: 0.4 },
  ],
}
const names: MissingNames = {
  programme: 'Logistiek duaal',
  place: (id) =>
    ({
      'p-1': { company: 'Kempen Logistics nv', municipality: 'Geel' },
      'p-2': { company: 'Distri <Mol> & Co', municipality: 'Mol' },
      'p-3': { company: 'Magazijn Dessel bv', municipality: null },
    })[id as string],
}

function mail() {
  const d = coordinatorDigest()
  d.students = [
    {
      name: 'Noor El Amrani',
      className: '6LO',
      programme: 'Logistiek duaal',
      status: 'unmatched',
      proposals: [],
      unmatchedReason: explainUnmatched(reason, 15, names),
    },
  ]
  return renderCoordinatorMail(d, coordinatorFooter)
}

describe('coordinator mail: what is missing for a duaal pupil', () => {
  it('names the missing recognition and mentor per place in the text part', () => {
    const text = mail().text
    const block = text.slice(text.indexOf('1. Noor'), text.indexOf('De cijfers'))
    expect(block).toMatchInlineSnapshot(`
      "1. Noor El Amrani (6LO, Logistiek duaal) — geen voorstel
         Geen voorstel: Er zijn plaatsen binnen bereik, maar geen enkele voldoet aan de regels: geen geldige erkenning voor deze studierichting (4), geen geldige mentor (1).
         Wat ontbreekt:
         - erkenning voor Logistiek duaal ontbreekt bij Kempen Logistics nv (Geel, 3,2 km)
         - erkenning voor Logistiek duaal ontbreekt bij Distri <Mol> & Co (Mol, 12 km)
         - geen geldige mentor bij Magazijn Dessel bv (minder dan 1 km)

      "
    `)
  })

  it('lists them in the HTML part, escaped', () => {
    const html = mail().html
    expect(html).toContain(
      '<li>erkenning voor Logistiek duaal ontbreekt bij Kempen Logistics nv (Geel, 3,2 km)</li>',
    )
    expect(html).toContain(
      '<li>erkenning voor Logistiek duaal ontbreekt bij Distri &lt;Mol&gt; &amp; Co (Mol, 12 km)</li>',
    )
    expect(html).toContain('<li>geen geldige mentor bij Magazijn Dessel bv (minder dan 1 km)</li>')
  })

  it('keeps a reason without missing data on one line, as before', () => {
    const d = coordinatorDigest()
    const text = renderCoordinatorMail(d, coordinatorFooter).text
    expect(text).toContain(
      '   Geen voorstel: Alle 3 geschikte plaatsen gingen naar leerlingen die hoger gerangschikt stonden.\n',
    )
    expect(text).not.toContain('Wat ontbreekt')
  })
})
