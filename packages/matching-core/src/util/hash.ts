// Seeded, order-independent lottery numbers: a student's draw depends on the seed and the
// student's id only, so shuffling the input never changes who wins a tie.

/** 32-bit FNV-1a of a string, mixed with the seed through the murmur3 finaliser. */
export function lotteryDraw(seed: number, id: string): number {
  let h = 0x811c9dc5 ^ (seed | 0)
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}
