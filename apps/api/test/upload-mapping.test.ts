// The upload routes' `mapping` (issue 15): a school's own headers read through the uploader's column →
// field choices (a multipart field or the query), a mapping naming an unknown column or field is a
// 400 in Dutch first with nothing stored, and the school's next list with the same headers reuses it.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csv, PLACE_HEADER, place, table, utf8 } from '../../../test/support/upload-files.js'
import { GEEL, kbo, MOL, openWorld, PROGRAMME, problem, type World } from './support/world.js'

let w: World
beforeAll(async () => {
  w = await openWorld({ publish: false })
})
afterAll(() => w?.close())

const HEADER = ['stamboeknummer', 'naam', 'voornaam', 'geboortedatum', 'klas', 'studierichting', 'postcode']
const OWN = [...HEADER, 'Periode 1', 'Periode 2', 'Soort stage', 'Mail']
const pupil = (id: string, mail = '') => [
  id,
  'Dupont',
  'Amélie',
  '05/03/2008',
  '6A',
  String(PROGRAMME.id),
  MOL,
  '01/02/2027',
  '26/03/2027',
  'duaal',
  mail,
]
const file = (...rows: string[][]) => utf8(csv([OWN, ...rows]))

/** A multipart body with text fields before the file. */
function multipart(bytes: Uint8Array, fields: Record<string, string> = {}) {
  const boundary = `----stagebrug${randomBytes(8).toString('hex')}`
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  )
  const head = `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="eigen.csv"\r\nContent-Type: text/csv\r\n\r\n`
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}
const upload = (body: ReturnType<typeof multipart>, query = '') =>
  w.call('schoolD', { method: 'POST', url: `/school/uploads/students${query}`, ...body })
type Report = { mapping: { column: string; field: string; via: string }[]; warnings: { message: string }[] }
const chosen = (r: Report) =>
  r.mapping.filter((m) => !HEADER.includes(m.column)).map((m) => `${m.column} → ${m.field} (${m.via})`)
const uploads = async () =>
  Number(
    (
      await w.db
        .selectFrom('upload')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('POST /school/uploads/students with a mapping', () => {
  it('refuses a mapping naming an unknown column or field, or not a JSON object, with a 400 and stores nothing', async () => {
    const before = await uploads()
    const column = await upload(multipart(file(pupil('M-1')), { mapping: '{"Periode 9":"startdatum"}' }))
    expect(column.statusCode).toBe(400)
    expect(problem(column).detail).toMatch(/^Kolom 'Periode 9' uit de mapping staat niet in het bestand/)
    const field = await upload(
      multipart(file(pupil('M-1'))),
      `?mapping=${encodeURIComponent('{"Periode 1":"begin"}')}`,
    )
    expect(field.statusCode).toBe(400)
    expect(problem(field).detail).toMatch(/^Veld 'begin' uit de mapping bestaat niet/)
    const notJson = await upload(multipart(file(pupil('M-1')), { mapping: 'Periode 1=startdatum' }))
    expect(notJson.statusCode).toBe(400)
    expect(problem(notJson).detail).toMatch(/^mapping moet een JSON-object kolom → veld zijn/)
    expect(await uploads()).toBe(before)
  })

  it('reads the file through the mapping (multipart field), warns about an odd e-mail, then reuses the mapping', async () => {
    const mapping = JSON.stringify({ 'Periode 1': 'startdatum', 'Periode 2': 'einddatum', Mail: 'e-mail' })
    const first = await upload(
      multipart(file(pupil('M-1', 'amélie@école.be'), pupil('M-2', 'niet-geldig')), { mapping }),
    )
    expect(first.statusCode, first.body).toBe(200)
    const report = first.json() as Report
    expect(chosen(report)).toEqual([
      'Periode 1 → periodStart (override)',
      'Periode 2 → periodEnd (override)',
      'Soort stage → track (exact)',
      'Mail → email (override)',
    ])
    expect(report.warnings).toEqual([
      expect.objectContaining({ row: 3, column: 'Mail', value: 'niet-geldig' }),
    ])
    const stored = await w.db
      .selectFrom('student')
      .select(['external_id', 'email', 'seeks'])
      .where('school_id', '=', w.ids.schoolD)
      .where('external_id', 'in', ['M-1', 'M-2'])
      .orderBy('external_id')
      .execute()
    expect(stored.map((s) => [s.external_id, s.email, s.seeks])).toEqual([
      ['M-1', 'amélie@école.be', 'dual'],
      ['M-2', null, 'dual'],
    ])

    const next = await upload(multipart(file(pupil('M-1'), pupil('M-3'))))
    expect(next.statusCode, next.body).toBe(200)
    const again = next.json() as Report
    expect(chosen(again)).toEqual([
      'Periode 1 → periodStart (remembered)',
      'Periode 2 → periodEnd (remembered)',
      'Soort stage → track (exact)',
      // Our own rules map "Mail" the same way: only what the memory changes is called remembered.
      'Mail → email (exact)',
    ])
    expect(again.warnings.map((x) => x.message)).toContain(
      'Mapping van de vorige upload hergebruikt (zelfde kolommen); geef een mapping mee om ze te wijzigen / Mapping of the previous upload reused (same columns); send a mapping to change it',
    )
  })
})

describe('POST /company/uploads/places with a mapping', () => {
  // The company's own header for the capacity: "Stagiairs" is nothing we know.
  const HEADER = PLACE_HEADER.map((h) => (h === 'aantal plaatsen' ? 'Stagiairs' : h))
  const rows = table(HEADER, [
    {
      ...place('MAP-1', {
        ondernemingsnummer: kbo(1),
        bedrijfsnaam: 'Bedrijf X',
        postcode: GEEL,
        gemeente: 'Geel',
        studierichtingen: String(PROGRAMME.id),
      }),
      Stagiairs: '3',
    },
  ])
  const send = (query: string) =>
    w.call('companyX', {
      method: 'POST',
      url: `/company/uploads/places${query}`,
      ...multipart(utf8(csv(rows))),
    })

  it('refuses the file without a mapping, reads it with one (query), and refuses an unknown field with a 400', async () => {
    const without = await send('')
    expect(without.statusCode).toBe(422)
    const mapped = await send(`?mapping=${encodeURIComponent('{"Stagiairs":"aantal plaatsen"}')}`)
    expect(mapped.statusCode, mapped.body).toBe(200)
    expect((mapped.json() as Report).mapping).toContainEqual({
      column: 'Stagiairs',
      field: 'capacity',
      via: 'override',
    })
    const stored = await w.db
      .selectFrom('place')
      .select('capacity')
      .where('external_id', '=', 'MAP-1')
      .execute()
    expect(stored).toEqual([{ capacity: 3 }])
    const unknown = await send(`?mapping=${encodeURIComponent('{"Stagiairs":"stagiairs"}')}`)
    expect(unknown.statusCode).toBe(400)
    expect(problem(unknown).detail).toMatch(/^Veld 'stagiairs' uit de mapping bestaat niet/)
  })
})
