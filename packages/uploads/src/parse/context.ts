import {
  type CompetenceId,
  createCompetenceResolver,
  createResolver,
  foldName,
  type Location,
  type ProgrammeId,
  type Resolver,
} from '@stagebrug/matching-core'
import {
  type Competence,
  loadCompetences,
  loadMunicipalities,
  loadProgrammes,
  type Municipality,
  type PostcodeInfo,
  type Programme,
  postcodeIndex,
} from '@stagebrug/reference-data'
import type { MappingOverride } from '../headers/override.js'
import type { ReadLimits } from '../read/table.js'
import { Problem } from '../validate/cells.js'

/** Reference lists the upload validates against; defaults to the bundled reference data. */
export interface ReferenceData {
  readonly programmes: readonly Programme[]
  readonly competences: readonly Competence[]
  readonly postcodes: ReadonlyMap<string, PostcodeInfo>
  readonly municipalities: readonly Municipality[]
}

export interface ParseContext extends ReadLimits {
  /** Instellingsnummer used when the file has no instellingsnummer column. */
  readonly schoolId?: string
  readonly reference?: ReferenceData
  /** The uploader's column → field choices (issue 15); they win over every automatic rule. */
  readonly mapping?: MappingOverride | undefined
  /** The school's remembered mapping for a header signature (its last accepted upload with these headers). */
  readonly recallMapping?: (signature: string) => Promise<MappingOverride | undefined>
}

let bundled: ReferenceData | undefined
/** The bundled reference data, one object per process (so its lookups are built once, see `Lookups`). */
export const defaultReferenceData = (): ReferenceData => {
  bundled ??= {
    programmes: loadProgrammes(),
    competences: loadCompetences(),
    postcodes: postcodeIndex(),
    municipalities: loadMunicipalities(),
  }
  return bundled
}

interface Index {
  readonly programmes: Resolver<number>
  readonly programmeById: ReadonlyMap<number, Programme>
  readonly competences: Resolver<number>
  readonly postcodesByPlace: ReadonlyMap<string, ReadonlySet<string>>
}
// The resolvers take ~80 ms to build; every upload against the same reference data shares them.
const indexes = new WeakMap<ReferenceData, Index>()

function indexOf(reference: ReferenceData): Index {
  const known = indexes.get(reference)
  if (known !== undefined) return known
  const byPlace = new Map<string, Set<string>>()
  const add = (name: string, postcode: string) => {
    const key = placeKey(name)
    byPlace.set(key, (byPlace.get(key) ?? new Set()).add(postcode))
  }
  for (const m of reference.municipalities)
    for (const name of [m.name, ...m.deelgemeenten]) for (const pc of m.postcodes) add(name, pc)
  for (const info of reference.postcodes.values()) {
    for (const name of info.places) add(name, info.postcode)
    if (info.municipality !== null) add(info.municipality, info.postcode)
  }
  const index: Index = {
    programmeById: new Map(reference.programmes.map((p) => [p.id, p])),
    programmes: createResolver(reference.programmes.map((p) => ({ id: p.id, name: p.title }))),
    // Identical statements under several codes are one choice (the first code's id); see matching-core.
    competences: createCompetenceResolver(reference.competences),
    postcodesByPlace: byPlace,
  }
  indexes.set(reference, index)
  return index
}

const placeKey = (name: string) => foldName(name).replace(/^st /, 'sint ')

/** Lookups of one upload: programme and competence resolvers, postcode ↔ municipality (shared per reference data). */
export class Lookups {
  private readonly programmes: Resolver<number>
  private readonly programmeById: ReadonlyMap<number, Programme>
  private readonly competences: Resolver<number>
  private readonly postcodesByPlace: ReadonlyMap<string, ReadonlySet<string>>
  private readonly memos = new Map<string, unknown>()

  /** A value built once per upload, e.g. a cell schema that needs these lookups (schemas are costly to build). */
  memo<T>(key: string, make: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, make())
    return this.memos.get(key) as T
  }

  constructor(readonly reference: ReferenceData) {
    const index = indexOf(reference)
    this.programmeById = index.programmeById
    this.programmes = index.programmes
    this.competences = index.competences
    this.postcodesByPlace = index.postcodesByPlace
  }

  /** A programme by structuuronderdeel number or (fuzzy) title; same-titled units are told apart by grade. */
  programme(text: string, grade: number | undefined): Programme | Problem {
    if (/^\d{1,5}$/.test(text)) {
      const byId = this.programmeById.get(Number(text))
      if (byId !== undefined) return byId
    }
    const resolved = this.programmes.resolve(text)
    if (resolved.ok) return this.programmeById.get(resolved.id)!
    const candidates = resolved.suggestions.map((s) => this.programmeById.get(s.id)!)
    const sameName =
      candidates.length > 1 && candidates.every((c) => foldName(c.title) === foldName(candidates[0]!.title))
    if (sameName) {
      const byGrade = candidates.filter((c) => grade !== undefined && c.grade === grade)
      if (byGrade.length === 1) return byGrade[0]!
      const list = candidates
        .map((c) => `nr ${c.id}${c.grade === null ? '' : ` (graad ${c.grade})`}`)
        .join(', ')
      return new Problem(
        `Studierichting '${text}' bestaat meermaals (${list}); vul de graad in of gebruik het nummer`,
        `Programme '${text}' exists more than once (${list}); fill in the grade or use the number`,
      )
    }
    return new Problem(
      `Studierichting '${text}' niet gevonden${didYouMean(resolved.suggestions, 'nl')}`,
      `Programme '${text}' not found${didYouMean(resolved.suggestions, 'en')}`,
    )
  }

  /** Competences separated by `|`, `;` or line breaks, each by code (bkc…) or text. */
  competenceList(text: string): CompetenceId[] | Problem {
    const ids: CompetenceId[] = []
    for (const part of text.split(/[|;\n]+/).map((p) => p.trim())) {
      if (part === '') continue
      const resolved = this.competences.resolve(part)
      if (!resolved.ok) {
        return new Problem(
          `Competentie '${part}' niet gevonden${didYouMean(resolved.suggestions, 'nl')}`,
          `Competence '${part}' not found${didYouMean(resolved.suggestions, 'en')}`,
        )
      }
      if (!ids.includes(resolved.id as CompetenceId)) ids.push(resolved.id as CompetenceId)
    }
    return ids
  }

  postcode(text: string): PostcodeInfo | Problem {
    const info = /^\d{4}$/.test(text) ? this.reference.postcodes.get(text) : undefined
    return (
      info ??
      new Problem(
        `Postcode '${text}' bestaat niet (verwacht 4 cijfers, bv. 3500)`,
        `Postcode '${text}' does not exist (expected 4 digits, e.g. 3500)`,
      )
    )
  }

  /** Null when the municipality (or a deelgemeente / place) fits the postcode. */
  municipalityMismatch(info: PostcodeInfo, municipality: string): Problem | null {
    if (this.postcodesByPlace.get(placeKey(municipality))?.has(info.postcode)) return null
    const expected = info.municipality ?? info.places[0] ?? ''
    return new Problem(
      `Postcode ${info.postcode} hoort niet bij '${municipality}' (wel bij ${expected})`,
      `Postcode ${info.postcode} does not belong to '${municipality}' (it is ${expected})`,
    )
  }
}

export const toLocation = (info: PostcodeInfo): Location => ({
  postcode: info.postcode,
  lat: info.lat,
  lon: info.lon,
})

export const asProgrammeId = (p: Programme): ProgrammeId => p.id as ProgrammeId

/** "; bedoelde u 'A' of 'B'?" (nl) or "; did you mean 'A' or 'B'?" (en), or '' without suggestions. */
export function didYouMean(suggestions: readonly { name: string }[], lang: 'nl' | 'en'): string {
  const names = [...new Set(suggestions.map((s) => `'${s.name}'`))]
  if (names.length === 0) return ''
  return lang === 'nl' ? `; bedoelde u ${names.join(' of ')}?` : `; did you mean ${names.join(' or ')}?`
}
