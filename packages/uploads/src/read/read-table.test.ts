import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { UploadError } from '../errors.js'
import { csv, utf8, windows1252 } from '../test-support/fixtures.js'
import { detectDelimiter } from './csv.js'
import { readTable } from './read-table.js'
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS } from './table.js'

async function buildXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Leerlingen')
  sheet.addRow(['stamboeknummer', 'naam', 'geboortedatum', 'leeftijd', 'notitie', 'getal', 'nummer'])
  sheet.addRow([
    '0012345',
    { richText: [{ text: 'Pee' }, { text: 'ters', font: { bold: true } }] },
    new Date(Date.UTC(2008, 2, 5)),
    { formula: 'YEAR(TODAY())-YEAR(C2)', result: 18 },
    '=HYPERLINK("http://x")',
    42,
    12345,
  ])
  sheet.getCell('G2').numFmt = '0000000'
  sheet.addRow([])
  sheet.addRow(['0000007', 'Maes', '2009-1-2'])
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

describe('readTable — CSV', () => {
  it('reads a semicolon CSV with a UTF-8 BOM', async () => {
    const bytes = utf8(
      csv([
        ['naam', 'gemeente'],
        ['Zoë', 'Liège'],
        ['Jan', 'Sint-Niklaas'],
      ]),
      true,
    )
    expect(await readTable(bytes, 'lijst.csv')).toEqual({
      headers: ['naam', 'gemeente'],
      rows: [
        ['Zoë', 'Liège'],
        ['Jan', 'Sint-Niklaas'],
      ],
    })
  })

  it('falls back to Windows-1252 when the bytes are not UTF-8', async () => {
    const bytes = windows1252(
      csv([
        ['naam', 'gemeente'],
        ['Zoë', 'Liège'],
        ['Noé', 'Sint-Niklaas'],
      ]),
    )
    const { rows } = await readTable(bytes, 'export.csv')
    expect(rows).toEqual([
      ['Zoë', 'Liège'],
      ['Noé', 'Sint-Niklaas'],
    ])
  })

  it('reads a comma CSV with quoted fields, embedded delimiters, quotes and line breaks', async () => {
    const text = 'naam,opmerking,klas\n"Peeters, Zoë","zegt ""hallo""\nen dag",6A\n'
    expect((await readTable(utf8(text), 'x.csv')).rows).toEqual([
      ['Peeters, Zoë', 'zegt "hallo"\nen dag', '6A'],
    ])
  })

  it('detects the delimiter from the header line only', () => {
    expect(detectDelimiter('a;b;c\n1,2,3,4,5')).toBe(';')
    expect(detectDelimiter('a,b,c\n')).toBe(',')
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t')
    expect(detectDelimiter('"a;b",c,d\n')).toBe(',')
  })

  it('keeps blank lines so row numbers match the spreadsheet, trims trailing ones', async () => {
    const { rows } = await readTable(utf8('a;b\n1;2\n\n3;4\n\n\n'), 'x.csv')
    expect(rows).toEqual([['1', '2'], [''], ['3', '4']])
  })
})

describe('readTable — XLSX', () => {
  it('reads the first sheet: dates as ISO, cached formula results, rich text, text kept verbatim', async () => {
    const table = await readTable(await buildXlsx(), 'lijst.xlsx')
    expect(table.headers).toEqual([
      'stamboeknummer',
      'naam',
      'geboortedatum',
      'leeftijd',
      'notitie',
      'getal',
      'nummer',
    ])
    expect(table.rows).toEqual([
      ['0012345', 'Peeters', '2008-03-05', '18', '=HYPERLINK("http://x")', '42', '0012345'],
      [],
      ['0000007', 'Maes', '2009-1-2'],
    ])
  })

  it('refuses a truncated XLSX with an UploadError', async () => {
    const bytes = await buildXlsx()
    const error = await readTable(bytes.slice(0, Math.floor(bytes.length / 2)), 'lijst.xlsx').catch((e) => e)
    expect(error).toBeInstanceOf(UploadError)
    expect(error.code).toBe('corrupt_file')
    expect(error.message).toMatch(/^Het Excel-bestand is beschadigd.* \/ The Excel file is corrupt/)
  })

  it('refuses legacy .xls', async () => {
    await expect(readTable(utf8('x'), 'oud.xls')).rejects.toMatchObject({ code: 'unsupported_format' })
  })
})

describe('readTable — limits', () => {
  it('refuses files above the size limit, naming the size and the limit', async () => {
    await expect(readTable(new Uint8Array(2048), 'x.csv', { maxBytes: 1024 })).rejects.toMatchObject({
      code: 'too_large',
      message:
        'Het bestand is 2 kB; de limiet is 1 kB per upload. Verwijder overbodige kolommen of splits het bestand / ' +
        'The file is 2 kB; the limit is 1 kB per upload. Remove unneeded columns or split the file',
    })
  })

  it('refuses a file one byte over the default 10 MB', async () => {
    const error = await readTable(new Uint8Array(DEFAULT_MAX_BYTES + 1), 'x.csv').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UploadError)
    expect((error as UploadError).messageNl).toMatch(/^Het bestand is 10,1 MB; de limiet is 10 MB per upload/)
  })

  it('refuses files above the row limit, naming the count and the limit', async () => {
    const bytes = utf8(csv([['a'], ['1'], ['2'], ['3']]))
    await expect(readTable(bytes, 'x.csv', { maxRows: 2 })).rejects.toMatchObject({
      code: 'too_many_rows',
      message:
        'Het bestand heeft 3 rijen; de limiet is 2 rijen per upload. Splits het bestand / ' +
        'The file has 3 rows; the limit is 2 rows per upload. Split the file',
    })
  })

  it('refuses a CSV and an XLSX one row over the default 20,000 rows', async () => {
    const lines = Array.from({ length: DEFAULT_MAX_ROWS + 1 }, (_, i) => [String(i)])
    await expect(readTable(utf8(csv([['a'], ...lines])), 'x.csv')).rejects.toMatchObject({
      code: 'too_many_rows',
      messageNl: 'Het bestand heeft 20.001 rijen; de limiet is 20.000 rijen per upload. Splits het bestand',
      messageEn: 'The file has 20,001 rows; the limit is 20,000 rows per upload. Split the file',
    })
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Leerlingen').addRows([['a'], ...lines])
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer())
    await expect(readTable(xlsx, 'x.xlsx')).rejects.toMatchObject({ code: 'too_many_rows' })
    await expect(readTable(utf8(csv([['a'], ...lines.slice(1)])), 'x.csv')).resolves.toBeDefined()
  })

  it('refuses an empty file', async () => {
    await expect(readTable(new Uint8Array(0), 'x.csv')).rejects.toMatchObject({ code: 'empty_file' })
  })
})

describe('readTable — robustness', () => {
  it('never throws anything but UploadError on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2000 }),
        fc.constantFrom('x.csv', 'x.xlsx', 'x.bin', 'x'),
        async (bytes, name) => {
          try {
            await readTable(bytes, name)
          } catch (error) {
            expect(error).toBeInstanceOf(UploadError)
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('never throws anything but UploadError on zip-looking random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 500 }), async (tail) => {
        const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail])
        await expect(readTable(bytes, 'x.xlsx')).rejects.toBeInstanceOf(UploadError)
      }),
      { numRuns: 100 },
    )
  })
})
