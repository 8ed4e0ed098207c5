import { describe, expect, it } from 'vitest'
import { toWinAnsi } from './win-ansi.js'

describe('toWinAnsi', () => {
  it('keeps Dutch and French accents and the typographic marks of Windows-1252', () => {
    expect(toWinAnsi('Zoë Noël Çelik Hélène Gülşen’s – … € «»')).toBe(
      'Zoë Noël Çelik Hélène Gülsen’s – … € «»',
    )
  })

  it('drops the accent of a letter outside it, and gives symbols an ASCII stand-in', () => {
    expect(toWinAnsi('Şahin Yılmaz Łukasz Dvořák ≥ 18 ☐ ☒')).toBe('Sahin Yilmaz Lukasz Dvorák >= 18 [ ] [x]')
  })

  it('prints a question mark for what it cannot draw', () => {
    expect(toWinAnsi('名 😀')).toBe('? ?')
  })
})
