// The upload half of the corpus: placement lists, place registrations and the uniform recognition
// and mentor files (issue 14), CSV and XLSX, damaged in every way the issue lists. Every file is refused as a whole (422 with row errors, 413, 415 or 400).
import {
  MENTOR_HEADER,
  PLACE_HEADER,
  RECOGNITION_HEADER,
  STUDENT_HEADER,
  utf8,
  windows1252,
} from '../support/upload-files.js'
import { type Case, type CorpusContext, type Expectation, FORMULAS, type Rng, SQLISH } from './case.js'
import {
  csvBytes,
  hugeSharedStrings,
  manyRowsCsv,
  rezip,
  sheetXml,
  type Target,
  validRows,
  xlsxBytes,
} from './files.js'
import { fileUpload, multipartBody } from './multipart.js'

export const UPLOAD_URL: Readonly<Record<Target, string>> = {
  students: '/school/uploads/students',
  places: '/company/uploads/places',
  recognitions: '/company/uploads/recognitions',
  mentors: '/company/uploads/mentors',
}
const WHO = {
  students: 'schoolA',
  places: 'companyX',
  recognitions: 'companyX',
  mentors: 'companyX',
} as const
const TARGETS = ['students', 'places', 'recognitions', 'mentors'] as const

const ROW_ERRORS = (rowError?: Expectation['rowError']): Expectation => ({
  status: [422],
  type: 'row-errors',
  rowError: rowError ?? { message: / \/ / },
})
const cellError = (column: string, message: RegExp = / \/ /, row = 2) => ROW_ERRORS({ row, column, message })

export const BAD_DATES = [
  '31/02/2027',
  '29/02/2027',
  '30/02/2028',
  '00/01/2027',
  '32/01/2027',
  '15/13/2027',
  '2027-02-30',
  '31-04-2027',
  '1/1/27',
  '12/12/1899',
  '01/01/2300',
  '31.06.2027',
  '2027-13-01',
  'morgen',
  '01/02/2027 extra',
] as const

/**
 * Columns whose values are checked (a number, a date, a code): anything odd there is an error. An odd
 * optional e-mail or track is a warning and left empty since issue 15 (packages/uploads
 * real-exports.test.ts), so the pupil's `traject` and the mentor's `e-mail` are not here.
 */
const TYPED: Readonly<Record<Target, readonly string[]>> = {
  students: ['geboortedatum', 'postcode', 'startdatum', 'einddatum', 'graad', 'gemeente'],
  places: [
    'ondernemingsnummer',
    'postcode',
    'soort',
    'aantal plaatsen',
    'startdatum',
    'einddatum',
    'beginuur',
    'einduur',
    'e-mail contact',
    'gemeente',
  ],
  recognitions: [
    'ondernemingsnummer',
    'vestigingseenheidsnummer',
    'studierichting',
    'geldig van',
    'geldig tot',
    'status',
  ],
  // In this order, swapping two neighbours always breaks a row (see SWAP_STILL_VALID).
  mentors: [
    'ondernemingsnummer',
    'geboortedatum',
    'jaren ervaring',
    'mentoropleiding gevolgd',
    'uittreksel 596.2 gecontroleerd op',
    'minstens 25 jaar',
    'vrijstelling 23 jaar',
    'uiterste datum opleiding',
  ],
}
/** Typed columns whose swap with the next one leaves a valid row (16:30–08:00 is a night shift; two yes/no). */
const SWAP_STILL_VALID = new Set(['beginuur', 'minstens 25 jaar'])
const TEXT: Readonly<Record<Target, readonly string[]>> = {
  students: ['stamboeknummer', 'naam', 'voornaam', 'klas'],
  places: ['plaatscode', 'bedrijfsnaam', 'contactpersoon', 'telefoon'],
  recognitions: ['erkenningsnummer', 'studierichting'],
  mentors: ['naam', 'functie', 'telefoon'],
}
/** The text column a 300 kB cell and a huge XLSX cell go in, and the one control characters go in. */
const BIG_TEXT = (target: Target) => TEXT[target][1]!
const CONTROL_TEXT = (target: Target) => TEXT[target][2] ?? TEXT[target][0]!
/** One cell that breaks a valid file (for the file-name and multipart cases). */
const BROKEN_CELL: Readonly<Record<Target, readonly [string, string]>> = {
  students: ['postcode', '0000'],
  places: ['postcode', '0000'],
  recognitions: ['vestigingseenheidsnummer', '2147812702'],
  mentors: ['geboortedatum', '01/01/2099'],
}
const REQUIRED: Readonly<Record<Target, readonly string[]>> = {
  students: [
    'stamboeknummer',
    'naam',
    'voornaam',
    'geboortedatum',
    'klas',
    'studierichting',
    'postcode',
    'startdatum',
    'einddatum',
  ],
  places: [
    'ondernemingsnummer',
    'bedrijfsnaam',
    'postcode',
    'soort',
    'studierichtingen',
    'aantal plaatsen',
    'startdatum',
    'einddatum',
    'beginuur',
    'einduur',
    'e-mail contact',
  ],
  recognitions: ['ondernemingsnummer', 'vestigingseenheidsnummer', 'studierichting', 'geldig van', 'status'],
  mentors: ['ondernemingsnummer', 'naam'],
}
const DATES: Readonly<Record<Target, readonly string[]>> = {
  students: ['geboortedatum', 'startdatum', 'einddatum'],
  places: ['startdatum', 'einddatum'],
  recognitions: ['geldig van', 'geldig tot'],
  mentors: ['geboortedatum', 'uiterste datum opleiding', 'uittreksel 596.2 gecontroleerd op'],
}
/** The first and last day of what a row covers, when it has both: the last before the first is an error. */
const SPAN: Readonly<Partial<Record<Target, readonly [string, string]>>> = {
  students: ['startdatum', 'einddatum'],
  places: ['startdatum', 'einddatum'],
  recognitions: ['geldig van', 'geldig tot'],
}

/**
 * What a company declares that the file must refuse with the row, column and value, beyond bad
 * formats (issue 14's proof: an unknown programme, a bad check digit, a birth date in the future).
 * [name, category, column, value, message].
 */
const DECLARED: Readonly<
  Partial<Record<Target, readonly (readonly [string, string, string, string, RegExp])[]>>
> = {
  recognitions: [
    ['unknown-programme', 'structure', 'studierichting', 'Onbestaande richting duaal', / \/ /],
    ['programme-number-unknown', 'structure', 'studierichting', '999999', / \/ /],
    [
      'establishment-check-digits',
      'structure',
      'vestigingseenheidsnummer',
      '2147812702',
      /vestigingseenheidsnummer/,
    ],
    [
      'establishment-is-a-kbo',
      'structure',
      'vestigingseenheidsnummer',
      '0403019261',
      /vestigingseenheidsnummer/,
    ],
    ['status-unknown', 'structure', 'status', 'goedgekeurd', /Status/],
  ],
  mentors: [
    ['birth-date-future', 'bad-date', 'geboortedatum', '01/01/2099', /toekomst.*future/],
    ['under-18', 'bad-date', 'geboortedatum', '01/01/2020', /18/],
    [
      'extract-checked-future',
      'bad-date',
      'uittreksel 596.2 gecontroleerd op',
      '01/01/2099',
      /toekomst.*future/,
    ],
    ['birth-date-and-at-least-25', 'structure', 'minstens 25 jaar', 'ja', /niet allebei/],
    ['years-experience-81', 'structure', 'jaren ervaring', '81', /0 en 80|0 to 80/],
    ['unknown-place-code', 'structure', 'plaatscodes', 'ZZ-999', /ZZ-999/],
    ['yes-no-unknown', 'structure', 'mentoropleiding gevolgd', 'misschien', /ja of nee/],
  ],
}

type Rows = string[][]
const HEADER: Readonly<Record<Target, readonly string[]>> = {
  students: STUDENT_HEADER,
  places: PLACE_HEADER,
  recognitions: RECOGNITION_HEADER,
  mentors: MENTOR_HEADER,
}
const header = (target: Target): readonly string[] => HEADER[target]

/** The valid rows with one cell of the first data row (spreadsheet row 2) replaced. */
function withCell(base: Rows, column: string, value: string): Rows {
  const index = base[0]!.indexOf(column)
  if (index < 0) throw new Error(`no column ${column}`)
  return base.map((row, r) => (r === 1 ? row.map((c, i) => (i === index ? value : c)) : [...row]))
}

export async function uploadCases(ctx: CorpusContext, rng: Rng): Promise<Case[]> {
  const cases: Case[] = []
  for (const target of TARGETS) {
    const url = UPLOAD_URL[target]
    const who = WHO[target]
    const base = validRows(target, ctx.tenant)
    const baseXlsx = await xlsxBytes(base)
    const add = (category: string, name: string, filename: string, bytes: Uint8Array, expect: Expectation) =>
      cases.push({
        id: `${target}/${category}/${name}`,
        category,
        who,
        method: 'POST',
        url,
        ...fileUpload(filename, bytes),
        expect,
      })
    const both = async (category: string, name: string, rows: Rows, expect: Expectation) => {
      add(category, `${name}.csv`, 'lijst.csv', csvBytes(rows), expect)
      add(category, `${name}.xlsx`, 'lijst.xlsx', await xlsxBytes(rows), expect)
    }

    // The recognition and mentor files go through the same reader as the first two (readUpload,
    // runUpload): fewer random and truncated files for them keep the suite's time down on CI.
    const first = target === 'students' || target === 'places'
    // Random bytes under every kind of name, and random bytes behind a zip signature.
    for (let i = 0; i < (first ? 40 : 12); i++) {
      const bytes = rng.bytes(rng.int(1, 4096))
      add(
        'random-bytes',
        String(i),
        rng.pick(['x.csv', 'x.xlsx', 'x.txt', 'upload', 'x.CSV', 'x.xlsm']),
        bytes,
        ROW_ERRORS(),
      )
    }
    for (let i = 0; i < (first ? 20 : 6); i++) {
      const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...rng.bytes(rng.int(0, 2000))])
      add('random-zip', String(i), rng.pick(['x.xlsx', 'x.csv', 'upload']), bytes, ROW_ERRORS())
    }

    // Wrong encodings of a valid file.
    const text = new TextDecoder().decode(csvBytes(base)).replace(/^\uFEFF/, '')
    const utf16 = (t: string, be: boolean) => {
      const out = new Uint8Array(t.length * 2)
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i)
        out[2 * i + (be ? 1 : 0)] = c & 0xff
        out[2 * i + (be ? 0 : 1)] = c >> 8
      }
      return out
    }
    const encodings: Record<string, Uint8Array> = {
      'utf16le-no-bom': utf16(text, false),
      'utf16be-bom': new Uint8Array([0xfe, 0xff, ...utf16(text, true)]),
      'utf16be-no-bom': utf16(text, true),
      utf32le: Uint8Array.from(
        [...text].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8, 0, 0]),
      ),
      base64: utf8(Buffer.from(text).toString('base64')),
      ebcdic: Uint8Array.from([...text].map((ch) => (ch.charCodeAt(0) + 0x81) & 0xff)),
      // Two exports pasted together: the first rows in UTF-8, one more row in Windows-1252.
      'mixed-utf8-and-1252': new Uint8Array([
        // The UTF-8 part needs a character beyond ASCII, else the whole file is simply Windows-1252.
        ...utf8(text.replace(/Peeters|An Janssens|ERK-2025-0001/, 'Zoë Lefèvre')),
        ...windows1252(
          text
            .split('\r\n')[2]!
            .replace(/Peeters|An Janssens|Noël Vermeulen|ERK-2025-0002/, 'Noé Lefèvre')
            .replace(/S000002|BAD-2|mentor2@/, 'EXTRA-9'),
        ),
        13,
        10,
      ]),
      'html-page': utf8('<!DOCTYPE html><html><body><table><tr><td>naam</td></tr></table></body></html>'),
      'json-document': utf8(JSON.stringify({ rows: base })),
    }
    for (const [name, bytes] of Object.entries(encodings))
      add(
        'encoding',
        name,
        'lijst.csv',
        bytes,
        name.startsWith('mixed') ? ROW_ERRORS({ row: 0, message: /UTF-8/ }) : ROW_ERRORS(),
      )

    // Truncated, incomplete and bomb-like XLSX files.
    for (let i = 1; i <= 15; i += first ? 1 : 3) {
      const cut = Math.floor((baseXlsx.length * i) / 16)
      add(
        'xlsx-truncated',
        `${i}of16`,
        'lijst.xlsx',
        baseXlsx.slice(0, cut),
        ROW_ERRORS({ row: 0, column: '', message: /Excel/ }),
      )
    }
    const parts: Record<string, Parameters<typeof rezip>[1]> = {
      'no-content-types': { remove: ['[Content_Types].xml'] },
      'no-sheet1': { remove: ['xl/worksheets/sheet1.xml'] },
      'no-workbook': { remove: ['xl/workbook.xml'] },
      'no-workbook-rels': { remove: ['xl/_rels/workbook.xml.rels'] },
      'sheet-not-xml': { replace: { 'xl/worksheets/sheet1.xml': 'dit is geen XML <<<' } },
      'content-types-garbage': { replace: { '[Content_Types].xml': '\u0000\u0001garbage' } },
      'billion-laughs': {
        replace: {
          'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol4;</t></is></c></row></sheetData></worksheet>`,
        },
      },
      'external-entity': {
        replace: {
          'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>`,
        },
      },
      'hostile-sheet-id': {
        replace: {
          'xl/workbook.xml':
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="(["/></sheets></workbook>',
        },
      },
      'rows-200k-empty': { replace: { 'xl/worksheets/sheet1.xml': sheetXml(200_000, { empty: true }) } },
      'row-one-million': { replace: { 'xl/worksheets/sheet1.xml': sheetXml(1, { lastRow: 1_048_576 }) } },
      'bomb-shared-strings': { replace: { 'xl/sharedStrings.xml': hugeSharedStrings(12_000_000) } },
      'bomb-inline-cell': {
        replace: {
          'xl/worksheets/sheet1.xml': sheetXml(1).replace('<t>x</t>', `<t>${'B'.repeat(8_000_000)}</t>`),
        },
      },
    }
    for (const [name, change] of Object.entries(parts)) {
      const tooMany = name.startsWith('row')
      const bomb = name.startsWith('bomb')
      add('xlsx-parts', name, 'lijst.xlsx', await rezip(baseXlsx, change), {
        ...ROW_ERRORS({
          row: 0,
          column: '',
          message: tooMany ? /rijen.*rows/ : bomb ? /uitgepakt.*unpacked/ : / \/ /,
        }),
        status: bomb ? [413, 422] : [422],
        type: bomb ? undefined : 'row-errors',
      } as Expectation)
    }

    // Over the row limit (the world allows 1,000 rows) and over the byte limit (256 kB).
    for (const rows of [1001, 5000, 60_000]) {
      const bytes = manyRowsCsv(rows)
      add('too-many-rows', String(rows), 'lijst.csv', bytes, {
        status: bytes.length > 256 * 1024 ? [413] : [422],
        detail: bytes.length > 256 * 1024 ? /256 kB/ : undefined,
        rowError:
          bytes.length > 256 * 1024
            ? undefined
            : { row: 0, message: new RegExp(`${new Intl.NumberFormat('nl-BE').format(rows)} rijen`) },
      } as Expectation)
    }
    add(
      'too-large',
      'one-cell-300k',
      'lijst.csv',
      csvBytes(withCell(base, BIG_TEXT(target), 'x'.repeat(300_000))),
      {
        status: [413],
        type: 'payload-too-large',
      },
    )

    // Huge cells within the size limit, in text columns and in the header.
    for (const column of TEXT[target])
      for (const size of [2_001, 20_000, 200_000])
        add(
          'huge-cell',
          `${column}-${size}`,
          'lijst.csv',
          csvBytes(withCell(base, column, 'y'.repeat(size))),
          cellError(column, /tekens.*characters/),
        )
    add(
      'huge-cell',
      'header',
      'lijst.csv',
      csvBytes([[...base[0]!, 'k'.repeat(100_000)], ...base.slice(1)]),
      ROW_ERRORS({ row: 1, message: /tekens.*characters/ }),
    )
    add(
      'huge-cell',
      'xlsx-name',
      'lijst.xlsx',
      await xlsxBytes(withCell(base, BIG_TEXT(target), 'z'.repeat(30_000))),
      cellError(BIG_TEXT(target), /tekens.*characters/),
    )
    add(
      'huge-cell',
      'many-columns',
      'lijst.csv',
      csvBytes([[...base[0]!, ...Array.from({ length: 3000 }, (_, i) => `kolom${i}`)], ...base.slice(1)]),
      ROW_ERRORS({ row: 1, message: /kolommen.*columns/ }),
    )

    // Control characters (NUL, escape) that PostgreSQL or a terminal would choke on.
    for (const [name, value] of Object.entries({
      nul: 'Zo\u0000ë',
      escape: 'A\u001b[31mB',
      bell: 'x\u0007',
      backspace: 'ab\u0008c',
    }))
      add(
        'control-chars',
        name,
        'lijst.csv',
        csvBytes(withCell(base, CONTROL_TEXT(target), value)),
        name === 'nul'
          ? ROW_ERRORS({ row: 0, message: /NUL/ })
          : cellError(CONTROL_TEXT(target), /teken.*character/),
      )

    // Formula injection and SQL-looking strings where a date, number or code is expected.
    for (const column of TYPED[target]) {
      for (const [i, value] of FORMULAS.entries()) {
        const rows = withCell(base, column, value)
        // Every formula as CSV in half of the columns, the first two also as XLSX; the other half sees them in turn.
        if (i % 2 === TYPED[target].indexOf(column) % 2 || i < 2)
          add('formula-typed', `${column}-${i}.csv`, 'lijst.csv', csvBytes(rows), cellError(column))
        if (i < (first ? 2 : 1))
          add('formula-typed', `${column}-${i}.xlsx`, 'lijst.xlsx', await xlsxBytes(rows), cellError(column))
      }
      for (const [i, value] of SQLISH.entries())
        if (i % 2 === TYPED[target].indexOf(column) % 2)
          add(
            'sql-typed',
            `${column}-${i}`,
            'lijst.csv',
            csvBytes(withCell(base, column, value)),
            cellError(column),
          )
    }

    // Impossible dates and an end before the start.
    for (const column of DATES[target])
      for (const [i, value] of BAD_DATES.entries())
        add(
          'bad-date',
          `${column}-${i}`,
          'lijst.csv',
          csvBytes(withCell(base, column, value)),
          cellError(column, /datum.*date/),
        )
    const span = SPAN[target]
    if (span) {
      const reversed = withCell(withCell(base, span[0], '26/03/2027'), span[1], '01/02/2027')
      await both('bad-date', 'end-before-start', reversed, cellError(span[1]))
    }
    for (const [name, category, column, value, message] of DECLARED[target] ?? [])
      await both(category, name, withCell(base, column, value), cellError(column, message))

    // Mixed-up columns: two headers swapped, a row shifted by a missing cell, required columns missing.
    const typed = TYPED[target].filter((c) => c !== 'gemeente')
    for (let i = 0; i + 1 < typed.length; i++) {
      const [a, b] = [typed[i]!, typed[i + 1]!]
      if (SWAP_STILL_VALID.has(a)) continue
      const swapped = base.map((row, r) =>
        r === 0 ? row.map((h) => (h === a ? b : h === b ? a : h)) : [...row],
      )
      add(
        'mixed-columns',
        `swap-${a}-${b}`,
        'lijst.csv',
        csvBytes(swapped),
        ROW_ERRORS({ row: 2, message: / \/ / }),
      )
    }
    // The last cut is inside the row (the recognition file has 7 columns: cutting an 8th cuts nothing).
    for (const at of [1, 4, Math.min(7, base[0]!.length - 1)]) {
      const shifted = base.map((row, r) => (r === 2 ? row.filter((_, i) => i !== at) : [...row]))
      add(
        'mixed-columns',
        `shift-at-${at}`,
        'lijst.csv',
        csvBytes(shifted),
        ROW_ERRORS({ row: 3, message: / \/ / }),
      )
    }
    for (const column of header(target).filter((c) => REQUIRED[target].includes(c))) {
      const index = base[0]!.indexOf(column)
      add(
        'missing-column',
        column,
        'lijst.csv',
        csvBytes(base.map((row) => row.filter((_, i) => i !== index))),
        ROW_ERRORS({ row: 1, column, message: /ontbreekt.*missing/ }),
      )
    }

    // Files without data, and files of other formats.
    const structure: Record<string, [string, Uint8Array, Expectation]> = {
      empty: ['lijst.csv', new Uint8Array(0), ROW_ERRORS({ row: 0, message: /leeg.*empty/ })],
      'bom-only': [
        'lijst.csv',
        new Uint8Array([0xef, 0xbb, 0xbf]),
        ROW_ERRORS({ row: 0, message: /leeg.*empty/ }),
      ],
      whitespace: ['lijst.csv', utf8(' \r\n\t\r\n  '), ROW_ERRORS({ row: 0, message: /leeg.*empty/ })],
      'header-only': [
        'lijst.csv',
        csvBytes(base.slice(0, 1)),
        ROW_ERRORS({ row: 2, message: /geen rijen.*no rows/ }),
      ],
      'pipe-delimited': [
        'lijst.csv',
        csvBytes(base, '|'),
        // One long header: its columns are missing, or (the mentor file's 13) it is over 200 characters.
        ROW_ERRORS({ row: 1, message: /ontbreekt.*missing|Kolomkop van \d+ tekens/ }),
      ],
      'unbalanced-quote': ['lijst.csv', utf8(`"${text}`), ROW_ERRORS()],
      xls: ['lijst.xls', csvBytes(base), ROW_ERRORS({ row: 0, message: /xlsx/ })],
      ods: ['lijst.ods', baseXlsx, ROW_ERRORS({ row: 0, message: /xlsx/ })],
      'ole-header': [
        'lijst.xlsx',
        new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...rng.bytes(500)]),
        ROW_ERRORS({ row: 0, message: /xlsx/ }),
      ],
      rrn: [
        'lijst.csv',
        csvBytes(base.map((row, r) => [...row, r === 0 ? 'rijksregisternummer' : '08030512345'])),
        ROW_ERRORS({ row: 1, column: 'rijksregisternummer', message: /rijksregister/ }),
      ],
      'other-tenant': [
        'lijst.csv',
        csvBytes(
          target === 'students'
            ? withCell(base, 'instellingsnummer', '3003')
            : withCell(base, 'ondernemingsnummer', '0403.019.261'),
        ),
        // A company key uploads its own company's places, recognitions and mentors only.
        cellError(target === 'students' ? 'instellingsnummer' : 'ondernemingsnummer'),
      ],
      duplicate: [
        'lijst.csv',
        csvBytes([...base, [...base[1]!]]),
        ROW_ERRORS({ row: base.length + 1, message: /rij 2.*row 2/ }),
      ],
    }
    for (const [name, [filename, bytes, expect]] of Object.entries(structure))
      add('structure', name, filename, bytes, expect)

    // Odd file names on a broken file: the refusal is still about the file, and the name is stored safely.
    const broken = csvBytes(withCell(base, ...BROKEN_CELL[target]))
    for (const [name, filename] of Object.entries({
      nul: 'lijst\u0000.csv',
      traversal: '../../../etc/passwd.csv',
      long: `${'n'.repeat(5000)}.csv`,
      'control-chars': 'lijst\u001b[2J\r\n.csv',
      'latin1-bytes': 'lijst-\u00e9\u00ff.csv',
      empty: '',
    }))
      add('filename', name, filename, broken, cellError(BROKEN_CELL[target][0]))

    // Broken multipart bodies.
    const file = csvBytes(base)
    const mp: Record<string, [{ payload: Buffer; headers: Record<string, string> }, Expectation]> = {
      'no-boundary': [
        { payload: Buffer.from('x'), headers: { 'content-type': 'multipart/form-data' } },
        { status: [400, 415] },
      ],
      'empty-boundary': [
        { payload: Buffer.from('--\r\n'), headers: { 'content-type': 'multipart/form-data; boundary=' } },
        { status: [400, 415] },
      ],
      'wrong-boundary': [
        {
          ...multipartBody([{ name: 'file', filename: 'a.csv', body: file }], 'AAA'),
          headers: { 'content-type': 'multipart/form-data; boundary=BBB' },
        },
        { status: [400] },
      ],
      'no-closing-delimiter': [
        multipartBody([{ name: 'file', filename: 'a.csv', body: file }], undefined, { close: false }),
        { status: [400, 422] },
      ],
      'cut-in-file': [
        { ...fileUpload('a.csv', file), payload: fileUpload('a.csv', file).payload.subarray(0, 200) },
        { status: [400, 422] },
      ],
      'cut-in-headers': [
        { ...fileUpload('a.csv', file), payload: fileUpload('a.csv', file).payload.subarray(0, 40) },
        { status: [400] },
      ],
      'lf-only': [
        multipartBody([{ name: 'file', filename: 'a.csv', body: file }], undefined, { newline: '\n' }),
        { status: [400, 422] },
      ],
      'fields-only': [
        multipartBody([{ name: 'naam', body: 'x' }]),
        { status: [400], type: 'malformed-body', detail: /bestand.*file/ },
      ],
      'too-many-fields': [
        multipartBody([
          ...Array.from({ length: 12 }, (_, i) => ({ name: `f${i}`, body: 'x' })),
          { name: 'file', filename: 'a.csv', body: broken },
        ]),
        { status: [400, 413, 422] },
      ],
      'no-disposition': [
        multipartBody([{ name: 'file', body: file, rawHeaders: 'Content-Type: text/csv\r\n' }]),
        { status: [400] },
      ],
      'huge-part-header': [
        multipartBody(
          [
            {
              name: 'file',
              body: file,
              rawHeaders: `Content-Disposition: form-data; name="file"; filename="${'h'.repeat(100_000)}.csv"\r\n`,
            },
          ].map((p) => ({ ...p, body: broken })),
        ),
        { status: [400, 413, 422] },
      ],
      'empty-filename-broken': [
        multipartBody([{ name: 'file', filename: '', body: broken }]),
        { status: [400, 422] },
      ],
      'empty-body': [
        { payload: Buffer.alloc(0), headers: { 'content-type': 'multipart/form-data; boundary=x' } },
        { status: [400] },
      ],
      'multipart-mixed': [
        {
          ...fileUpload('a.csv', file),
          headers: { 'content-type': 'multipart/mixed; boundary=sbBadInputBoundary7MA4YWxk' },
        },
        { status: [415], type: 'unsupported-media-type' },
      ],
      'octet-stream': [
        { payload: Buffer.from(file), headers: { 'content-type': 'application/octet-stream' } },
        { status: [415], type: 'unsupported-media-type' },
      ],
      'json-body': [
        { payload: Buffer.from('{"file":"x"}'), headers: { 'content-type': 'application/json' } },
        { status: [415], type: 'unsupported-media-type' },
      ],
      'form-urlencoded': [
        { payload: Buffer.from('file=x'), headers: { 'content-type': 'application/x-www-form-urlencoded' } },
        { status: [415], type: 'unsupported-media-type' },
      ],
      'long-boundary': [
        multipartBody([{ name: 'file', filename: 'a.csv', body: broken }], 'b'.repeat(300)),
        { status: [400, 422] },
      ],
      'two-files-second-broken': [
        multipartBody([
          { name: 'file', filename: 'a.csv', body: broken },
          { name: 'file2', filename: 'b.csv', body: file },
        ]),
        { status: [400, 413, 422] },
      ],
    }
    for (const [name, [body, expect]] of Object.entries(mp))
      cases.push({
        id: `${target}/multipart/${name}`,
        category: 'multipart',
        who,
        method: 'POST',
        url,
        ...body,
        expect,
      })
  }
  // A company's files: a school key may not upload them, nor may a request without a key.
  for (const target of ['recognitions', 'mentors'] as const) {
    const file = csvBytes(validRows(target, ctx.tenant))
    cases.push(
      {
        id: `${target}/scope/school-key`,
        category: 'scope',
        who: 'schoolA',
        method: 'POST',
        url: UPLOAD_URL[target],
        ...fileUpload('a.csv', file),
        expect: { status: [403], type: 'forbidden' },
      },
      {
        id: `${target}/scope/no-key`,
        category: 'scope',
        who: null,
        method: 'POST',
        url: UPLOAD_URL[target],
        ...fileUpload('a.csv', file),
        expect: { status: [401], type: 'unauthenticated' },
      },
    )
  }
  // A school-group key must name its school; a key of the wrong role may not upload at all.
  const one = csvBytes(validRows('students', ctx.tenant))
  cases.push(
    {
      id: 'students/scope/group-without-school',
      category: 'scope',
      who: 'group',
      method: 'POST',
      url: UPLOAD_URL.students,
      ...fileUpload('a.csv', one),
      expect: { status: [400], type: 'invalid-request', detail: /school=/ },
    },
    {
      id: 'students/scope/group-bad-school',
      category: 'scope',
      who: 'group',
      method: 'POST',
      url: `${UPLOAD_URL.students}?school=%27%20OR%201%3D1`,
      ...fileUpload('a.csv', one),
      expect: { status: [400], type: 'invalid-request' },
    },
    {
      id: 'students/scope/company-key',
      category: 'scope',
      who: 'companyX',
      method: 'POST',
      url: UPLOAD_URL.students,
      ...fileUpload('a.csv', one),
      expect: { status: [403], type: 'forbidden' },
    },
    {
      id: 'students/scope/no-key',
      category: 'scope',
      who: null,
      method: 'POST',
      url: UPLOAD_URL.students,
      ...fileUpload('a.csv', one),
      expect: { status: [401], type: 'unauthenticated' },
    },
  )
  return cases
}
