// The resolver of matching-core over the real reference data: what an import will do with the
// free text schools and companies type.
import { createResolver } from '@stagebrug/matching-core'
import { loadMunicipalities, loadProgrammes } from '@stagebrug/reference-data'
import { describe, expect, it } from 'vitest'

const municipalities = createResolver(
  loadMunicipalities().map((m) => ({ id: m.nis, name: m.name, aliases: m.deelgemeenten })),
)
// Programmes are resolved within a grade, as a school's export states it.
const grade3 = createResolver(
  loadProgrammes()
    .filter((p) => p.grade === 3 && p.endDate === null)
    .map((p) => ({ id: p.id, name: p.title })),
)

describe('resolving municipality names', () => {
  it.each(['Sint-Niklaas', 'Sint Niklaas', 'St.-Niklaas', 'sint niklaas', 'Sint-Niklas'])(
    '%s → Sint-Niklaas',
    (text) => {
      const r = municipalities.resolve(text)
      expect(r).toMatchObject({ ok: true, name: 'Sint-Niklaas' })
    },
  )

  it('resolves a deelgemeente to its municipality', () => {
    expect(municipalities.resolve('Wilrijk')).toMatchObject({ ok: true, name: 'Antwerpen' })
  })

  it('a deelgemeente name that exists twice is ambiguous (Berchem: Antwerpen and Kluisbergen)', () => {
    const r = municipalities.resolve('Berchem')
    expect(r).toMatchObject({ ok: false, reason: 'ambiguous' })
    if (!r.ok) expect(r.suggestions.map((s) => s.name).sort()).toEqual(['Antwerpen', 'Kluisbergen'])
  })

  it('never guesses: unknown input comes with three suggestions', () => {
    const r = municipalities.resolve('Atlantis')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.suggestions).toHaveLength(3)
  })
})

describe('resolving programme titles (3rd grade)', () => {
  it('finds a real title typed loosely', () => {
    const r = grade3.resolve('basiszorg & ondersteuning')
    expect(r).toMatchObject({ ok: true, name: 'Basiszorg en ondersteuning' })
  })

  it('tells duaal apart from the base programme', () => {
    const base = grade3.resolve('Basiszorg en ondersteuning')
    const dual = grade3.resolve('Basiszorg en ondersteuning duaal')
    expect(base.ok && dual.ok && base.id !== dual.id).toBe(true)
  })

  it('an abbreviation shared by several programmes is ambiguous, with suggestions', () => {
    const r = grade3.resolve('Elektr.')
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.reason).toBe('ambiguous')
      expect(r.suggestions.length).toBeGreaterThan(1)
      for (const s of r.suggestions) expect(s.name.toLowerCase()).toMatch(/^elektr/)
    }
  })
})
