import type { CompetenceId, ProgrammeId } from '@stagebrug/matching-core'
import {
  competencesOfQualification,
  loadProgrammes,
  type Programme,
  relatedProgrammePairs,
} from '@stagebrug/reference-data'
import { type Field, type MixEntry, PROGRAMME_MIX } from './programme-mix.js'

/** One row of the programme mix, resolved to real programme ids and a competence vocabulary. */
export interface ResolvedProgramme {
  readonly entry: MixEntry
  readonly base: Programme
  /** The "… duaal" variant (reference-data's relatedProgrammePairs), if the matrix has one. */
  readonly dual: Programme | null
  /** The "Aanloop … duaal" unit for pupils who are willing but not yet work-ready, if any. */
  readonly aanloop: Programme | null
  /** Competences of the entry's BKs (synthetic heuristic, see programme-mix.ts). */
  readonly vocabulary: readonly CompetenceId[]
}

export interface Catalogue {
  readonly programmes: readonly ResolvedProgramme[]
  readonly byField: ReadonlyMap<Field, readonly ResolvedProgramme[]>
  /** Competence id → text, for every competence in some vocabulary. */
  readonly competenceText: ReadonlyMap<number, string>
}

const LABOUR_MARKET = new Set(['arbeidsmarkt', 'dubbele finaliteit'])

function only<T>(found: readonly T[], what: string): T {
  const [first] = found
  if (found.length !== 1 || first === undefined) {
    throw new Error(`programme mix: ${what} matches ${found.length} programmes, expected exactly 1`)
  }
  return first
}

function resolveBase(all: readonly Programme[], entry: MixEntry): Programme {
  const found = all.filter(
    (p) =>
      p.title === entry.title &&
      p.grade === entry.grade &&
      !p.duaal &&
      p.buso === null &&
      p.finality !== null &&
      LABOUR_MARKET.has(p.finality),
  )
  return only(found, `"${entry.title}" (grade ${entry.grade})`)
}

/** Resolves PROGRAMME_MIX against reference-data; throws if a title, grade or BK id is not real. */
export function loadCatalogue(): Catalogue {
  const all = loadProgrammes()
  const byId = new Map(all.map((p) => [p.id, p]))
  const pairs = relatedProgrammePairs()
  const competenceText = new Map<number, string>()

  const programmes = PROGRAMME_MIX.map((entry): ResolvedProgramme => {
    const base = resolveBase(all, entry)
    const dualIds = pairs.filter(([, baseId]) => baseId === base.id).map(([dualId]) => dualId)
    const dual = dualIds.map((id) => byId.get(id)).find((p) => p !== undefined && !p.aanloop) ?? null
    const aanloopTitle = `aanloop ${entry.title.toLowerCase()} duaal`
    const aanloop =
      all.find((p) => p.aanloop && p.grade === entry.grade && p.title.toLowerCase() === aanloopTitle) ?? null
    const vocabulary = new Set<CompetenceId>()
    for (const bk of entry.qualifications) {
      const competences = competencesOfQualification(bk)
      if (competences.length === 0) throw new Error(`programme mix: unknown qualification ${bk}`)
      for (const c of competences) {
        vocabulary.add(c.id as CompetenceId)
        competenceText.set(c.id, c.text)
      }
    }
    return { entry, base, dual, aanloop, vocabulary: [...vocabulary] }
  })

  const byField = new Map<Field, ResolvedProgramme[]>()
  for (const p of programmes) byField.set(p.entry.field, [...(byField.get(p.entry.field) ?? []), p])
  return { programmes, byField, competenceText }
}

export function programmeId(p: Programme): ProgrammeId {
  return p.id as ProgrammeId
}

/** Related pairs among the given programme ids, straight from reference-data (dual variant, base). */
export function relatedAmong(used: ReadonlySet<number>): (readonly [ProgrammeId, ProgrammeId])[] {
  return relatedProgrammePairs()
    .filter(([a, b]) => used.has(a) && used.has(b))
    .map(([a, b]) => [a as ProgrammeId, b as ProgrammeId] as const)
}
