import { createResolver, foldName } from '@stagebrug/matching-core'
import { isNationalNumberHeader } from '../validate/national-number.js'
import { type FieldDef, fieldsOf, type UploadKind, type Vendor } from './fields.js'
import { fitsFieldType, type ValueType, valueTypeOf } from './value-types.js'

/** How a column found its field: our headers, a vendor preset, a fuzzy match, the uploader's override, or the school's remembered mapping. */
export type MappingVia = 'exact' | 'fuzzy' | `preset:${Vendor}` | 'override' | 'remembered'

export interface ColumnMapping {
  /** The header as it appears in the file. */
  readonly column: string
  /** 0-based column index. */
  readonly index: number
  readonly field: string
  readonly via: MappingVia
  /** Edit distance of a fuzzy match; 0 otherwise. */
  readonly distance: number
}

export interface UnmappedColumn {
  readonly column: string
  readonly index: number
  readonly reason: 'unknown' | 'duplicate' | 'national-number' | 'type-mismatch'
  /** For 'type-mismatch': the field the header resembled, whose type the column's values do not fit. */
  readonly refused?: { readonly field: string; readonly type: ValueType }
}

export interface MapOptions {
  /** A sample of a column's non-empty values: a fuzzy match stands only when they fit the field's type. */
  readonly sample?: (index: number) => readonly string[]
  /** Column index → field key, chosen by the uploader or remembered; wins over every other rule. */
  readonly fixed?: ReadonlyMap<number, string>
  readonly fixedVia?: 'override' | 'remembered'
}

export interface HeaderMapping {
  readonly mapping: readonly ColumnMapping[]
  readonly unmapped: readonly UnmappedColumn[]
  /** Required fields without a column. */
  readonly missing: readonly string[]
  /** The headers' signature (headers/override.ts), under which a school's mapping is remembered. */
  readonly signature?: string
}

const VENDORS: readonly Vendor[] = ['smartschool', 'wisa', 'informat']

/** Header comparison key: folded, without spaces ("E-mail adres" → "emailadres"). */
export const headerKey = (header: string): string => foldName(header).replace(/ /g, '')

const fuzzyLimit = (normalised: string): number =>
  normalised.length <= 4 ? 0 : normalised.length < 10 ? 1 : 2

function detectVendor(keys: readonly string[], fields: readonly FieldDef[]): Vendor | null {
  const templates = new Set(fields.map((f) => headerKey(f.template)))
  let best: Vendor | null = null
  let bestScore = 0
  for (const vendor of VENDORS) {
    const preset = new Set(fields.flatMap((f) => (f.presets[vendor] ?? []).map(headerKey)))
    const score = keys.filter((k) => preset.has(k) && !templates.has(k)).length
    if (score > bestScore) [best, bestScore] = [vendor, score]
  }
  return best
}

/**
 * Maps file headers to upload fields: the vendor preset that fits the file best (Smartschool, Wisa,
 * Informat), our template headers and aliases, then a fuzzy match through the core resolver. Each
 * field takes the first column that maps to it; national-number columns are never mapped.
 * @example mapHeaders(['Stamboeknummer', 'Naam', 'Voornaam'], 'students').mapping[0] // { field: 'externalId', via: 'exact', … }
 */
export function mapHeaders(
  headers: readonly string[],
  kind: UploadKind,
  options: MapOptions = {},
): HeaderMapping {
  const fields = fieldsOf(kind)
  const keys = headers.map(headerKey)
  const vendor = detectVendor(keys, fields)
  const lookup = (pick: (f: FieldDef) => readonly string[]) => {
    const map = new Map<string, string>()
    for (const f of fields) for (const h of pick(f)) if (!map.has(headerKey(h))) map.set(headerKey(h), f.key)
    return map
  }
  const vendorPreset = vendor === null ? new Map<string, string>() : lookup((f) => f.presets[vendor] ?? [])
  const ours = lookup((f) => [f.template, ...f.aliases])
  const otherPresets = VENDORS.filter((v) => v !== vendor).map(
    (v) => [v, lookup((f) => f.presets[v] ?? [])] as const,
  )
  const resolver = createResolver(
    fields.map((f) => ({
      id: f.key,
      name: f.template,
      aliases: [f.nl, ...f.aliases, ...Object.values(f.presets).flat()],
    })),
    { maxDistance: fuzzyLimit },
  )

  const mapping: ColumnMapping[] = []
  const unmapped: UnmappedColumn[] = []
  const fixed = options.fixed ?? new Map<number, string>()
  const taken = new Set<string>(fixed.values())
  headers.forEach((column, index) => {
    const key = keys[index] ?? ''
    if (key === '') return
    if (isNationalNumberHeader(column)) {
      unmapped.push({ column, index, reason: 'national-number' })
      return
    }
    const chosen = fixed.get(index)
    if (chosen !== undefined) {
      // A remembered column that our rules map the same way anyway keeps their name for it: only what
      // the memory changes is reported as remembered.
      const auto = options.fixedVia === 'remembered' ? match(key, column) : null
      if (auto !== null && auto.field === chosen) mapping.push({ column, index, ...auto })
      else mapping.push({ column, index, field: chosen, via: options.fixedVia ?? 'override', distance: 0 })
      return
    }
    const found = match(key, column)
    if (found === null) unmapped.push({ column, index, reason: 'unknown' })
    else if (found.via === 'fuzzy' && !fitsType(index, found.field))
      unmapped.push({
        column,
        index,
        reason: 'type-mismatch',
        refused: { field: found.field, type: valueTypeOf(found.field) },
      })
    else if (taken.has(found.field)) unmapped.push({ column, index, reason: 'duplicate' })
    else {
      taken.add(found.field)
      mapping.push({ column, index, ...found })
    }
  })
  const missing = fields.filter((f) => f.required && !taken.has(f.key)).map((f) => f.key)
  mapping.sort((a, b) => a.index - b.index)
  return { mapping, unmapped, missing }

  /** A fuzzy match stands only when the column's sampled values fit the field's type (text is never a date). */
  function fitsType(index: number, field: string): boolean {
    const values = options.sample?.(index) ?? []
    if (values.length === 0) return true
    const fitting = values.filter((v) => fitsFieldType(field, v)).length
    return fitting * 5 >= values.length * 4
  }

  function match(key: string, column: string): { field: string; via: MappingVia; distance: number } | null {
    const preset = vendorPreset.get(key)
    if (preset !== undefined && vendor !== null)
      return { field: preset, via: `preset:${vendor}`, distance: 0 }
    const own = ours.get(key)
    if (own !== undefined) return { field: own, via: 'exact', distance: 0 }
    for (const [other, map] of otherPresets) {
      const hit = map.get(key)
      if (hit !== undefined) return { field: hit, via: `preset:${other}`, distance: 0 }
    }
    const resolved = resolver.resolve(column)
    if (!resolved.ok || resolved.distance > fuzzyLimit(foldName(column))) return null
    return {
      field: resolved.id,
      via: resolved.distance === 0 ? 'exact' : 'fuzzy',
      distance: resolved.distance,
    }
  }
}
