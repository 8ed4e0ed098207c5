import { KIND_COUNT, KINDS_FOR_SEEK } from '../compile/codes.js'
import type { CompiledInstance } from '../compile/compiled.js'
import type { Bucket } from '../compile/spatial-index.js'
import { distanceRule } from '../rules/distance.js'
import { firstFailure, prepareDates, RULES } from '../rules/index.js'
import { emptyContext } from '../rules/rule.js'
import { scorePair } from '../scoring/combine.js'
import type { CandidateLists } from './candidate-lists.js'

/**
 * Stage 2 (score): for every student, walk the index buckets of their programme (then related
 * programmes) and the kinds they may take, only the grid cells within their travel radius; run
 * the hard rules, score the survivors and keep the best K.
 *
 * Cost: O(S · (cells + P_r)) where P_r is the number of places of the student's programmes in
 * range, plus O(log K) per improvement of the top K — never S × P. Memory: O(S · K).
 */
export function generateCandidates(c: CompiledInstance): CandidateLists {
  return new Collector(c).run()
}

class Collector {
  readonly c: CompiledInstance
  readonly k: number
  readonly ruleCount = RULES.length
  readonly x = emptyContext()
  readonly stamp: Int32Array
  readonly topPlace: Int32Array
  readonly topScore: Float64Array
  readonly topMatch: Uint8Array
  topCount = 0
  readonly considered: Int32Array
  readonly failures: Int32Array
  pairsConsidered = 0
  pairsScored = 0

  constructor(c: CompiledInstance) {
    this.c = c
    this.k = Math.max(0, Math.floor(c.config.candidatesPerStudent))
    this.stamp = new Int32Array(c.nP).fill(-1)
    this.topPlace = new Int32Array(this.k + 1)
    this.topScore = new Float64Array(this.k + 1)
    this.topMatch = new Uint8Array(this.k + 1)
    this.considered = new Int32Array(c.nS)
    this.failures = new Int32Array(c.nS * this.ruleCount)
  }

  run(): CandidateLists {
    const { c, k } = this
    const start = new Int32Array(c.nS + 1)
    const place = new Int32Array(c.nS * k)
    const score = new Float64Array(c.nS * k)
    const match = new Uint8Array(c.nS * k)
    let n = 0
    for (let s = 0; s < c.nS; s++) {
      if (c.sPinned[s] === -1) this.collect(s)
      else this.topCount = 0
      for (let i = 0; i < this.topCount; i++, n++) {
        place[n] = this.topPlace[i]!
        score[n] = this.topScore[i]!
        match[n] = this.topMatch[i]!
      }
      start[s + 1] = n
    }
    return {
      start,
      place: place.slice(0, n),
      score: score.slice(0, n),
      programmeMatch: match.slice(0, n),
      considered: this.considered,
      failures: this.failures,
      ruleCount: this.ruleCount,
      pairsConsidered: this.pairsConsidered,
      pairsScored: this.pairsScored,
    }
  }

  collect(s: number): void {
    const c = this.c
    this.topCount = 0
    const prog = c.sProg[s]!
    this.visitProgramme(s, prog, 2)
    for (let j = c.relStart[prog]!; j < c.relStart[prog + 1]!; j++) this.visitProgramme(s, c.rel[j]!, 1)
  }

  visitProgramme(s: number, prog: number, match: number): void {
    const { index } = this.c
    for (const kind of KINDS_FOR_SEEK[this.c.sSeek[s]!]!) {
      const key = prog * KIND_COUNT + kind
      const bucket = index.buckets.get(key)
      if (bucket) this.visitBucket(s, bucket, match)
      const abroad = index.foreign.get(key)
      if (abroad) for (let i = 0; i < abroad.length; i++) this.consider(s, abroad[i]!, match)
    }
  }

  visitBucket(s: number, bucket: Bucket, match: number): void {
    const { cellKm, minX, minY, cols, rows } = this.c.index
    const r = this.c.sMaxKm[s]!
    const sx = this.c.sX[s]! - minX
    const sy = this.c.sY[s]! - minY
    const x0 = Math.max(0, Math.floor((sx - r) / cellKm))
    const x1 = Math.min(cols - 1, Math.floor((sx + r) / cellKm))
    const y0 = Math.max(0, Math.floor((sy - r) / cellKm))
    const y1 = Math.min(rows - 1, Math.floor((sy + r) / cellKm))
    const r2 = r * r
    for (let cy = y0; cy <= y1; cy++) {
      const dy = sy < cy * cellKm ? cy * cellKm - sy : sy > (cy + 1) * cellKm ? sy - (cy + 1) * cellKm : 0
      for (let cx = x0; cx <= x1; cx++) {
        const dx = sx < cx * cellKm ? cx * cellKm - sx : sx > (cx + 1) * cellKm ? sx - (cx + 1) * cellKm : 0
        if (dx * dx + dy * dy > r2) continue // the whole cell lies outside the radius
        const cell = cy * cols + cx
        for (let i = bucket.cellStart[cell]!; i < bucket.cellStart[cell + 1]!; i++) {
          this.consider(s, bucket.places[i]!, match)
        }
      }
    }
  }

  consider(s: number, p: number, match: number): void {
    const c = this.c
    if (this.stamp[p] === s) return // already seen through another programme or kind
    this.stamp[p] = s
    this.pairsConsidered++
    this.considered[s]!++
    const x = this.x
    x.programmeMatch = match
    const dx = c.sX[s]! - c.pX[p]!
    const dy = c.sY[s]! - c.pY[p]!
    x.distanceKm = Math.sqrt(dx * dx + dy * dy)
    if (!distanceRule.passes(c, s, p, x)) {
      this.failures[s * this.ruleCount]!++ // RULES[0]: most pairs that fail, fail here; skip the rest
      return
    }
    prepareDates(c, s, p, x)
    const failed = firstFailure(c, s, p, x)
    if (failed !== 0) {
      this.failures[s * this.ruleCount + failed - 1]!++
      return
    }
    this.pairsScored++
    this.offer(p, scorePair(c, s, p, x), match)
  }

  /** Insertion into the sorted top K; most offers lose against the K-th and return at once. */
  offer(p: number, score: number, match: number): void {
    const { k, topPlace, topScore, topMatch } = this
    if (k === 0) return
    let i = this.topCount
    if (i === k && !this.better(p, score, topPlace[k - 1]!, topScore[k - 1]!)) return
    if (i === k) i--
    while (i > 0 && this.better(p, score, topPlace[i - 1]!, topScore[i - 1]!)) {
      topPlace[i] = topPlace[i - 1]!
      topScore[i] = topScore[i - 1]!
      topMatch[i] = topMatch[i - 1]!
      i--
    }
    topPlace[i] = p
    topScore[i] = score
    topMatch[i] = match
    if (this.topCount < k) this.topCount++
  }

  better(p: number, score: number, q: number, qScore: number): boolean {
    if (score !== qScore) return score > qScore
    const lp = this.c.pLottery[p]!
    const lq = this.c.pLottery[q]!
    return lp !== lq ? lp < lq : p < q
  }
}
