import { foldName, type Period, type PlaceKind } from '@stagebrug/matching-core'
import type { FieldDef } from '../headers/fields.js'
import { cell, date, Problem, type RowReport } from '../validate/cells.js'
import type { Lookups } from './context.js'

export const labelOf = (fields: readonly FieldDef[], key: string): FieldDef =>
  fields.find((f) => f.key === key)!

/** Builds a field list's shared cell schemas once (a zod schema per row and cell costs seconds on 10,000 rows). */
const sharedCells = new WeakMap<readonly FieldDef[], ReturnType<typeof buildSharedCells>>()
function buildSharedCells(fields: readonly FieldDef[]) {
  const [start, end] = [labelOf(fields, 'periodStart'), labelOf(fields, 'periodEnd')]
  return {
    periodStart: cell(start, true, date(start)),
    periodEnd: cell(end, true, date(end)),
    municipality: cell(labelOf(fields, 'municipality'), false, (v) => v),
  }
}
function cellsOf(fields: readonly FieldDef[]) {
  const known = sharedCells.get(fields)
  if (known !== undefined) return known
  const cells = buildSharedCells(fields)
  sharedCells.set(fields, cells)
  return cells
}

/** Reads start and end date and checks that the end comes after the start. */
export function readPeriod(report: RowReport, fields: readonly FieldDef[]): Period | undefined {
  const cells = cellsOf(fields)
  const start = report.read('periodStart', cells.periodStart)
  const end = report.read('periodEnd', cells.periodEnd)
  if (start === undefined || end === undefined) return undefined
  if (end <= start) {
    return report.fail(
      'periodEnd',
      'Einddatum moet na de startdatum liggen',
      'End date must be after the start date',
    )
  }
  return { start, end }
}

/** Reads postcode (must exist) and, when given, checks the municipality against it. */
export function readPostcode(report: RowReport, fields: readonly FieldDef[], lookups: Lookups) {
  const info = report.read(
    'postcode',
    lookups.memo('postcode', () => cell(labelOf(fields, 'postcode'), true, (v) => lookups.postcode(v))),
  )
  const municipality = report.read('municipality', cellsOf(fields).municipality)
  if (info !== undefined && municipality !== undefined) {
    const mismatch = lookups.municipalityMismatch(info, municipality)
    if (mismatch) report.fail('municipality', mismatch.nl, mismatch.en)
  }
  return { info, municipality: municipality ?? null }
}

const KINDS: ReadonlyMap<string, PlaceKind> = new Map([
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

/** stage / SAO → internship, duaal / DA → dual, job / OAO → job, aanloop(fase) → aanloopfase. */
export const placeKind =
  (label: FieldDef) =>
  (value: string): PlaceKind | Problem =>
    KINDS.get(foldName(value)) ??
    new Problem(
      `${label.nl} '${value}' is onbekend (verwacht stage, duaal, job of aanloopfase)`,
      `${label.en} '${value}' is unknown (expected stage, duaal, job or aanloopfase)`,
    )
