// Issue 15 (A): a real school export through importStudentList — compound headers, `soort stage`,
// Windows-1252 and `;`, accented e-mails, an odd optional e-mail that warns instead of refusing, the
// uploader's mapping override, and the school's mapping remembered for its next upload.
import { upsertSchool } from '@stagebrug/db'
import { ImportError, importStudentList } from '@stagebrug/imports'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb } from '../support/databases.js'

const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.codePointAt(0)!))
const file = (header: string, rows: string[], sep = ';') =>
  latin1(`${[header, ...rows].map((l) => l.replaceAll(';', sep)).join('\r\n')}\r\n`)
const upload = (bytes: Uint8Array, mapping?: Record<string, string>) => ({
  bytes,
  filename: 'export.csv',
  uploadedBy: 'coordinator@school.be',
  school: '234567',
  ...(mapping === undefined ? {} : { mapping }),
})
const chosen = (report: { mapping: readonly { column: string; field: string; via: string }[] }) =>
  report.mapping
    .filter((m) => /periode|soort|mail/i.test(m.column))
    .map((m) => `${m.column} → ${m.field} (${m.via})`)

const REAL =
  'Stamboeknummer;Naam;Voornaam;Geboortedatum;Klas;Studierichting;Postcode;Stageperiode van;Stageperiode tot;Soort stage;E-mailadres'
const pupil = (id: string, first: string, track: string, mail: string) =>
  `${id};Dupont;${first};05/03/2008;6LOG;Logistiek;9100;01/02/2027;26/03/2027;${track};${mail}`
const OWN =
  'Stamboeknummer;Naam;Voornaam;Geboortedatum;Klas;Studierichting;Postcode;Periode 1;Periode 2;Soort'
const own = (id: string) => `${id};Dupont;Amélie;05/03/2008;6LOG;Logistiek;9100;01/02/2027;26/03/2027;duaal`

describe.each(ENGINES)('real school exports on %s', (engine) => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  beforeAll(async () => {
    handle = await openSeededDb(engine)
    await upsertSchool(handle.db, { name: 'VTI Brugge', instellingsnummer: '234567', postcode: '8000' })
  })
  afterAll(() => handle.close())

  it('imports a `;` Windows-1252 export with compound headers, tracks and accented e-mails; an odd e-mail warns', async () => {
    const report = await importStudentList(
      handle.db,
      upload(
        file(REAL, [
          pupil('0001', 'Amélie', 'duaal', 'amélie.dupont@école.be'),
          pupil('0002', 'Jürgen', 'stage', 'jürgen@müller.de'),
          pupil('0003', 'Noë', 'stage', 'noë(at)school'),
        ]),
      ),
    )
    expect(report.outcome).toBe('accepted')
    expect(chosen(report)).toEqual([
      'Stageperiode van → periodStart (exact)',
      'Stageperiode tot → periodEnd (exact)',
      'Soort stage → track (exact)',
      'E-mailadres → email (preset:smartschool)',
    ])
    expect(report.warnings.map((w) => [w.row, w.column, w.value])).toEqual([
      [4, 'E-mailadres', 'noë(at)school'],
    ])
    const rows = await handle.db
      .selectFrom('student')
      .innerJoin('school', 'school.id', 'student.school_id')
      .where('school.instellingsnummer', '=', '234567')
      .select(['student.external_id', 'student.seeks', 'student.email'])
      .orderBy('student.external_id')
      .execute()
    expect(rows.map((r) => [r.external_id, r.seeks, r.email])).toEqual([
      ['0001', 'dual', 'amélie.dupont@école.be'],
      ['0002', 'internship', 'jürgen@müller.de'],
      ['0003', 'internship', null],
    ])
  })

  it('refuses a mapping naming an unknown column or field as a request error, storing nothing', async () => {
    const uploads = () =>
      handle.db
        .selectFrom('upload')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    const before = await uploads()
    const bad = importStudentList(handle.db, upload(file(OWN, [own('0009')]), { 'Periode 9': 'startdatum' }))
    await expect(bad).rejects.toBeInstanceOf(ImportError)
    await expect(bad).rejects.toMatchObject({
      code: 'bad_mapping',
      messageNl: expect.stringMatching(/^Kolom 'Periode 9' uit de mapping staat niet in het bestand/),
    })
    await expect(
      importStudentList(handle.db, upload(file(OWN, [own('0009')]), { 'Periode 1': 'stagestart' })),
    ).rejects.toMatchObject({
      code: 'bad_mapping',
      messageNl: expect.stringMatching(/^Veld 'stagestart' uit de mapping bestaat niet/),
    })
    expect(await uploads()).toEqual(before)
  })

  it('follows an override, then reuses it for the school’s next upload with the same headers', async () => {
    // Without a mapping the school's own headers are refused: no start, end date.
    const first = await importStudentList(handle.db, upload(file(OWN, [own('0001')])))
    expect(first.outcome).toBe('rejected')
    const overridden = await importStudentList(
      handle.db,
      upload(file(OWN, [own('0001')]), {
        'Periode 1': 'startdatum',
        'Periode 2': 'einddatum',
        Soort: 'traject',
      }),
    )
    expect(overridden.outcome).toBe('accepted')
    expect(chosen(overridden)).toEqual([
      'Periode 1 → periodStart (override)',
      'Periode 2 → periodEnd (override)',
      'Soort → track (override)',
    ])
    const next = await importStudentList(handle.db, upload(file(OWN, [own('0001'), own('0002')], ',')))
    expect(next.outcome).toBe('accepted')
    expect(chosen(next)).toEqual([
      'Periode 1 → periodStart (remembered)',
      'Periode 2 → periodEnd (remembered)',
      'Soort → track (remembered)',
    ])
    expect(next.warnings.map((w) => w.message)).toContain(
      'Mapping van de vorige upload hergebruikt (zelfde kolommen); geef een mapping mee om ze te wijzigen / Mapping of the previous upload reused (same columns); send a mapping to change it',
    )
  })
})
