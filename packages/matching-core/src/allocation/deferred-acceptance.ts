/**
 * A hospitals/residents problem on integers. Student s ranks the places
 * prefPlace[prefStart[s] .. prefStart[s + 1]) best first; entry e also carries prefKey[e], the
 * place's view of that student (higher is better). Only mutually acceptable pairs are listed.
 */
export interface IntProblem {
  readonly nS: number
  readonly nP: number
  readonly capacity: Int32Array
  readonly prefStart: Int32Array
  readonly prefPlace: Int32Array
  readonly prefKey: Float64Array
}

/**
 * Student-proposing deferred acceptance (Gale–Shapley with capacities). Returns the place index
 * per student, -1 when unmatched: the student-optimal stable matching. Equal keys are broken by
 * the lower student index, so the place preferences are strict and the result is unique.
 * O(total list length · log capacity).
 */
export function deferredAcceptance(pr: IntProblem): Int32Array {
  const { nS, nP, capacity, prefStart, prefPlace, prefKey } = pr
  const assigned = new Int32Array(nS).fill(-1)
  const next = prefStart.slice(0, nS)
  // One min-heap per place (worst held student on top), sized min(capacity, applicants).
  const applicants = new Int32Array(nP)
  for (let e = 0; e < prefPlace.length; e++) applicants[prefPlace[e]!]!++
  const heapBase = new Int32Array(nP + 1)
  for (let p = 0; p < nP; p++) heapBase[p + 1] = heapBase[p]! + Math.min(capacity[p]!, applicants[p]!)
  const heapSize = new Int32Array(nP)
  const heapStudent = new Int32Array(heapBase[nP]!)
  const heapKey = new Float64Array(heapBase[nP]!)

  // worse(a, b): student a with key ka ranks below student b with key kb at the place.
  const worse = (ka: number, a: number, kb: number, b: number) => (ka !== kb ? ka < kb : a > b)
  const siftUp = (base: number, i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (
        !worse(
          heapKey[base + i]!,
          heapStudent[base + i]!,
          heapKey[base + parent]!,
          heapStudent[base + parent]!,
        )
      )
        break
      swap(base + i, base + parent)
      i = parent
    }
  }
  const siftDown = (base: number, size: number, i: number) => {
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (
        l < size &&
        worse(heapKey[base + l]!, heapStudent[base + l]!, heapKey[base + m]!, heapStudent[base + m]!)
      )
        m = l
      if (
        r < size &&
        worse(heapKey[base + r]!, heapStudent[base + r]!, heapKey[base + m]!, heapStudent[base + m]!)
      )
        m = r
      if (m === i) return
      swap(base + i, base + m)
      i = m
    }
  }
  const swap = (a: number, b: number) => {
    const ts = heapStudent[a]!
    heapStudent[a] = heapStudent[b]!
    heapStudent[b] = ts
    const tk = heapKey[a]!
    heapKey[a] = heapKey[b]!
    heapKey[b] = tk
  }

  const free: number[] = []
  for (let s = nS - 1; s >= 0; s--) free.push(s)
  while (free.length > 0) {
    const s = free.pop()!
    while (next[s]! < prefStart[s + 1]!) {
      const e = next[s]!++
      const p = prefPlace[e]!
      const key = prefKey[e]!
      const base = heapBase[p]!
      const size = heapSize[p]!
      if (size < capacity[p]!) {
        heapStudent[base + size] = s
        heapKey[base + size] = key
        heapSize[p] = size + 1
        siftUp(base, size)
        assigned[s] = p
        break
      }
      if (size === 0 || worse(key, s, heapKey[base]!, heapStudent[base]!)) continue
      const evicted = heapStudent[base]!
      heapStudent[base] = s
      heapKey[base] = key
      siftDown(base, size, 0)
      assigned[evicted] = -1
      free.push(evicted)
      assigned[s] = p
      break
    }
  }
  return assigned
}
