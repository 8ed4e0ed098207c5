// The core is pure: no I/O, no clock, no ambient randomness, and no imports beyond fast-levenshtein.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = new URL('.', import.meta.url).pathname

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === 'test-support'
        ? []
        : sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.includes('test-support')
        ? [join(dir, e.name)]
        : [],
  )
}

describe('matching-core purity', () => {
  const files = sources(SRC)
  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(20)
  })
  it.each(['Date.now', 'new Date(', 'Math.random', 'process.', 'console.', 'setTimeout', 'fetch('])(
    'no %s in production code',
    (token) => {
      expect(files.filter((f) => readFileSync(f, 'utf8').includes(token))).toEqual([])
    },
  )
  it('imports only relative modules and fast-levenshtein', () => {
    const bad = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/from '([^']+)'/g)]
        .map((m) => m[1]!)
        .filter((spec) => !spec.startsWith('.') && spec !== 'fast-levenshtein')
        .map((spec) => `${f}: ${spec}`),
    )
    expect(bad).toEqual([])
  })
})
