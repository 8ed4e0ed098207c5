import { describe, expect, it } from 'vitest'
import { loadEscoOccupations } from './esco.js'

describe('loadEscoOccupations', () => {
  const occupations = loadEscoOccupations()

  it('has the 3,007 ESCO occupations with unique URIs and labels', () => {
    expect(occupations).toHaveLength(3007)
    expect(new Set(occupations.map((o) => o.uri)).size).toBe(3007)
    for (const o of occupations) {
      expect(o.label.length, o.uri).toBeGreaterThan(0)
      expect(o.iscoGroup, o.uri).toMatch(/^\d{4}$/)
      expect(o.code.startsWith(o.iscoGroup), o.uri).toBe(true)
    }
  })

  it('splits alternative labels and reads the regulated flag', () => {
    expect(occupations.filter((o) => o.regulated)).toHaveLength(15)
    expect(occupations.filter((o) => o.altLabels.length === 0)).toHaveLength(155)
    const lieutenant = occupations.find((o) => o.code === '0110.10')
    expect(lieutenant?.label).toBe('luitenant')
    expect(lieutenant?.altLabels).toEqual([
      'onderluitenant',
      'tweede luitenant',
      'eerste luitenant',
      'vaandrig',
    ])
  })
})
