import { describe, expect, it } from 'vitest'
import { explainUnmatched } from '../explain.js'
import { match } from '../match.js'
import type { Location, PlaceId } from '../model.js'
import { dualPlace, GEEL, instance, OPTIONS, student, VERZORGING_DUAAL } from '../test-support/fixtures.js'
import { MISSING_PER_RULE } from './unmatched.js'

/** A point `km` north of Geel (1° of latitude ≈ 111 km). */
const north = (km: number): Location => ({ postcode: '2440', lat: GEEL.lat + km / 111.2, lon: GEEL.lon })
const pupil = student('s-duaal', { programme: VERZORGING_DUAAL, seeks: 'dual', maxTravelKm: 20 })

describe('unmatchedReason: what is missing at the nearest places', () => {
  it('names the nearest three places without a recognition and the nearest without a valid mentor', () => {
    const places = [
      dualPlace('p-rec-9', { establishment: north(9), recognitions: [] }),
      dualPlace('p-rec-2', { establishment: north(2), recognitions: [] }),
      dualPlace('p-rec-5', { establishment: north(5), recognitions: [] }),
      dualPlace('p-rec-7', { establishment: north(7), recognitions: [] }),
      // Expired before the start: a recognition was entered, but it no longer counts.
      dualPlace('p-rec-old', {
        establishment: north(12),
        recognitions: [{ programme: VERZORGING_DUAAL, validFrom: '2019-01-01', validTo: '2023-12-31' }],
      }),
      dualPlace('p-men-4', { establishment: north(4), mentors: [] }),
      // Fails an earlier rule (the period), so a recognition would not help: not named.
      dualPlace('p-period', {
        establishment: north(1),
        recognitions: [],
        period: { start: '2028-01-01', end: '2028-06-30' },
      }),
      // Out of range: not named either.
      dualPlace('p-far', { establishment: north(40), recognitions: [] }),
    ]
    const r = match(instance({ students: [pupil], places }), OPTIONS)
    const why = r.students[0]!.unmatched!
    expect(why.code).toBe('no_eligible_place')
    expect(why.failedRules).toEqual([
      { code: 'no_recognition', places: 5 },
      { code: 'period_no_overlap', places: 1 },
      { code: 'no_valid_mentor', places: 1 },
    ])
    expect(why.missingAt).toEqual([
      { code: 'no_recognition', place: 'p-rec-2', distanceKm: 2 },
      { code: 'no_recognition', place: 'p-rec-5', distanceKm: 5 },
      { code: 'no_recognition', place: 'p-rec-7', distanceKm: 7 },
      { code: 'no_valid_mentor', place: 'p-men-4', distanceKm: 4 },
    ])
    expect(why.missingAt.filter((m) => m.code === 'no_recognition')).toHaveLength(MISSING_PER_RULE)

    const names = new Map<string, { company: string; municipality: string | null }>([
      ['p-rec-2', { company: 'Zorg Geel vzw', municipality: 'Geel' }],
      ['p-rec-5', { company: 'Kempenzorg', municipality: null }],
      ['p-men-4', { company: 'Thuiszorg Mol', municipality: 'Mol' }],
    ])
    const text = explainUnmatched(why, pupil.maxTravelKm, {
      programme: 'Verzorging duaal',
      place: (id: PlaceId) => names.get(id),
    })
    expect(text).toMatchInlineSnapshot(
      `"Er zijn plaatsen binnen bereik, maar geen enkele voldoet aan de regels: geen geldige erkenning voor deze studierichting (5), periode past niet (1), geen geldige mentor (1). Wat ontbreekt: erkenning voor Verzorging duaal ontbreekt bij Zorg Geel vzw (Geel, 2 km); erkenning voor Verzorging duaal ontbreekt bij Kempenzorg (5 km); erkenning voor Verzorging duaal ontbreekt bij een werkplek op 7 km; geen geldige mentor bij Thuiszorg Mol (Mol, 4 km)."`,
    )
    // Without names (as before): only the rules.
    expect(explainUnmatched(why, pupil.maxTravelKm)).not.toContain('Wat ontbreekt')
  })

  it('names nothing when no place fails for want of a recognition or a mentor', () => {
    const r = match(
      instance({
        students: [pupil],
        places: [dualPlace('p', { period: { start: '2028-01-01', end: '2028-06-30' } })],
      }),
      OPTIONS,
    )
    expect(r.students[0]!.unmatched).toMatchObject({ code: 'no_eligible_place', missingAt: [] })
  })

  it('is the same whatever the order of the places', () => {
    const places = [1, 2, 3, 4, 5, 6].map((km) =>
      dualPlace(`p-${km}`, { establishment: north(km), recognitions: [] }),
    )
    const a = match(instance({ students: [pupil], places }), OPTIONS)
    const b = match(instance({ students: [pupil], places: [...places].reverse() }), OPTIONS)
    expect(b.students[0]!.unmatched!.missingAt).toEqual(a.students[0]!.unmatched!.missingAt)
    expect(a.students[0]!.unmatched!.missingAt.map((m) => m.place)).toEqual(['p-1', 'p-2', 'p-3'])
  })
})
