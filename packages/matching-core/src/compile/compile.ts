import { type MatchConfigInput, resolveConfig } from '../config.js'
import type { MatchInput, ProgrammeId } from '../model.js'
import { isoToYmd } from '../util/dates.js'
import { KIND_COUNT, WISH_COMPANY, WISH_PLACE, WISH_SECTOR } from './codes.js'
import type { CompiledInstance } from './compiled.js'
import { byId, csr, Interner, spatialOrder } from './interner.js'
import { compilePlaces } from './places.js'
import { buildSpatialIndex } from './spatial-index.js'
import { compileStudents, travelOrigin } from './students.js'

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
  const studentPerm = spatialOrder(studentsById, travelOrigin, config.gridKm)
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

/** perm[internal] = id position → result[id position] = internal index. */
function inverse(perm: Int32Array): Int32Array {
  const out = new Int32Array(perm.length)
  perm.forEach((idPos, internal) => {
    out[idPos] = internal
  })
  return out
}
