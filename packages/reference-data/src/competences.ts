import { existsSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { type CsvRow, col, csvFilesIn, DATA_DIR, readCsvFile } from './csv.js'
import { memo } from './memo.js'

/** A competence statement from one or more beroepskwalificaties. */
export interface Competence {
  /** dense int id, 0..n-1, by sorted code; NOT stable across data versions, persist `code` */
  readonly id: number
  /** bkc… */
  readonly code: string
  readonly text: string
  readonly type: string
  /** BK ids that list it, sorted */
  readonly qualifications: readonly string[]
}

export interface CompetenceCatalog {
  readonly competences: readonly Competence[]
  /** BK id → its competences in the BK's own order (volgnummer). */
  readonly byQualification: ReadonlyMap<string, readonly Competence[]>
  /** Structuuronderdeel number → the BKs it leads to, from programmes/programme_qualifications.csv (optional file). */
  readonly qualificationsByProgramme: ReadonlyMap<number, readonly string[]>
}

const MAIN_FILE = 'programmes/qualification_competences.csv'
const EXTRA_DIR = 'programmes/competences.d/'
// The official programme → BK link (structuuronderdeel → beroepskwalificaties). Not in the bundled data yet (see
// PROVENANCE.md, known gap 2); when it is added, with columns structuuronderdeel_nummer,bk_id, the look-up lists it.
const LINK_FILE = 'programmes/programme_qualifications.csv'

function toDirUrl(dir: string | URL): URL {
  if (dir instanceof URL) return dir
  return pathToFileURL(dir.endsWith('/') ? dir : `${dir}/`)
}

/**
 * Reads qualification_competences.csv plus every programmes/competences.d/*.csv (same columns) below
 * `dataDir`. A code listed by several BKs becomes one competence; its first row gives text and type.
 * Exported for tests; the package entry exposes only the memoised loaders over the bundled data.
 */
export function loadCompetencesFrom(dataDir: string | URL): CompetenceCatalog {
  const dir = toDirUrl(dataDir)
  const rows: CsvRow[] = [new URL(MAIN_FILE, dir), ...csvFilesIn(new URL(EXTRA_DIR, dir))].flatMap(
    readCsvFile,
  )

  const first = new Map<string, CsvRow>()
  const bks = new Map<string, Set<string>>()
  const listings = new Map<string, { nr: number; code: string }[]>()
  for (const row of rows) {
    const code = col(row, 'competentie_id')
    const bk = col(row, 'bk_id')
    if (!first.has(code)) first.set(code, row)
    bks.set(code, (bks.get(code) ?? new Set()).add(bk))
    const listing = listings.get(bk) ?? []
    if (!listing.some((l) => l.code === code)) listing.push({ nr: Number(col(row, 'volgnummer')), code })
    listings.set(bk, listing)
  }

  const competences = [...first.keys()].sort().map((code, id): Competence => {
    const row = first.get(code)!
    return Object.freeze({
      id,
      code,
      text: col(row, 'tekst'),
      type: col(row, 'type'),
      qualifications: Object.freeze([...(bks.get(code) ?? [])].sort()),
    })
  })
  const byCode = new Map(competences.map((c) => [c.code, c]))
  const byQualification = new Map(
    [...listings].map(([bk, listing]) => [
      bk,
      Object.freeze(listing.sort((a, b) => a.nr - b.nr).map((l) => byCode.get(l.code)!)),
    ]),
  )
  const qualificationsByProgramme = new Map<number, string[]>()
  const linkFile = new URL(LINK_FILE, dir)
  for (const row of existsSync(linkFile) ? readCsvFile(linkFile) : []) {
    const programme = Number(col(row, 'structuuronderdeel_nummer'))
    const bk = col(row, 'bk_id')
    const list = qualificationsByProgramme.get(programme) ?? []
    if (!list.includes(bk)) list.push(bk)
    qualificationsByProgramme.set(programme, list)
  }
  return { competences: Object.freeze(competences), byQualification, qualificationsByProgramme }
}

const catalog = memo(() => loadCompetencesFrom(DATA_DIR))

/** Every distinct competence in the bundled data, sorted by code (`id` is the index). Memoised. */
export function loadCompetences(): readonly Competence[] {
  return catalog().competences
}

/** The competences of one BK (e.g. 'BK-0002-3') in its own order; empty for an unknown BK. */
export function competencesOfQualification(bkId: string): readonly Competence[] {
  return catalog().byQualification.get(bkId) ?? []
}

/**
 * The BKs a programme (structuuronderdeel) leads to, and their competences in BK order, each once. Empty
 * while the bundled data has no programme → BK link (see PROVENANCE.md).
 */
export function competencesOfProgramme(programmeId: number): {
  readonly qualifications: readonly string[]
  readonly competences: readonly Competence[]
} {
  const { byQualification, qualificationsByProgramme } = catalog()
  return programmeLink(byQualification, qualificationsByProgramme.get(programmeId) ?? [])
}

/** The competences of the given BKs in their order, each once. Exported for tests over another data folder. */
export function programmeLink(
  byQualification: ReadonlyMap<string, readonly Competence[]>,
  qualifications: readonly string[],
): { readonly qualifications: readonly string[]; readonly competences: readonly Competence[] } {
  const competences = [...new Set(qualifications.flatMap((bk) => byQualification.get(bk) ?? []))]
  return { qualifications, competences }
}
