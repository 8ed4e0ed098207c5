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
}

const MAIN_FILE = 'programmes/qualification_competences.csv'
const EXTRA_DIR = 'programmes/competences.d/'

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
  return { competences: Object.freeze(competences), byQualification }
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
