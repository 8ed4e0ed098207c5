import { resolveConfig } from '@stagebrug/matching-core'
import { describe, expect, it } from 'vitest'
import { ZMatchConfig } from './match-config.js'

describe('ZMatchConfig', () => {
  it('accepts an empty config (all defaults) and a partial one that keeps the sum at 100', () => {
    expect(ZMatchConfig.parse({})).toEqual({})
    const cfg = ZMatchConfig.parse({ weights: { distance: 40, competences: 25 }, priority: 'none' })
    expect(resolveConfig(cfg).weights).toEqual({ programme: 20, distance: 40, competences: 25, wishes: 15 })
  })

  it('names the fields that are wrong', () => {
    const r = ZMatchConfig.safeParse({ weights: { distance: 50 }, candidatesPerStudent: 0, colour: 'red' })
    expect(r.success).toBe(false)
    const paths = r.error!.issues.map((i) => i.path.join('.'))
    expect(paths).toContain('candidatesPerStudent')
    expect(paths).toContain('')
    expect(r.error!.issues.some((i) => i.message.includes('colour'))).toBe(true)
  })

  it('rejects weights that do not sum to 100, in Dutch, with the numbers', () => {
    const r = ZMatchConfig.safeParse({ weights: { distance: 50 } })
    expect(r.success).toBe(false)
    expect(r.error!.issues[0]).toMatchObject({ path: ['weights'] })
    expect(r.error!.issues[0]!.message).toBe(
      'De gewichten moeten samen 100 zijn (nu 120: programme 20, distance 50, competences 35, wishes 15).',
    )
  })
})
