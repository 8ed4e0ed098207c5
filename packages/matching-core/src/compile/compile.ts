import { type MatchConfigInput, resolveConfig } from '../config.js'
import type { MatchInput, Place, ProgrammeId, Student } from '../model.js'
import { isoToYmd } from '../util/dates.js'
import { projectX, projectY } from '../util/geo.js'
import { lotteryDraw } from '../util/hash.js'
import { FAR_FUTURE, KIND, KIND_COUNT, SEEK, WISH_COMPANY, WISH_PLACE, WISH_SECTOR } from './codes.js'
import type { CompiledInstance } from './compiled.js'
import { byId, csr, Interner, spatialOrder } from './interner.js'
import { nightWorkMinimumAge } from './night-work.js'
import { buildSpatialIndex } from './spatial-index.js'

export interface MatchOptions {
  /** Seed of the tie-break lottery. */
  readonly seed: number
  /** The day the match runs, `YYYY-MM-DD`: no placement starts earlier. */
  readonly today: string
  readonly config?: MatchConfigInput
}

/** Stage 1 (index): sort, intern and lay the instance out in typed arrays, and build the index. */
export function compileInstance(input: MatchInput, options: MatchOptions): CompiledInstance {
  const config = resolveConfig(options.config)
  const studentsById = byId(input.students, 'student')
  const placesById = byId(input.places, 'place')
  const studentPerm = spatialOrder(studentsById, (st) => st.home, config.gridKm)
  const placePerm = spatialOrder(placesById, (pl) => (pl.foreign ? null : pl.establishment), config.gridKm)
  const students = Array.from(studentPerm, (i) => studentsById[i]!)
  const places = Array.from(placePerm, (i) => placesById[i]!)
  const nS = students.length
  const nP = places.length
  const studentIndex = new Map(students.map((s, i) => [s.id as string, i]))
  const placeIndex = new Map(places.map((p, i) => [p.id as string, i]))

  const programmes = new Interner<ProgrammeId>()
  for (const s of students) programmes.add(s.programme)
  for (const p of places) for (const g of p.programmes) programmes.add(g)
  const related = new Map<number, Set<number>>()
  for (const [a, b] of input.relatedProgrammes) {
    const ia = programmes.add(a)
    const ib = programmes.add(b)
    if (ia === ib) continue
    if (!related.has(ia)) related.set(ia, new Set())
    if (!related.has(ib)) related.set(ib, new Set())
    related.get(ia)!.add(ib)
    related.get(ib)!.add(ia)
  }
  const competences = new Interner<number>()
  for (const s of students) {
    for (const k of s.competences) competences.add(k)
    for (const k of s.interests) competences.add(k)
  }
  for (const p of places) for (const k of p.competences) competences.add(k.id)
  const companies = new Interner<string>()
  const sectors = new Interner<string>()
  for (const p of places) {
    companies.add(p.companyId)
    sectors.add(p.sector)
  }
  const compWords = Math.max(1, Math.ceil(competences.size / 32))

  const s = compileStudents(students, compWords, competences, programmes, options.seed)
  const wishes = csr(students, 2, (st) =>
    st.wishes.map((w) =>
      w.kind === 'place'
        ? [WISH_PLACE, placeIndex.get(w.id) ?? -1]
        : w.kind === 'company'
          ? [WISH_COMPANY, companies.get(w.id) ?? -1]
          : [WISH_SECTOR, sectors.get(w.id) ?? -1],
    ),
  )
  const p = compilePlaces(places, competences, companies, sectors, options.seed)
  const progs = csr(places, 1, (pl) =>
    [...new Set(pl.programmes.map((g) => programmes.get(g)!))].sort((a, b) => a - b).map((g) => [g]),
  )
  const recs = csr(places, 3, (pl) =>
    pl.recognitions.map((r) => [programmes.add(r.programme), isoToYmd(r.validFrom), isoToYmd(r.validTo)]),
  )
  const relLists = programmes.values.map((_, i) => [...(related.get(i) ?? [])].sort((a, b) => a - b))
  const rels = csr(relLists, 1, (l) => l.map((g) => [g]))

  // Pins take their seats before the match; blocked pairs are never candidates.
  const sPinned = new Int32Array(nS).fill(-1)
  const pSeats = Int32Array.from(places, (pl) => Math.max(0, Math.floor(pl.capacity)))
  for (const pin of input.pinned) {
    const si = studentIndex.get(pin.student)
    const pi = placeIndex.get(pin.place)
    if (si === undefined || pi === undefined || sPinned[si] !== -1) continue
    sPinned[si] = pi
    pSeats[pi] = Math.max(0, pSeats[pi]! - 1)
  }
  const blocked = new Set<number>()
  const sHasBlock = new Uint8Array(nS)
  for (const b of input.blockedPairs) {
    const si = studentIndex.get(b.student)
    const pi = placeIndex.get(b.place)
    if (si === undefined || pi === undefined) continue
    blocked.add(si * nP + pi)
    sHasBlock[si] = 1
  }
  const preference = new Map<number, number>()
  const pHasPreference = new Uint8Array(nP)
  places.forEach((pl, pi) => {
    const m = pl.preferredStudents.length
    pl.preferredStudents.forEach((id, rank) => {
      const si = studentIndex.get(id)
      if (si === undefined || preference.has(si * nP + pi)) return
      preference.set(si * nP + pi, 1 - rank / m)
      pHasPreference[pi] = 1
    })
  })

  const index = buildSpatialIndex(
    {
      nP,
      pX: p.pX,
      pY: p.pY,
      pForeign: p.pForeign,
      pKind: p.pKind,
      pProgStart: progs.start,
      pProg: progs.flat[0]!,
    },
    config.gridKm,
    KIND_COUNT,
  )
  return {
    config,
    seed: options.seed,
    today: isoToYmd(options.today),
    students,
    places,
    nS,
    nP,
    studentIdOrder: inverse(studentPerm),
    placeIdOrder: inverse(placePerm),
    ...s,
    compWords,
    sWishStart: wishes.start,
    sWishKind: Uint8Array.from(wishes.flat[0]!),
    sWishRef: wishes.flat[1]!,
    sPinned,
    sHasBlock,
    blocked,
    ...p,
    pSeats,
    pProgStart: progs.start,
    pProg: progs.flat[0]!,
    pRecStart: recs.start,
    pRecProg: recs.flat[0]!,
    pRecFrom: recs.flat[1]!,
    pRecTo: recs.flat[2]!,
    preference,
    pHasPreference,
    programmeIds: programmes.values,
    relStart: rels.start,
    rel: rels.flat[0]!,
    studentIndex,
    placeIndex,
    index,
  }
}

// One pass per entity: 100k student objects are scattered over the heap, so each extra pass
// over them costs a round of cache misses.
function compileStudents(
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
    a.sX[i] = projectX(st.home.lon)
    a.sY[i] = projectY(st.home.lat)
    a.sMaxKm[i] = st.maxTravelKm
    a.sProg[i] = programmes.get(st.programme)!
    a.sSeek[i] = SEEK[st.seeks]
    a.sGrade[i] = st.grade
    a.sFirstTwo[i] = st.firstTwoYearsDone ? 1 : 0
    a.sNotReady[i] = st.workReadiness === 'willing-not-ready' ? 1 : 0
    a.sNeedsInclusive[i] = st.needsInclusiveWorkplace ? 1 : 0
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

function compilePlaces(
  places: readonly Place[],
  competences: Interner<number>,
  companies: Interner<string>,
  sectors: Interner<string>,
  seed: number,
) {
  const n = places.length
  let compCount = 0
  for (const pl of places) compCount += pl.competences.length
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
    pHasMentor: new Uint8Array(n),
    pMentorBirth: new Int32Array(n),
    pMentorMinAge: new Uint8Array(n),
    pMentorDeadline: new Int32Array(n),
  }
  let j = 0
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
    const m = pl.mentor
    a.pHasMentor[i] = m ? 1 : 0
    a.pMentorBirth[i] = m ? isoToYmd(m.birthDate) : 0
    a.pMentorMinAge[i] = m ? (m.ageWaiver ? 23 : 25) : 0
    // No mentor: deadline 0, so the rule fails; training done: never overdue.
    a.pMentorDeadline[i] = !m
      ? 0
      : m.trainingCompleted
        ? FAR_FUTURE
        : m.trainingDeadline
          ? isoToYmd(m.trainingDeadline)
          : 0
  }
  return a
}

/** perm[internal] = id position → result[id position] = internal index. */
function inverse(perm: Int32Array): Int32Array {
  const out = new Int32Array(perm.length)
  perm.forEach((idPos, internal) => {
    out[idPos] = internal
  })
  return out
}
