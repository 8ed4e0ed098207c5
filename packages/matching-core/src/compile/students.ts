import type { Location, ProgrammeId, Student } from '../model.js'
import { isoToYmd } from '../util/dates.js'
import { projectX, projectY } from '../util/geo.js'
import { lotteryDraw } from '../util/hash.js'
import { SEEK } from './codes.js'
import type { Interner } from './interner.js'

// One pass per entity: 100k student objects are scattered over the heap, so each extra pass
// over them costs a round of cache misses.
export function compileStudents(
  students: readonly Student[],
  compWords: number,
  competences: Interner<number>,
  programmes: Interner<ProgrammeId>,
  seed: number,
) {
  const n = students.length
  const a = {
    sX: new Float64Array(n),
    sY: new Float64Array(n),
    sMaxKm: new Float64Array(n),
    sProg: new Int32Array(n),
    sSeek: new Uint8Array(n),
    sGrade: new Uint8Array(n),
    sFirstTwo: new Uint8Array(n),
    sNotReady: new Uint8Array(n),
    sNeedsInclusive: new Uint8Array(n),
    sAbroad: new Uint8Array(n),
    sFromSchool: new Uint8Array(n),
    sPriority: new Uint8Array(n),
    sLicence: new Uint8Array(n),
    sBirth: new Int32Array(n),
    sAvStart: new Int32Array(n),
    sAvEnd: new Int32Array(n),
    sLottery: new Uint32Array(n),
    sComp: new Uint32Array(n * compWords),
  }
  for (let i = 0; i < n; i++) {
    const st = students[i]!
    const origin = travelOrigin(st)
    a.sX[i] = projectX(origin.lon)
    a.sY[i] = projectY(origin.lat)
    a.sMaxKm[i] = st.maxTravelKm
    a.sProg[i] = programmes.get(st.programme)!
    a.sSeek[i] = SEEK[st.seeks]
    a.sGrade[i] = st.grade
    a.sFirstTwo[i] = st.firstTwoYearsDone ? 1 : 0
    a.sNotReady[i] = st.workReadiness === 'willing-not-ready' ? 1 : 0
    a.sNeedsInclusive[i] = st.needsInclusiveWorkplace ? 1 : 0
    a.sAbroad[i] = st.abroad === true ? 1 : 0
    a.sFromSchool[i] = st.travelFrom === 'school' ? 1 : 0
    a.sPriority[i] = st.priority ? 1 : 0
    a.sLicence[i] = st.drivingLicence ? 1 : 0
    a.sBirth[i] = isoToYmd(st.birthDate)
    a.sAvStart[i] = isoToYmd(st.availability.start)
    a.sAvEnd[i] = isoToYmd(st.availability.end)
    a.sLottery[i] = lotteryDraw(seed, st.id)
    for (const k of st.competences) setBit(a.sComp, i * compWords, competences.get(k)!)
    for (const k of st.interests) setBit(a.sComp, i * compWords, competences.get(k)!)
  }
  return a
}

function setBit(words: Uint32Array, base: number, bit: number): void {
  words[base + (bit >>> 5)]! |= 1 << (bit & 31)
}

/** The point a student's distances count from: home, or the school when the school chose so. */
export function travelOrigin(st: Student): Location {
  return st.travelFrom === 'school' ? st.school : st.home
}
