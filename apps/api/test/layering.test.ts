// Tenant scoping lives in one place (src/scope/visible.ts, used by src/data). These checks keep it
// there: a route cannot reach the database except through the data layer, and every data module
// that touches tenant tables starts from the scoped queries or is for administrators only.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const src = new URL('../src/', import.meta.url)
const files = (dir: string) =>
  readdirSync(new URL(dir, src))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ name: `${dir}${f}`, text: readFileSync(new URL(`${dir}${f}`, src), 'utf8') }))

describe('where tenant scoping lives', () => {
  it('routes never import the database or kysely', () => {
    const offenders = files('routes/').filter((f) => /from '(kysely|@stagebrug\/db)'/.test(f.text))
    expect(offenders.map((f) => f.name)).toEqual([])
  })

  it('every data module uses the scoped queries or is admin-only', () => {
    const unscoped = files('data/')
      .filter((f) => /selectFrom\(|updateTable\(|insertInto\(|deleteFrom\(/.test(f.text))
      .filter((f) => !/from '\.\.\/scope\/visible\.js'/.test(f.text))
    expect(unscoped.map((f) => f.name)).toEqual([])
  })
})
