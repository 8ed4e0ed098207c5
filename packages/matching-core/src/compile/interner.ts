import { projectX, projectY } from '../util/geo.js'

/** Maps values to dense integers 0..n-1 in first-seen order. */
export class Interner<T> {
  readonly #ids = new Map<T, number>()
  readonly values: T[] = []

  add(value: T): number {
    let id = this.#ids.get(value)
    if (id === undefined) {
      id = this.values.length
      this.#ids.set(value, id)
      this.values.push(value)
    }
    return id
  }

  get(value: T): number | undefined {
    return this.#ids.get(value)
  }

  get size(): number {
    return this.values.length
  }
}

/** Copies items sorted by id (code-unit order) and rejects duplicate ids. */
export function byId<T extends { readonly id: string }>(items: readonly T[], what: string): readonly T[] {
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.id === sorted[i - 1]!.id) throw new Error(`Duplicate ${what} id: ${sorted[i]!.id}`)
  }
  return sorted
}

/**
 * Compressed rows of `width`-tuples: column j of every tuple lands in flat[j], and row i spans
 * flat[j][start[i] .. start[i + 1]).
 */
export function csr<T>(
  items: readonly T[],
  width: number,
  rows: (item: T) => readonly (readonly number[])[],
): { start: Int32Array; flat: Int32Array[] } {
  const start = new Int32Array(items.length + 1)
  const cols: number[][] = Array.from({ length: width }, () => [])
  items.forEach((item, i) => {
    const r = rows(item)
    start[i + 1] = start[i]! + r.length
    for (const tuple of r) for (let j = 0; j < width; j++) cols[j]!.push(tuple[j]!)
  })
  return { start, flat: cols.map((c) => Int32Array.from(c)) }
}

/**
 * The order the hot loop walks: by grid cell (row-major), then by id. Neighbours in space are
 * neighbours in memory, so a student's scan of nearby places stays in cache. Items without a
 * location (places abroad) come last. Returns positions into `items`.
 */
export function spatialOrder<T>(
  items: readonly T[],
  location: (item: T) => { readonly lat: number; readonly lon: number } | null,
  cellKm: number,
): Int32Array {
  const keys = items.map((item) => {
    const at = location(item)
    if (!at) return Number.MAX_SAFE_INTEGER
    return Math.floor(projectY(at.lat) / cellKm) * 1e6 + Math.floor(projectX(at.lon) / cellKm)
  })
  // Array.prototype.sort is stable, and `items` is sorted by id: ties stay in id order.
  return Int32Array.from(items.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]!))
}
