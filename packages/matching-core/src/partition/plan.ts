import { generateCandidates } from '../candidates/generate.js'
import { compileInstance, type MatchOptions } from '../compile/compile.js'
import type { MatchInput, Place, Student } from '../model.js'
import { UnionFind } from './union-find.js'

/** One independent share of a night: whole connected components of the candidate graph. */
export interface MatchPart {
  readonly index: number
  readonly input: MatchInput
}

/**
 * A night split for several workers. `parts` hold the students that have at least one candidate
 * (or a pin) with every place they reach; allocation in one part cannot affect another, so
 * `match` per part and `mergeResults` give exactly `match` of the whole. `unconnected` holds the
 * students without any candidate against all places: matching it only explains why they are
 * unplaced (those reasons count places everywhere in range, not only in one part).
 */
export interface MatchPlan {
  readonly parts: readonly MatchPart[]
  readonly unconnected: MatchInput
  /** Of the whole instance, for the merged summary. */
  readonly pairsConsidered: number
  readonly pairsScored: number
  readonly components: number
}

/**
 * Builds the candidate graph once, finds its connected components (students and places joined by
 * a candidate edge or a coordinator's pin) and packs them into at most `maxParts` parts of
 * similar size (largest component first onto the lightest part). Deterministic for an input.
 */
export function planParts(input: MatchInput, options: MatchOptions, maxParts: number): MatchPlan {
  const c = compileInstance(input, options)
  const cands = generateCandidates(c)
  const uf = new UnionFind(c.nS + c.nP)
  const connected = new Uint8Array(c.nS)
  for (let s = 0; s < c.nS; s++) {
    for (let e = cands.start[s]!; e < cands.start[s + 1]!; e++) {
      uf.union(s, c.nS + cands.place[e]!)
      connected[s] = 1
    }
    if (c.sPinned[s] !== -1) {
      uf.union(s, c.nS + c.sPinned[s]!)
      connected[s] = 1
    }
  }

  // Components in id order of their first student, so packing does not depend on input order.
  const members = new Map<number, { students: Student[]; places: Place[] }>()
  for (const s of c.studentIdOrder) {
    if (!connected[s]) continue
    const root = uf.find(s)
    const m = members.get(root) ?? { students: [], places: [] }
    members.set(root, m)
    m.students.push(c.students[s]!)
  }
  for (const p of c.placeIdOrder) members.get(uf.find(c.nS + p))?.places.push(c.places[p]!)

  const components = [...members.values()]
  const partCount = Math.max(0, Math.min(Math.max(1, Math.floor(maxParts)), components.length))
  const bins = Array.from({ length: partCount }, () => ({
    load: 0,
    students: [] as Student[],
    places: [] as Place[],
  }))
  const bySize = components
    .map((m, order) => ({ m, order, size: m.students.length + m.places.length }))
    .sort((a, b) => b.size - a.size || a.order - b.order)
  for (const { m, size } of bySize) {
    let lightest = bins[0]!
    for (const bin of bins) if (bin.load < lightest.load) lightest = bin
    lightest.load += size
    lightest.students.push(...m.students)
    lightest.places.push(...m.places)
  }

  const parts = bins.map((bin, index): MatchPart => {
    const ids = new Set<string>(bin.students.map((s) => s.id))
    return {
      index,
      input: {
        students: bin.students,
        places: bin.places,
        relatedProgrammes: input.relatedProgrammes,
        blockedPairs: input.blockedPairs.filter((b) => ids.has(b.student)),
        pinned: input.pinned.filter((p) => ids.has(p.student)),
      },
    }
  })
  const loose = new Set<string>()
  for (let s = 0; s < c.nS; s++) if (!connected[s]) loose.add(c.students[s]!.id)
  return {
    parts,
    unconnected: {
      students: input.students.filter((s) => loose.has(s.id)),
      places: input.places,
      relatedProgrammes: input.relatedProgrammes,
      blockedPairs: input.blockedPairs.filter((b) => loose.has(b.student)),
      pinned: [],
    },
    pairsConsidered: cands.pairsConsidered,
    pairsScored: cands.pairsScored,
    components: components.length,
  }
}
