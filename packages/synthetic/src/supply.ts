import type { PlaceKind, Student } from '@stagebrug/matching-core'
import type { Catalogue, ResolvedProgramme } from './catalogue.js'
import { type Rng, WeightedTable } from './random.js'
import type { StudentDraft } from './students.js'

const KINDS: readonly PlaceKind[] = ['internship', 'dual', 'aanloopfase', 'job']

/** The kind of place a student can take. */
export function kindFor(student: Student): PlaceKind {
  if (student.seeks === 'dual') return student.workReadiness === 'ready' ? 'dual' : 'aanloopfase'
  return student.seeks
}

export function unitFor(kind: PlaceKind, p: ResolvedProgramme) {
  return kind === 'dual' ? p.dual : kind === 'aanloopfase' ? p.aanloop : p.base
}

export interface Supply {
  /** Per place kind: mix rows weighted by demand with noise. */
  readonly tables: ReadonlyMap<PlaceKind, WeightedTable<ResolvedProgramme>>
  /** Students per `${kind}:${base programme id}`: new workplaces open near one of them. */
  readonly seekers: ReadonlyMap<string, readonly StudentDraft[]>
}

export const seekerKey = (kind: PlaceKind, p: ResolvedProgramme) => `${kind}:${p.base.id}`

/**
 * Per kind, a table of mix rows weighted by how many students want that kind of place in that
 * programme, times a log-normal factor per programme: some programmes end up short, others in surplus.
 */
export function supplyFor(rng: Rng, catalogue: Catalogue, students: readonly StudentDraft[]): Supply {
  const index = new Map(catalogue.programmes.map((p, i) => [p, i]))
  const demand = new Map(KINDS.map((k) => [k, new Float64Array(catalogue.programmes.length)]))
  const seekers = new Map<string, StudentDraft[]>()
  for (const s of students) {
    const kind = kindFor(s.student)
    const row = demand.get(kind)
    const i = index.get(s.programme)
    if (row && i !== undefined) row[i] = (row[i] ?? 0) + 1
    const list = seekers.get(seekerKey(kind, s.programme))
    if (list) list.push(s)
    else seekers.set(seekerKey(kind, s.programme), [s])
  }
  const tables = new Map(
    KINDS.map((kind) => {
      const row = demand.get(kind) ?? new Float64Array(0)
      const offered = catalogue.programmes.map((p) => unitFor(kind, p) !== null)
      const anyDemand = row.some((d, i) => d > 0 && offered[i])
      const weights = catalogue.programmes.map((p, i) => {
        if (!offered[i]) return 0
        const base = anyDemand ? (row[i] ?? 0) : p.entry.weight
        return base * Math.exp(0.4 * rng.normal())
      })
      return [kind, new WeightedTable(catalogue.programmes, weights)] as const
    }),
  )
  return { tables, seekers }
}
