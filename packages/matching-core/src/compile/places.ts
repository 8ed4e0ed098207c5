import type { Mentor, Place } from '../model.js'
import { isoToYmd } from '../util/dates.js'
import { projectX, projectY } from '../util/geo.js'
import { lotteryDraw } from '../util/hash.js'
import { FAR_FUTURE, KIND } from './codes.js'
import type { Interner } from './interner.js'
import { nightWorkMinimumAge } from './night-work.js'

/** Stage 1 for places: one pass over the place objects into typed arrays. */
export function compilePlaces(
  places: readonly Place[],
  competences: Interner<number>,
  companies: Interner<string>,
  sectors: Interner<string>,
  seed: number,
) {
  const n = places.length
  let compCount = 0
  let mentorCount = 0
  for (const pl of places) {
    compCount += pl.competences.length
    mentorCount += pl.mentors.length
  }
  const a = {
    pX: new Float64Array(n),
    pY: new Float64Array(n),
    pKind: new Uint8Array(n),
    pForeign: new Uint8Array(n),
    pStart: new Int32Array(n),
    pEnd: new Int32Array(n),
    pNightMinAge: new Uint8Array(n),
    pMinAge: new Uint8Array(n),
    pLicence: new Uint8Array(n),
    pInclusive: new Uint8Array(n),
    pCompany: new Int32Array(n),
    pSector: new Int32Array(n),
    pLottery: new Uint32Array(n),
    pCompStart: new Int32Array(n + 1),
    pCompBit: new Int32Array(compCount),
    pCompWeight: new Float64Array(compCount),
    pCompTotal: new Float64Array(n),
    pMentorStart: new Int32Array(n + 1),
    pMentorFrom: new Int32Array(mentorCount),
    pMentorUntil: new Int32Array(mentorCount),
  }
  let j = 0
  let mj = 0
  for (let i = 0; i < n; i++) {
    const pl = places[i]!
    a.pX[i] = projectX(pl.establishment.lon)
    a.pY[i] = projectY(pl.establishment.lat)
    a.pKind[i] = KIND[pl.kind]
    a.pForeign[i] = pl.foreign ? 1 : 0
    a.pStart[i] = isoToYmd(pl.period.start)
    a.pEnd[i] = isoToYmd(pl.period.end)
    a.pNightMinAge[i] = nightWorkMinimumAge(pl.hours)
    a.pMinAge[i] = pl.minimumAge
    a.pLicence[i] = pl.needsDrivingLicence ? 1 : 0
    a.pInclusive[i] = pl.inclusive ? 1 : 0
    a.pCompany[i] = companies.get(pl.companyId)!
    a.pSector[i] = sectors.get(pl.sector)!
    a.pLottery[i] = lotteryDraw(seed ^ 0x5bd1e995, pl.id)
    let total = 0
    for (const k of pl.competences) {
      a.pCompBit[j] = competences.get(k.id)!
      a.pCompWeight[j++] = k.weight
      total += k.weight
    }
    a.pCompStart[i + 1] = j
    a.pCompTotal[i] = total
    for (const m of pl.mentors) {
      const [from, until] = mentorValidity(m)
      a.pMentorFrom[mj] = from
      a.pMentorUntil[mj++] = until
    }
    a.pMentorStart[i + 1] = mj
  }
  return a
}

/**
 * The days (yyyymmdd, inclusive) on which a mentor may supervise a dual pupil: from the day they
 * turn 25 (23 with the sector's waiver; always when the company declared ≥ 25) until the training
 * deadline (never, once the training is done). A mentor without either gets an empty interval.
 */
export function mentorValidity(m: Mentor): readonly [from: number, until: number] {
  // ageOn(birth, d) >= k  ⇔  d - birth >= k * 10000 on yyyymmdd integers.
  const from = m.declaredAtLeast25
    ? 0
    : m.birthDate
      ? isoToYmd(m.birthDate) + (m.ageWaiver ? 23 : 25) * 10000
      : FAR_FUTURE + 1
  const until = m.trainingCompleted ? FAR_FUTURE : m.trainingDeadline ? isoToYmd(m.trainingDeadline) : 0
  return [from, until]
}
