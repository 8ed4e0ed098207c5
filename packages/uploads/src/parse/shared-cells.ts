import type { Period, PlaceKind } from '@stagebrug/matching-core'
import type { FieldDef } from '../headers/fields.js'
import { cell, date, Problem, type RowReport } from '../validate/cells.js'
import { placeKindOf } from '../validate/place-kinds.js'
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

/** stage / SAO → internship, duaal / DA → dual, job / OAO → job, aanloop(fase) → aanloopfase. */
export const placeKind =
  (label: FieldDef) =>
  (value: string): PlaceKind | Problem =>
    placeKindOf(value) ??
    new Problem(
      `${label.nl} '${value}' is onbekend (verwacht stage, duaal, job of aanloopfase)`,
      `${label.en} '${value}' is unknown (expected stage, duaal, job or aanloopfase)`,
    )
