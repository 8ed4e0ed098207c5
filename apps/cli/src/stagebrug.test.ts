// Runs `pnpm stagebrug`'s entry as real child processes against an embedded database in a temporary
// folder: migrate, add a school, import a placement list and a place registration, refuse bad files.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createDb } from '@stagebrug/db'
import { afterAll, describe, expect, it } from 'vitest'
import { cliWorkspace } from '../test/support/cli.js'

const cli = cliWorkspace('cli')
const { dir, stagebrug } = cli
const DATABASE_URL = cli.databaseUrl
const templates = new URL('../../../docs/templates/', import.meta.url).pathname

afterAll(() => cli.remove())

const HEADER =
  'instellingsnummer;stamboeknummer;naam;voornaam;geboortedatum;klas;studierichting;traject;postcode;gemeente;startdatum;einddatum'
const pupil = (id: string, first: string, birth: string, postcode = '9100', gemeente = 'Sint-Niklaas') =>
  `123456;${id};Peeters;${first};${birth};6LOG;Logistiek;stage;${postcode};${gemeente};01/02/2027;26/03/2027`
function file(name: string, ...lines: string[]): string {
  const path = join(dir, name)
  writeFileSync(path, `\uFEFF${lines.join('\r\n')}\r\n`)
  return path
}
const goodList = file(
  'leerlingen.csv',
  HEADER,
  pupil('0001', 'Zoë', '05/03/2008'),
  pupil('0002', 'Liam', '12/11/2008'),
  pupil('0003', 'Noor', '39477'),
)

describe('pnpm stagebrug', () => {
  it('migrates the database and loads the reference data', async () => {
    const { code, stdout } = await stagebrug('db', 'migrate')
    expect(code).toBe(0)
    expect(stdout).toContain('✓ 2026_11_23_0001_create_reference_tables')
    expect(stdout).toContain('✓ 2026_11_23_0007_place_external_id')
    expect(stdout).toMatch(/Referentiegegevens \/ reference data: \{"programmes":\d+/)
  })

  it('refuses an unknown command and bad school arguments with exit code 2', async () => {
    const unknown = await stagebrug('import', 'teachers', 'x.csv')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('Onbekend commando / unknown command: "import teachers"')
    const bad = await stagebrug('school', 'add', '--number', '12', '--postcode', '0000')
    expect(bad.code).toBe(2)
    expect(bad.stderr.trim().split('\n')).toEqual([
      '--name: naam: verplicht / required',
      '--number: instellingsnummer "12": 3 tot 6 cijfers / 3 to 6 digits',
      '--postcode: postcode "0000": onbekende postcode / unknown postcode',
    ])
  })

  it('refuses a list for a school that does not exist yet (exit 1), then adds the school', async () => {
    const missing = await stagebrug('import', 'students', goodList, '--school', '123456')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('School met instellingsnummer 123456 bestaat niet; voeg ze eerst toe.')
    const added = await stagebrug(
      'school',
      'add',
      '--number',
      '123456',
      '--name',
      'GO! Atheneum',
      '--postcode',
      '9100',
    )
    expect(added.code).toBe(0)
    expect(added.stdout).toMatch(/^School 123456 \(GO! Atheneum\) opgeslagen \/ saved: [0-9a-f-]{36}$/m)
  })

  it('imports a placement list and prints the header mapping and the counts', async () => {
    const { code, stdout, stderr } = await stagebrug('import', 'students', goodList, '--school', '123456')
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toContain('Kolommen / columns:\n  "instellingsnummer" → schoolId (exact)\n')
    expect(stdout).toContain('  "stamboeknummer" → externalId (exact)\n')
    expect(stdout).toMatch(/Aanvaard \/ accepted \(upload [0-9a-f-]{36}\):/)
    expect(stdout).toContain(
      '  nieuw / created: 3\n  gewijzigd / updated: 0\n  ongewijzigd / unchanged: 0\n  teruggetrokken / withdrawn: 0\n',
    )
    expect(stdout).toMatch(/inlezen \/ parse \d+ ms · opslaan \/ store \d+ ms/)
  })

  it('refuses a file with broken rows (exit 1), prints row, column and message, and stores nothing', async () => {
    // Valid changes to 0001 and a missing 0003 would show up as updated / withdrawn had anything been stored.
    const broken = file(
      'leerlingen-fout.csv',
      HEADER,
      pupil('0001', 'Zoë-Marie', '05/03/2008'),
      pupil('0002', 'Liam', '31/02/2008'),
      pupil('0004', 'Mila', '01/01/2009', '9100', 'Gent'),
    )
    const { code, stdout, stderr } = await stagebrug('import', 'students', broken, '--school', '123456')
    expect(code).toBe(1)
    expect(stdout).toContain('"geboortedatum" → birthDate (exact)')
    const lines = stderr.trim().split('\n')
    expect(lines[0]).toMatch(
      /^Geweigerd: niets ingelezen \/ rejected: nothing imported \(upload [0-9a-f-]{36}\), 2 fout\(en\) \/ error\(s\):$/,
    )
    expect(lines.slice(1)).toEqual([
      '  rij / row 3, kolom / column "geboortedatum", waarde / value "31/02/2008": Geboortedatum is geen geldige datum (verwacht dd/mm/jjjj) / Birth date is not a valid date (expected dd/mm/yyyy)',
      expect.stringMatching(
        /^ {2}rij \/ row 4, kolom \/ column "gemeente", waarde \/ value "Gent": Postcode 9100 hoort niet bij 'Gent' .* \/ Postcode 9100 does not belong to 'Gent'/,
      ),
    ])

    const again = await stagebrug('import', 'students', goodList, '--school', '123456')
    expect(again.code).toBe(0)
    expect(again.stdout).toContain(
      '  nieuw / created: 0\n  gewijzigd / updated: 0\n  ongewijzigd / unchanged: 3\n',
    )
  })

  it('refuses a file over the row limit as a whole with a message naming the limit', async () => {
    const rows = Array.from({ length: 20_001 }, (_, i) =>
      pupil(String(i).padStart(5, '0'), 'Zoë', '05/03/2008'),
    )
    const { code, stderr } = await stagebrug(
      'import',
      'students',
      file('te-groot.csv', HEADER, ...rows),
      '--school',
      '123456',
    )
    expect(code).toBe(1)
    expect(stderr).toContain(
      '  bestand / file: Het bestand heeft 20.001 rijen; de limiet is 20.000 rijen per upload. Splits het bestand / The file has 20,001 rows; the limit is 20,000 rows per upload. Split the file',
    )
  })

  it('imports a place registration once: the same file again changes nothing', async () => {
    const registration = join(templates, 'place-registration.csv')
    const first = await stagebrug('import', 'places', registration)
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('  "plaatscode" → externalId (exact)\n')
    expect(first.stdout).toContain('  bedrijven / companies: 1\n')
    expect(first.stdout).toContain(
      '  nieuw / created: 1\n  gewijzigd / updated: 0\n  ongewijzigd / unchanged: 0\n',
    )
    const second = await stagebrug('import', 'places', registration)
    expect(second.code).toBe(0)
    expect(second.stdout).toContain(
      '  nieuw / created: 0\n  gewijzigd / updated: 0\n  ongewijzigd / unchanged: 1\n',
    )

    const text = readFileSync(registration, 'utf8').replace('0403.019.261', '0431.150.351')
    const refused = await stagebrug(
      'import',
      'places',
      file('plaatsen-fout.csv', ...text.trim().split(/\r?\n/)),
    )
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(
      /rij \/ row 2, kolom \/ column "ondernemingsnummer", waarde \/ value "0431.150.351"/,
    )
  })

  it('gives a missing file exit code 2', async () => {
    const { code, stderr } = await stagebrug('import', 'places', join(dir, 'bestaat-niet.csv'))
    expect(code).toBe(2)
    expect(stderr).toContain('bestaat niet of is niet leesbaar / does not exist or cannot be read')
  })

  it('left exactly the accepted data in the database', async () => {
    const handle = createDb(DATABASE_URL)
    try {
      const students = await handle.db
        .selectFrom('student')
        .select(['external_id', 'first_name', 'birth_date', 'status'])
        .orderBy('external_id')
        .execute()
      expect(students).toEqual([
        { external_id: '0001', first_name: 'Zoë', birth_date: '2008-03-05', status: 'open' },
        { external_id: '0002', first_name: 'Liam', birth_date: '2008-11-12', status: 'open' },
        { external_id: '0003', first_name: 'Noor', birth_date: '2008-01-30', status: 'open' },
      ])
      const places = await handle.db.selectFrom('place').select(['external_id', 'capacity']).execute()
      expect(places).toEqual([{ external_id: 'LOG-01', capacity: 2 }])
      const uploads = await handle.db
        .selectFrom('upload')
        .select(['kind', 'outcome'])
        .orderBy('uploaded_at')
        .execute()
      expect(uploads.map((u) => `${u.kind}:${u.outcome}`)).toEqual([
        'students:accepted',
        'students:rejected',
        'students:accepted',
        'students:rejected',
        'places:accepted',
        'places:accepted',
        'places:rejected',
      ])
    } finally {
      await handle.destroy()
    }
  })

  it('adds a coordinator, then runs a night in this process with the mails written as .eml files', async () => {
    const bad = await stagebrug(
      'coordinator',
      'add',
      '--school',
      '123456',
      '--name',
      'An Claes',
      '--email',
      'an',
    )
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--email: e-mail "an": geen geldig e-mailadres / not a valid e-mail address')
    const added = await stagebrug(
      'coordinator',
      'add',
      '--school',
      '123456',
      '--name',
      'An Claes',
      '--email',
      'an.claes@school.test',
    )
    expect(added.code).toBe(0)

    const { code, stdout } = await stagebrug('run', '--inline')
    expect(code).toBe(0)
    expect(stdout).toMatch(/Run [0-9a-f-]{36} \(\d{4}-\d{2}-\d{2}\): 3 leerlingen, \d+ geplaatst/)
    const mails = join(dir, '.stagebrug', 'mails')
    const texts = readdirSync(mails)
      .filter((f) => f.endsWith('.eml'))
      .map((f) => readFileSync(join(mails, f), 'utf8'))
    const coordinatorMail = texts.find((t) => /^To: .*an\.claes@school\.test/m.test(t))
    expect(coordinatorMail).toBeDefined()
    expect(coordinatorMail).toMatch(/Zo=C3=AB|Zoë/)

    const handle = createDb(DATABASE_URL)
    try {
      const run = await handle.db.selectFrom('match_run').selectAll().executeTakeFirstOrThrow()
      expect(run).toMatchObject({ status: 'succeeded', counts: expect.objectContaining({ students: 3 }) })
      const outbox = await handle.db.selectFrom('mail_outbox').select(['status']).execute()
      expect(outbox.length).toBe(texts.length)
      expect(outbox.every((m) => m.status === 'sent')).toBe(true)
    } finally {
      await handle.destroy()
    }
  })

  it('creates an API key, printed once and stored only as a hash', async () => {
    const refused = await stagebrug(
      'apikey',
      'create',
      '--name',
      'x',
      '--role',
      'school',
      '--school',
      '999999',
    )
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('--school: instellingsnummer "999999": geen school met dit nummer')
    const { code, stdout } = await stagebrug(
      'apikey',
      'create',
      '--name',
      'beheer',
      '--role',
      'school',
      '--school',
      '123456',
    )
    expect(code).toBe(0)
    const key = stdout.trim()
    expect(key).toMatch(/^sb_[A-Za-z0-9_-]{43}$/)
    const handle = createDb(DATABASE_URL)
    try {
      const rows = await handle.db.selectFrom('api_key').selectAll().execute()
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ name: 'beheer', role: 'school' })
      expect(JSON.stringify(rows[0])).not.toContain(key)
    } finally {
      await handle.destroy()
    }
  })

  it('prints the regional figures of the latest run as a table', async () => {
    const table = await stagebrug('figures', '--level', 'region')
    expect(table.code).toBe(0)
    const lines = table.stdout.split('\n')
    expect(lines[0]).toMatch(/^Regionale cijfers van run [0-9a-f-]{36} \(\d{4}-\d{2}-\d{2}\), per regio:$/)
    expect(lines[1]).toMatch(/^regio\s+studierichting\s+zoekend\s+voorgesteld\s+zonder\s+aanvaard/)
    expect(lines.find((l) => l.startsWith('Vlaanderen ') && l.includes('alle studierichtingen'))).toMatch(
      /^Vlaanderen\s+alle studierichtingen\s+3\s/,
    )
    expect(lines.some((l) => l.startsWith('Regio Waasland ') && l.includes('Logistiek'))).toBe(true)
  })
})
