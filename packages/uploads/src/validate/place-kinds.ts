// The place kinds' vocabulary, in the file and in JSON alike (docs/uploads). A module of its own,
// without the parser's dependencies, so the header mapper can test a column's values against it.
import { foldName, type PlaceKind } from '@stagebrug/matching-core'

export const KINDS: ReadonlyMap<string, PlaceKind> = new Map([
  ['stage', 'internship'],
  ['leerlingenstage', 'internship'],
  ['sao', 'internship'],
  ['internship', 'internship'],
  ['duaal', 'dual'],
  ['duaal leren', 'dual'],
  ['da', 'dual'],
  ['dual', 'dual'],
  ['job', 'job'],
  ['werk', 'job'],
  ['oao', 'job'],
  ['aanloop', 'aanloopfase'],
  ['aanloopfase', 'aanloopfase'],
])

/** The words users read and write for each place kind, in the file and in JSON alike (docs/uploads). */
const WORDS: Readonly<Record<PlaceKind, string>> = {
  internship: 'stage',
  dual: 'duaal',
  job: 'job',
  aanloopfase: 'aanloopfase',
}
export const PLACE_KIND_WORDS: readonly string[] = Object.values(WORDS)

/** The kind a word names (stage, duaal, job, aanloopfase, or a synonym such as SAO, DA, internship). */
export const placeKindOf = (value: string): PlaceKind | undefined => KINDS.get(foldName(value))

/** The word users read for a place kind: `stage`, `duaal`, `job` or `aanloopfase`. */
export const placeKindWord = (kind: PlaceKind): string => WORDS[kind]
