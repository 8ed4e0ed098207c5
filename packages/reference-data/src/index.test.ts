import { describe, expect, it } from 'vitest'
import * as api from './index.js'

describe('package entry', () => {
  it('exports exactly the documented API', () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "ATTRIBUTION",
        "competencesOfProgramme",
        "competencesOfQualification",
        "loadCompetences",
        "loadEscoOccupations",
        "loadMunicipalities",
        "loadNamedRegions",
        "loadPostcodes",
        "loadProgrammes",
        "loadQualifications",
        "postcodeIndex",
        "programmeById",
        "relatedProgrammePairs",
      ]
    `)
  })

  it('credits every source', () => {
    const text = api.ATTRIBUTION.join('\n')
    for (const needle of [
      'GeoNames',
      'CC BY 4.0',
      'Bron: Vlaamse overheid',
      'ESCO, © European Union',
      'publiq',
    ]) {
      expect(text).toContain(needle)
    }
  })

  it('memoises loaders', () => {
    expect(api.loadPostcodes()).toBe(api.loadPostcodes())
    expect(api.loadCompetences()).toBe(api.loadCompetences())
  })
})
