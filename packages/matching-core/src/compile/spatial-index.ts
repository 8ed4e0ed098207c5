// Candidate index: places grouped by (programme, kind) and, inside each group, by a square grid
// cell of `cellKm`. A student visits only the groups of their programme (and related ones) and
// kinds, and only the cells that intersect the circle of their maximum travel distance.

export interface Bucket {
  /** Places of cell i are places[cellStart[i] .. cellStart[i + 1]). */
  readonly cellStart: Int32Array
  readonly places: Int32Array
}

export interface SpatialIndex {
  readonly cellKm: number
  readonly minX: number
  readonly minY: number
  readonly cols: number
  readonly rows: number
  /** Key: programmeIndex * KIND_COUNT + kind. */
  readonly buckets: ReadonlyMap<number, Bucket>
  /** Places abroad per key, exempt from distance and so outside the grid. */
  readonly foreign: ReadonlyMap<number, Int32Array>
}

export interface IndexablePlaces {
  readonly nP: number
  readonly pX: Float64Array
  readonly pY: Float64Array
  readonly pForeign: Uint8Array
  readonly pProgStart: Int32Array
  readonly pProg: Int32Array
  readonly pKind: Uint8Array
}

export function buildSpatialIndex(ps: IndexablePlaces, cellKm: number, kindCount: number): SpatialIndex {
  let minX = Number.POSITIVE_INFINITY
  let minY = Number.POSITIVE_INFINITY
  let maxX = Number.NEGATIVE_INFINITY
  let maxY = Number.NEGATIVE_INFINITY
  for (let p = 0; p < ps.nP; p++) {
    if (ps.pForeign[p]) continue
    minX = Math.min(minX, ps.pX[p]!)
    minY = Math.min(minY, ps.pY[p]!)
    maxX = Math.max(maxX, ps.pX[p]!)
    maxY = Math.max(maxY, ps.pY[p]!)
  }
  if (minX > maxX) minX = minY = maxX = maxY = 0
  const cols = Math.max(1, Math.floor((maxX - minX) / cellKm) + 1)
  const rows = Math.max(1, Math.floor((maxY - minY) / cellKm) + 1)
  const cellOf = (p: number) =>
    Math.floor((ps.pY[p]! - minY) / cellKm) * cols + Math.floor((ps.pX[p]! - minX) / cellKm)

  // Group (key, place) entries, then lay each key's places out cell by cell (counting sort).
  const grouped = new Map<number, number[]>()
  const foreignLists = new Map<number, number[]>()
  for (let p = 0; p < ps.nP; p++) {
    for (let j = ps.pProgStart[p]!; j < ps.pProgStart[p + 1]!; j++) {
      const key = ps.pProg[j]! * kindCount + ps.pKind[p]!
      const target = ps.pForeign[p] ? foreignLists : grouped
      const list = target.get(key) ?? []
      if (list.length === 0) target.set(key, list)
      list.push(p)
    }
  }
  const buckets = new Map<number, Bucket>()
  for (const [key, list] of grouped) {
    const cellStart = new Int32Array(cols * rows + 1)
    for (const p of list) cellStart[cellOf(p) + 1]!++
    for (let i = 0; i < cols * rows; i++) cellStart[i + 1]! += cellStart[i]!
    const fill = cellStart.slice(0, cols * rows)
    const places = new Int32Array(list.length)
    for (const p of list) places[fill[cellOf(p)]!++] = p
    buckets.set(key, { cellStart, places })
  }
  const foreign = new Map<number, Int32Array>()
  for (const [key, list] of foreignLists) foreign.set(key, Int32Array.from(list))
  return { cellKm, minX, minY, cols, rows, buckets, foreign }
}
