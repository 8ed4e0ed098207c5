import { loadNamedRegions, postcodeIndex } from '@stagebrug/reference-data'
import { describe, expect, it } from 'vitest'
import { generateInstance } from './instance.js'

describe('generateInstance with a region', () => {
  it('keeps homes, schools and places inside the region’s municipalities', () => {
    const region = loadNamedRegions().find((r) => r.key === 'reg-kempen')
    const { input } = generateInstance({ students: 3_000, seed: 1, region: 'reg-kempen' })
    const inRegion = (postcode: string) =>
      region?.municipalities.includes(postcodeIndex().get(postcode)?.municipalityNis ?? '') ?? false
    const postcodes = [
      ...input.students.flatMap((s) => [s.home.postcode, s.school.postcode]),
      ...input.places.map((p) => p.establishment.postcode),
    ]
    expect(postcodes.length).toBe(3_000 * 2 + input.places.length)
    expect(postcodes.every(inRegion)).toBe(true)
    expect(input.places.some((p) => p.foreign)).toBe(false)
  })

  it('rejects an unknown region key', () => {
    expect(() => generateInstance({ students: 10, seed: 1, region: 'reg-atlantis' })).toThrow(
      /unknown region/,
    )
  })
})
