// Dual learning over the command line (issue 14, "Proof"): a company's dual place, its recognition
// and its mentor, and a school's duaal pupil, each imported by `pnpm stagebrug import …` as real child
// processes on an embedded database; `run --inline` nights decide. Nothing is written into the
// database by the test: every row comes through the three files and the placement list.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createDb } from '@stagebrug/db'
import { afterAll, describe, expect, it } from 'vitest'
import {
  csv,
  kbo,
  MENTOR_HEADER,
  mentor,
  PLACE_HEADER,
  place,
  pupil,
  RECOGNITION_HEADER,
  recognition,
  STUDENT_HEADER,
  table,
  utf8,
} from '../../../test/support/upload-files.js'
import { cliWorkspace } from './support/cli.js'

const cli = cliWorkspace('cli-dual')
const { dir, stagebrug } = cli
const DATABASE_URL = cli.databaseUrl

afterAll(() => cli.remove())

/** dd/mm/yyyy `days` from today: the nights run on the real clock, so the season moves with it. */
function day(days: number, years = 0): string {
  const d = new Date()
  d.setUTCHours(12, 0, 0, 0)
  d.setUTCFullYear(d.getUTCFullYear() + years)
  d.setUTCDate(d.getUTCDate() + days)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`
}
const iso = (dmy: string) => dmy.split('/').reverse().join('-')

const COMPANY = kbo(7)
const SEASON = { startdatum: day(60), einddatum: day(150) }
/** The recognition's last day as the file declares it; the reason must repeat it. */
const RECOGNISED_UNTIL = day(0, 4)

function write(name: string, rows: string[][]): string {
  const path = join(dir, name)
  writeFileSync(path, utf8(csv(rows), true))
  return path
}

describe('dual learning through pnpm stagebrug', () => {
  it('imports a school, a duaal pupil and a dual place with its recognition', async () => {
    expect((await stagebrug('db', 'migrate')).code).toBe(0)
    const school = ['school', 'add', '--number', '123456', '--name', 'GO! Atheneum', '--postcode', '9100']
    expect((await stagebrug(...school)).code).toBe(0)
    const coordinator = ['--school', '123456', '--name', 'An Claes', '--email', 'an.claes@school.test']
    expect((await stagebrug('coordinator', 'add', ...coordinator)).code).toBe(0)

    const places = write(
      'plaatsen.csv',
      table(
        [...PLACE_HEADER, 'vestigingseenheidsnummer'],
        [
          place('DU-1', {
            ondernemingsnummer: COMPANY,
            bedrijfsnaam: 'Waasland Logistiek NV',
            vestigingseenheidsnummer: '2.147.812.701',
            postcode: '9100',
            gemeente: 'Sint-Niklaas',
            soort: 'duaal',
            studierichtingen: 'Logistiek duaal',
            'aantal plaatsen': '1',
            ...SEASON,
          }),
        ],
      ),
    )
    const placed = await stagebrug('import', 'places', places)
    expect([placed.code, placed.stderr]).toEqual([0, expect.any(String)])
    expect(placed.stdout).toContain('  nieuw / created: 1\n')

    const recognitions = write(
      'erkenningen.csv',
      table(RECOGNITION_HEADER, [
        recognition({ ondernemingsnummer: COMPANY, 'geldig van': day(-365), 'geldig tot': RECOGNISED_UNTIL }),
      ]),
    )
    const recognised = await stagebrug('import', 'recognitions', recognitions)
    expect([recognised.code, recognised.stderr]).toEqual([0, expect.any(String)])
    expect(recognised.stdout).toContain('erkenningen in het bestand / recognitions in the file: 1')

    const pupils = write(
      'leerlingen.csv',
      table(STUDENT_HEADER, [
        pupil('D001', {
          naam: 'Goossens',
          voornaam: 'Noah',
          geboortedatum: day(0, -17),
          studierichting: 'Logistiek duaal',
          traject: 'duaal',
          ...SEASON,
        }),
      ]),
    )
    const listed = await stagebrug('import', 'students', pupils, '--school', '123456')
    expect([listed.code, listed.stderr]).toEqual([0, expect.any(String)])
  })

  it('refuses the pupil while the place has no mentor, naming what is missing', async () => {
    const { code, stdout } = await stagebrug('run', '--inline')
    expect(code).toBe(0)
    expect(stdout).toMatch(/: 1 leerlingen, 0 geplaatst/)
    const outcome = await lastOutcome()
    expect(outcome).toMatchObject({ status: 'unmatched', place_id: null })
    expect(outcome.unmatched_reason).toContain('geen geldige mentor (1)')
    expect(outcome.unmatched_reason).toContain('geen geldige mentor bij Waasland Logistiek NV')
  })

  it('imports the mentor file, and the next night places the pupil with the recognition in the reasons', async () => {
    const mentors = write(
      'mentoren.csv',
      table(MENTOR_HEADER, [mentor({ ondernemingsnummer: COMPANY, plaatscodes: 'DU-1' })]),
    )
    const imported = await stagebrug('import', 'mentors', mentors)
    expect([imported.code, imported.stderr]).toEqual([0, expect.any(String)])

    const { code, stdout } = await stagebrug('run', '--inline')
    expect(code).toBe(0)
    expect(stdout).toMatch(/: 1 leerlingen, 1 geplaatst/)
    const outcome = await lastOutcome()
    expect(outcome).toMatchObject({ status: 'matched', unmatched_reason: null })
    const handle = createDb(DATABASE_URL)
    try {
      const proposal = await handle.db
        .selectFrom('proposal as p')
        .innerJoin('place as pl', 'pl.id', 'p.place_id')
        .select(['pl.external_id', 'p.reasons', 'p.breakdown'])
        .where('p.run_id', '=', outcome.run_id)
        .where('p.rank', '=', 1)
        .executeTakeFirstOrThrow()
      expect(proposal.external_id).toBe('DU-1')
      expect(proposal.reasons).toContainEqual({
        code: 'recognition',
        text: `erkende werkplek (geldig tot ${RECOGNISED_UNTIL})`,
      })
      expect(proposal.breakdown).toMatchObject({ facts: { recognitionValidUntil: iso(RECOGNISED_UNTIL) } })
    } finally {
      await handle.destroy()
    }
  })
})

/** The outcome of the only pupil in the latest run. */
async function lastOutcome() {
  const handle = createDb(DATABASE_URL)
  try {
    return await handle.db
      .selectFrom('match_outcome as o')
      .innerJoin('match_run as r', 'r.id', 'o.run_id')
      .select(['o.run_id', 'o.status', 'o.place_id', 'o.unmatched_reason'])
      .orderBy('r.created_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow()
  } finally {
    await handle.destroy()
  }
}
