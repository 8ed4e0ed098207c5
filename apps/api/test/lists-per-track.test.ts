// Lists per track (issue 15): a school's placement list replaces only the tracks it holds
// (stage, duaal, job). Uploading next year's internship list no longer withdraws the school
// leavers who seek a job through Stagebrug; a list that holds both tracks replaces both. Through
// both doors: the API's upload and `pnpm stagebrug import students` (a real child process).
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runStagebrug } from '../../../test/support/stagebrug-cli.js'
import { csv, pupil, STUDENT_HEADER, table, utf8 } from '../../../test/support/upload-files.js'
import { GEEL, MOL, multipart, openWorld, PROGRAMME, type World } from './support/world.js'

let w: World

const row = (id: string, traject: string) =>
  pupil(id, {
    instellingsnummer: '3004',
    studierichting: String(PROGRAMME.id),
    traject,
    postcode: id.endsWith('1') ? MOL : GEEL,
    gemeente: id.endsWith('1') ? 'Mol' : 'Geel',
  })
const listCsv = (rows: readonly Record<string, string>[]) => utf8(csv(table(STUDENT_HEADER, rows)))

/** School D's list through the API (the school's own key). */
async function uploadByApi(rows: readonly Record<string, string>[]) {
  const res = await w.call('schoolD', {
    method: 'POST',
    url: '/school/uploads/students',
    ...multipart('lijst.csv', listCsv(rows)),
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as { outcome: string; counts: Record<string, number> }
}

/** School D's list through `pnpm stagebrug import students <file> --school 3004`. */
async function uploadByCli(rows: readonly Record<string, string>[]) {
  const dir = await mkdtemp(join(tmpdir(), 'tracks-'))
  const file = join(dir, 'lijst.csv')
  await writeFile(file, listCsv(rows))
  const run = await runStagebrug(w.handle.url, ['import', 'students', file, '--school', '3004'])
  expect(run.code, run.stderr).toBe(0)
  return run.stdout
}

/** External id → status, of school D's pupils. */
async function statuses(): Promise<Record<string, string>> {
  const rows = await w.db
    .selectFrom('student')
    .select(['external_id', 'status'])
    .where('school_id', '=', w.ids.schoolD)
    .execute()
  return Object.fromEntries(rows.map((r) => [r.external_id, r.status]))
}

beforeAll(async () => {
  w = await openWorld({ publish: false })
})
afterAll(() => w?.close())

describe('a placement list replaces only the tracks it holds', () => {
  it('API: an internship-only list leaves the job seekers open; a list with both tracks replaces both', async () => {
    // This year: two pupils on internship, two school leavers seeking a job.
    await uploadByApi([row('S-1', 'stage'), row('S-2', 'stage'), row('J-1', 'job'), row('J-2', 'job')])
    // Next year's internship list, made today: other pupils, no job seekers.
    const next = await uploadByApi([row('N-1', 'stage')])
    expect(next.counts).toMatchObject({ created: 1, withdrawn: 2 })
    expect(await statuses()).toEqual({
      'S-1': 'withdrawn',
      'S-2': 'withdrawn',
      'J-1': 'open',
      'J-2': 'open',
      'N-1': 'open',
    })

    // A list with both tracks replaces both: J-2 and N-1 are missing from it.
    const both = await uploadByApi([row('N-2', 'stage'), row('J-1', 'job')])
    expect(both.counts).toMatchObject({ created: 1, withdrawn: 2 })
    expect(await statuses()).toMatchObject({
      'J-1': 'open',
      'J-2': 'withdrawn',
      'N-1': 'withdrawn',
      'N-2': 'open',
    })
  })

  it('command line: a job-only list leaves the internship pupils open', async () => {
    await uploadByCli([row('C-1', 'stage'), row('C-2', 'duaal'), row('K-1', 'job')])
    await uploadByCli([row('K-2', 'job')])
    expect(await statuses()).toMatchObject({
      'C-1': 'open',
      'C-2': 'open',
      'K-1': 'withdrawn',
      'K-2': 'open',
    })
  })
})
