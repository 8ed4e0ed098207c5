// `pnpm stagebrug import students … --map "kolom=veld"` as a real child process (issue 15): a school's own
// headers read through the uploader's mapping, a mapping naming an unknown column or field is a usage
// error (exit 2) in Dutch first, and the next list with the same headers reuses the mapping.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cliWorkspace } from './support/cli.js'

const cli = cliWorkspace('cli-map')
const { dir, stagebrug } = cli

afterAll(() => cli.remove())

const HEADER =
  'Stamboeknummer;Naam;Voornaam;Geboortedatum;Klas;Studierichting;Postcode;Periode 1;Periode 2;Soort'
const pupil = (id: string, first: string) =>
  `${id};Dupont;${first};05/03/2008;6LOG;Logistiek;9100;01/02/2027;26/03/2027;duaal`
function file(name: string, ...lines: string[]): string {
  const path = join(dir, name)
  writeFileSync(path, `${lines.join('\r\n')}\r\n`)
  return path
}
const MAP = ['--map', 'Periode 1=startdatum', '--map', 'Periode 2=einddatum', '--map', 'Soort=traject']

describe('pnpm stagebrug import --map', () => {
  it('sets up a database and a school', async () => {
    expect((await stagebrug('db', 'migrate')).code).toBe(0)
    const added = await stagebrug(
      'school',
      'add',
      '--number',
      '123456',
      '--name',
      'VTI',
      '--postcode',
      '9100',
    )
    expect(added.code).toBe(0)
  })

  it('refuses a mapping naming an unknown column or field, or a malformed pair, with exit code 2', async () => {
    const list = file('eigen.csv', HEADER, pupil('0001', 'Amélie'))
    const column = await stagebrug(
      'import',
      'students',
      list,
      '--school',
      '123456',
      '--map',
      'Periode 9=startdatum',
    )
    expect(column.code).toBe(2)
    expect(column.stderr).toMatch(/^Kolom 'Periode 9' uit de mapping staat niet in het bestand/)
    const field = await stagebrug(
      'import',
      'students',
      list,
      '--school',
      '123456',
      '--map',
      'Periode 1=begin',
    )
    expect(field.code).toBe(2)
    expect(field.stderr).toMatch(/^Veld 'begin' uit de mapping bestaat niet/)
    const pair = await stagebrug('import', 'students', list, '--school', '123456', '--map', 'Periode 1')
    expect(pair.code).toBe(2)
    expect(pair.stderr).toContain('--map verwacht "kolom=veld", niet "Periode 1"')
  })

  it('imports through the mapping, then reuses it for the next list with the same headers', async () => {
    const first = await stagebrug(
      'import',
      'students',
      file('a.csv', HEADER, pupil('0001', 'Amélie')),
      '--school',
      '123456',
      ...MAP,
    )
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('"Periode 1" → periodStart (override)')
    expect(first.stdout).toContain('"Soort" → track (override)')
    const next = await stagebrug(
      'import',
      'students',
      file('b.csv', HEADER, pupil('0001', 'Amélie'), pupil('0002', 'Jürgen')),
      '--school',
      '123456',
    )
    expect(next.code).toBe(0)
    expect(next.stdout).toContain('"Periode 2" → periodEnd (remembered)')
    expect(next.stdout).toContain('Mapping van de vorige upload hergebruikt')
    expect(next.stdout).toMatch(/nieuw \/ created: 1/)
  })
})
