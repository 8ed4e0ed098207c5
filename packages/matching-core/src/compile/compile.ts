import { type MatchConfigInput, resolveConfig } from '../config.js'
import type { MatchInput, Place, ProgrammeId, Student } from '../model.js'
import { isoToYmd } from '../util/dates.js'
import { projectX, projectY } from '../util/geo.js'
import { lotteryDraw } from '../util/hash.js'
import { FAR_FUTURE, KIND, KIND_COUNT, SEEK, WISH_COMPANY, WISH_PLACE, WISH_SECTOR } from './codes.js'
import type { CompiledInstance } from './compiled.js'
import { byId, csr, Interner, mapF64, mapI32, mapU8, mapU32, spatialOrder } from './interner.js'
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
  const pSeats = mapI32(places, (pl) => Math.max(0, Math.floor(pl.capacity)))
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

function compileStudents(
  students: readonly Student[],
  compWords: number,
  competences: Interner<number>,
  programmes: Interner<ProgrammeId>,
  seed: number,
) {
  const n = students.length
  const sComp = new Uint32Array(n * compWords)
  students.forEach((st, i) => {
    for (const list of [st.competences, st.interests]) {
      for (const k of list) {
        const bit = competences.get(k)!
        sComp[i * compWords + (bit >>> 5)]! |= 1 << (bit & 31)
      }
    }
  })
  return {
    sX: mapF64(students, (st) => projectX(st.home.lon)),
    sY: mapF64(students, (st) => projectY(st.home.lat)),
    sMaxKm: mapF64(students, (st) => st.maxTravelKm),
    sProg: mapI32(students, (st) => programmes.get(st.programme)!),
    sSeek: mapU8(students, (st) => SEEK[st.seeks]),
    sGrade: mapU8(students, (st) => st.grade),
    sFirstTwo: mapU8(students, (st) => (st.firstTwoYearsDone ? 1 : 0)),
    sNotReady: mapU8(students, (st) => (st.workReadiness === 'willing-not-ready' ? 1 : 0)),
    sNeedsInclusive: mapU8(students, (st) => (st.needsInclusiveWorkplace ? 1 : 0)),
    sPriority: mapU8(students, (st) => (st.priority ? 1 : 0)),
    sLicence: mapU8(students, (st) => (st.drivingLicence ? 1 : 0)),
    sBirth: mapI32(students, (st) => isoToYmd(st.birthDate)),
    sAvStart: mapI32(students, (st) => isoToYmd(st.availability.start)),
    sAvEnd: mapI32(students, (st) => isoToYmd(st.availability.end)),
    sLottery: mapU32(students, (st) => lotteryDraw(seed, st.id)),
    sComp,
  }
}

function compilePlaces(
  places: readonly Place[],
  competences: Interner<number>,
  companies: Interner<string>,
  sectors: Interner<string>,
  seed: number,
) {
  const comps = csr(places, 1, (pl) => pl.competences.map((k) => [competences.get(k.id)!]))
  const mentorAge = (pl: Place) => (pl.mentor ? (pl.mentor.ageWaiver ? 23 : 25) : 0)
  const mentorDeadline = (pl: Place) =>
    !pl.mentor
      ? 0
      : pl.mentor.trainingCompleted
        ? FAR_FUTURE
        : pl.mentor.trainingDeadline
          ? isoToYmd(pl.mentor.trainingDeadline)
          : 0
  return {
    pX: mapF64(places, (pl) => projectX(pl.establishment.lon)),
    pY: mapF64(places, (pl) => projectY(pl.establishment.lat)),
    pKind: mapU8(places, (pl) => KIND[pl.kind]),
    pForeign: mapU8(places, (pl) => (pl.foreign ? 1 : 0)),
    pStart: mapI32(places, (pl) => isoToYmd(pl.period.start)),
    pEnd: mapI32(places, (pl) => isoToYmd(pl.period.end)),
    pNightMinAge: mapU8(places, (pl) => nightWorkMinimumAge(pl.hours)),
    pMinAge: mapU8(places, (pl) => pl.minimumAge),
    pLicence: mapU8(places, (pl) => (pl.needsDrivingLicence ? 1 : 0)),
    pInclusive: mapU8(places, (pl) => (pl.inclusive ? 1 : 0)),
    pCompany: mapI32(places, (pl) => companies.get(pl.companyId)!),
    pSector: mapI32(places, (pl) => sectors.get(pl.sector)!),
    pLottery: mapU32(places, (pl) => lotteryDraw(seed ^ 0x5bd1e995, pl.id)),
    pCompStart: comps.start,
    pCompBit: comps.flat[0]!,
    pCompWeight: Float64Array.from(places.flatMap((pl) => pl.competences.map((k) => k.weight))),
    pCompTotal: mapF64(places, (pl) => pl.competences.reduce((t, k) => t + k.weight, 0)),
    pHasMentor: mapU8(places, (pl) => (pl.mentor ? 1 : 0)),
    pMentorBirth: mapI32(places, (pl) => (pl.mentor ? isoToYmd(pl.mentor.birthDate) : 0)),
    pMentorMinAge: mapU8(places, mentorAge),
    pMentorDeadline: mapI32(places, mentorDeadline),
  }
}

/** perm[internal] = id position → result[id position] = internal index. */
function inverse(perm: Int32Array): Int32Array {
  const out = new Int32Array(perm.length)
  perm.forEach((idPos, internal) => {
    out[idPos] = internal
  })
  return out
}
