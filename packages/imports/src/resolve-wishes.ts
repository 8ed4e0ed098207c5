import type { Database, StudentInput } from '@stagebrug/db'
import { normaliseKbo, type UploadWarning } from '@stagebrug/uploads'
import type { Kysely } from 'kysely'

type Wish = NonNullable<StudentInput['wishes']>[number]

/** A pupil's wishes as written in the list, with the spreadsheet row they came from. */
export interface WrittenWishes {
  readonly row: number
  readonly wishes: readonly string[]
}

const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()

/** `KBO/plaatscode` (also `KBO plaatscode`): a place; the KBO part is checked like a place file's. */
function placeRef(text: string): { kbo: string; code: string } | undefined {
  const m = /^([0-9.\s]{9,14})\s*[/\s]\s*(\S.*)$/u.exec(text)
  if (m === null) return undefined
  const kbo = normaliseKbo(m[1]!.trim())
  return kbo === null || kbo === undefined ? undefined : { kbo, code: m[2]!.trim() }
}

/**
 * Resolves each pupil's written wishes, in order, to the engine's wishes: a sector by the sectors
 * places state, a place by its company's KBO and plaatscode, a company by KBO or (unique) name.
 * An unknown or ambiguous wish is a warning and dropped: a wish never refuses a list.
 */
export async function resolveWishes(
  db: Kysely<Database>,
  pupils: readonly WrittenWishes[],
  column: string,
): Promise<{ wishes: Wish[][]; warnings: UploadWarning[] }> {
  const kbos = new Set<string>()
  const names = new Set<string>()
  for (const p of pupils)
    for (const w of p.wishes) {
      const place = placeRef(w)
      const kbo = normaliseKbo(w)
      if (place !== undefined) kbos.add(place.kbo)
      else if (kbo !== null && kbo !== undefined) kbos.add(kbo)
      else names.add(fold(w)).add(w.toLowerCase().replace(/\s+/g, ' ').trim())
    }
  const warnings: UploadWarning[] = []
  if (kbos.size === 0 && names.size === 0) return { wishes: pupils.map(() => []), warnings }

  const [companies, places, sectors] = await Promise.all([
    db
      .selectFrom('company')
      .select(['id', 'kbo_number', 'name'])
      .where((eb) =>
        eb.or([
          eb('kbo_number', 'in', kbos.size > 0 ? [...kbos] : ['']),
          eb(eb.fn('lower', ['name']), 'in', names.size > 0 ? [...names] : ['']),
        ]),
      )
      .execute(),
    kbos.size === 0
      ? Promise.resolve([])
      : db
          .selectFrom('place')
          .innerJoin('company', 'company.id', 'place.company_id')
          .select(['place.id', 'place.external_id', 'company.kbo_number'])
          .where('company.kbo_number', 'in', [...kbos])
          .where('place.external_id', 'is not', null)
          .execute(),
    names.size === 0
      ? Promise.resolve([])
      : db.selectFrom('place').select('sector').distinct().where('sector', '<>', '').execute(),
  ])
  const companyByKbo = new Map(companies.map((c) => [c.kbo_number, c.id]))
  const companiesByName = new Map<string, string[]>()
  for (const c of companies) {
    const key = fold(c.name)
    companiesByName.set(key, [...(companiesByName.get(key) ?? []), c.id])
  }
  const placeByCode = new Map(places.map((p) => [`${p.kbo_number}\u0000${fold(p.external_id ?? '')}`, p.id]))
  const sectorByName = new Map(sectors.map((s) => [fold(s.sector), s.sector]))

  const resolve = (w: string): Wish | string => {
    const place = placeRef(w)
    if (place !== undefined) {
      const id = placeByCode.get(`${place.kbo}\u0000${fold(place.code)}`)
      return id === undefined
        ? `geen plaats met plaatscode '${place.code}' bij onderneming ${place.kbo}`
        : ({ kind: 'place', id } as Wish)
    }
    const kbo = normaliseKbo(w)
    if (kbo !== null && kbo !== undefined) {
      const id = companyByKbo.get(kbo)
      return id === undefined ? `geen onderneming met nummer ${kbo}` : ({ kind: 'company', id } as Wish)
    }
    const sector = sectorByName.get(fold(w))
    if (sector !== undefined) return { kind: 'sector', id: sector } as Wish
    const ids = companiesByName.get(fold(w)) ?? []
    if (ids.length === 1) return { kind: 'company', id: ids[0] } as Wish
    return ids.length > 1
      ? `${ids.length} ondernemingen heten zo; geef het ondernemingsnummer`
      : 'geen sector, plaats of onderneming met die naam'
  }
  const english = (nl: string) =>
    nl
      .replace(
        /^geen plaats met plaatscode '(.*)' bij onderneming (.*)$/,
        "no place with place code '$1' at enterprise $2",
      )
      .replace(/^geen onderneming met nummer (.*)$/, 'no enterprise with number $1')
      .replace(
        /^(\d+) ondernemingen heten zo; geef het ondernemingsnummer$/,
        '$1 enterprises have this name; give the enterprise number',
      )
      .replace(
        /^geen sector, plaats of onderneming met die naam$/,
        'no sector, place or enterprise by that name',
      )

  const wishes = pupils.map((p) => {
    const out: Wish[] = []
    const seen = new Set<string>()
    for (const w of p.wishes) {
      const r = resolve(w)
      if (typeof r === 'string') {
        warnings.push({
          row: p.row,
          column,
          value: w,
          message: `Wens '${w}' overgeslagen: ${r} / Wish '${w}' skipped: ${english(r)}`,
        })
        continue
      }
      const key = `${r.kind}:${r.id}`
      if (!seen.has(key)) out.push(r)
      seen.add(key)
    }
    return out
  })
  return { wishes, warnings }
}
