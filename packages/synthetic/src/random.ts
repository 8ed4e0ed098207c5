// A small seeded PRNG (sfc32, seeded through splitmix32) so that the same options always give the
// same instance. Math.random is never used: it cannot be seeded and would break the bench's baselines.

function splitmix32(state: number): () => number {
  return () => {
    state = (state + 0x9e3779b9) | 0
    let z = state
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
}

/** FNV-1a, to turn a stream label into seed material. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193)
  return h >>> 0
}

export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: number) {
    const mix = splitmix32(seed | 0)
    this.a = mix()
    this.b = mix()
    this.c = mix()
    this.d = mix()
    for (let i = 0; i < 12; i++) this.nextUint32()
  }

  /**
   * An independent stream for one generation phase (students, places, …), so that changing how one
   * phase draws numbers does not reshuffle every other phase.
   */
  static stream(seed: number, label: string): Rng {
    return new Rng((Math.imul(seed | 0, 0x9e3779b1) ^ hashLabel(label)) | 0)
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n)
  }

  /** Uniform integer in [min, max], both inclusive. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1)
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)]
    if (item === undefined) throw new RangeError('pick from an empty list')
    return item
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next())
  }

  /** `k` distinct items (or all of them when there are fewer), in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const n = Math.min(k, items.length)
    if (n * 4 <= items.length) {
      // few out of many: rejection on indices, without copying the list
      const picked: number[] = []
      while (picked.length < n) {
        const i = this.int(items.length)
        if (!picked.includes(i)) picked.push(i)
      }
      return picked.map((i) => items[i] as T)
    }
    const copy = [...items]
    for (let i = 0; i < n; i++) {
      const j = i + this.int(copy.length - i)
      const tmp = copy[i] as T
      copy[i] = copy[j] as T
      copy[j] = tmp
    }
    return copy.slice(0, n)
  }
}

/** Weighted sampling in O(log n): a cumulative table searched with bisection. */
export class WeightedTable<T> {
  private readonly cumulative: Float64Array
  readonly total: number

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) {
      throw new RangeError('a weighted table needs one positive weight per item')
    }
    this.cumulative = new Float64Array(items.length)
    let sum = 0
    weights.forEach((w, i) => {
      sum += Math.max(0, w)
      this.cumulative[i] = sum
    })
    if (!(sum > 0)) throw new RangeError('a weighted table needs a positive total weight')
    this.total = sum
  }

  /** Builds a table from `[item, weight]` pairs. */
  static of<T>(pairs: readonly (readonly [T, number])[]): WeightedTable<T> {
    return new WeightedTable(
      pairs.map(([item]) => item),
      pairs.map(([, w]) => w),
    )
  }

  draw(rng: Rng): T {
    const target = rng.next() * this.total
    let lo = 0
    let hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((this.cumulative[mid] as number) > target) hi = mid
      else lo = mid + 1
    }
    return this.items[lo] as T
  }
}
