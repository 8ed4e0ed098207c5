// The computation is pure: no I/O, no clock, no randomness; it imports only types from other packages.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const DIR = new URL('.', import.meta.url).pathname
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.ts') && !f.includes('.test'))
  .map((f) => join(DIR, f))

describe('figures computation purity', () => {
  it('finds the sources', () => {
    expect(files.length).toBeGreaterThanOrEqual(6)
  })
  it.each(['Date.now', 'new Date(', 'Math.random', 'process.', 'console.', 'setTimeout', 'fetch(', 'node:'])(
    'no %s in compute/',
    (token) => {
      expect(files.filter((f) => readFileSync(f, 'utf8').includes(token))).toEqual([])
    },
  )
  it('imports only relative modules, and only types from elsewhere', () => {
    const bad = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/^import (type )?[^']*from '([^']+)'/gm)]
        .filter((m) => !m[2]!.startsWith('.') && !m[1])
        .map((m) => `${f}: ${m[2]}`),
    )
    expect(bad).toEqual([])
  })
})
