// The programme, competence and postcode look-ups use the resolver of the import
// (matching-core's createResolver over the shipped reference data), built once per process.
import {
  createCompetenceResolver,
  createResolver,
  groupIdenticalStatements,
  type Resolver,
  type StatementGroup,
  type Suggestion,
} from '@stagebrug/matching-core'
import {
  type Competence,
  competencesOfProgramme,
  loadCompetences,
  loadMunicipalities,
  loadNamedRegions,
  loadPostcodes,
  loadProgrammes,
  type PostcodeInfo,
  type Programme,
} from '@stagebrug/reference-data'
import { AppError } from '../errors.js'

function memo<T>(make: () => T): () => T {
  let value: T | undefined
  return () => {
    value ??= make()
    return value
  }
}

const programmes = memo(() => {
  const list = loadProgrammes()
  return {
    byId: new Map(list.map((p) => [p.id, p])),
    resolver: createResolver(list.map((p) => ({ id: p.id, name: p.title }))),
  }
})

const competences = memo(() => {
  const list = loadCompetences()
  const { groups } = groupIdenticalStatements(list)
  return {
    all: new Map(list.map((c) => [c.id, c])),
    byId: new Map(groups.map((g) => [g.id, g])),
    // The upload's resolver: codes (a twin's too) and whole statements resolve to the canonical id.
    resolver: createCompetenceResolver(list),
  }
})

const postcodes = memo(() => {
  const list = loadPostcodes()
  const byPostcode = new Map(list.map((p) => [p.postcode, p]))
  // Municipalities, their deelgemeenten and bpost's place names → their postcodes.
  const names = new Map<string, Set<string>>()
  const add = (name: string, pc: string) => names.set(name, (names.get(name) ?? new Set()).add(pc))
  for (const m of loadMunicipalities())
    for (const n of [m.name, ...m.deelgemeenten]) for (const pc of m.postcodes) add(n, pc)
  for (const p of list)
    for (const n of [...p.places, ...(p.municipality ? [p.municipality] : [])]) add(n, p.postcode)
  const entries = [...names].map(([name, pcs]) => ({ id: name, name, pcs: [...pcs].sort() }))
  return {
    byPostcode,
    postcodesOf: new Map(entries.map((e) => [e.id, e.pcs])),
    resolver: createResolver(entries.map(({ id, name }) => ({ id, name }))),
  }
})

const regions = memo(() => {
  const byKey = new Map(
    loadNamedRegions().map((r) => [r.key, { key: r.key, label: r.label, postcodes: [] as string[] }]),
  )
  for (const p of loadPostcodes()) for (const k of p.regionKeys) byKey.get(k)?.postcodes.push(p.postcode)
  return byKey
})

/** The resolver's answer for a query: the one match, or its suggestions (at most three). */
function hits<Id>(resolver: Resolver<Id>, q: string): Suggestion<Id>[] {
  const r = resolver.resolve(q)
  return r.ok ? [{ id: r.id, name: r.name, distance: r.distance }] : [...r.suggestions]
}

export function findProgrammes(q: string): Programme[] {
  const { byId, resolver } = programmes()
  if (/^\d{1,5}$/.test(q.trim())) {
    const p = byId.get(Number(q.trim()))
    if (p) return [p]
  }
  const found = hits(resolver, q).map((s) => byId.get(s.id)!)
  // Same-titled units of different grades all match: list them all.
  const titles = new Set(found.map((p) => p.title))
  return [...byId.values()]
    .filter((p) => titles.has(p.title))
    .sort((a, b) => (a.grade ?? 0) - (b.grade ?? 0) || a.id - b.id)
}

/** A competence as a person chooses it: one statement text, the other codes publishing it as aliases. */
export type CompetenceChoice = StatementGroup<number>

/**
 * Competences for what was typed: a code (bkc…) or a whole statement gives its one choice; words
 * give the statements holding them, best first (matching-core's keyword search), at most `limit`.
 */
export function findCompetences(q: string, limit = 20): CompetenceChoice[] {
  const { byId, resolver } = competences()
  const resolved = resolver.resolve(q)
  if (resolved.ok) return [byId.get(resolved.id)!]
  return resolver.search(q, limit).map((hit) => byId.get(hit.id)!)
}

/**
 * The competences of a programme through its programme → BK link, one choice per statement, in BK order;
 * NOT_FOUND for an unknown programme. Empty while the reference data carries no link (PROVENANCE.md).
 */
export function competencesOfProgrammeChoices(programmeId: number): {
  qualifications: readonly string[]
  items: CompetenceChoice[]
} {
  if (!programmes().byId.has(programmeId))
    throw new AppError(
      'NOT_FOUND',
      `Studierichting ${programmeId} bestaat niet; zie /lookups/programmes / Unknown programme`,
    )
  const { byId, resolver } = competences()
  const { qualifications, competences: list } = competencesOfProgramme(programmeId)
  const ids = [...new Set(list.map((c) => resolver.canonical(c.id) ?? c.id))]
  return { qualifications, items: ids.map((id) => byId.get(id)!) }
}

export function findPostcodes(q: string): PostcodeInfo[] {
  const { byPostcode, postcodesOf, resolver } = postcodes()
  const t = q.trim()
  if (/^\d{1,4}$/.test(t))
    return [...byPostcode.values()].filter((p) => p.postcode.startsWith(t)).slice(0, 20)
  const pcs = new Set(hits(resolver, t).flatMap((s) => postcodesOf.get(s.id) ?? []))
  return [...pcs]
    .sort()
    .map((pc) => byPostcode.get(pc)!)
    .filter(Boolean)
}

export function programmeTitle(id: number): string {
  return programmes().byId.get(id)?.title ?? String(id)
}

export function municipalityOf(postcode: string): string | null {
  return postcodes().byPostcode.get(postcode)?.municipality ?? null
}

export function programmeExists(id: number): boolean {
  return programmes().byId.has(id)
}

export function competenceById(id: number): Competence | undefined {
  return competences().all.get(id)
}

export function namedRegions(): { key: string; label: string; postcodes: number }[] {
  return [...regions().values()].map((r) => ({ key: r.key, label: r.label, postcodes: r.postcodes.length }))
}

/** The postcodes of a named region (`reg-kempen`); INVALID_REQUEST for an unknown key. */
export function postcodesOfRegion(key: string): readonly string[] {
  const region = regions().get(key)
  if (!region)
    throw new AppError('INVALID_REQUEST', `Onbekende regio '${key}'; zie /lookups/regions / Unknown region`)
  return region.postcodes
}
