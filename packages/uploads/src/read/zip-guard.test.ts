import { deflateRawSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { UploadError } from '../errors.js'
import { readTable } from './read-table.js'
import { guardXlsx } from './zip-guard.js'

/** A zip of these entries, deflated (CRCs are left 0: the guard does not check them). */
function zip(entries: Readonly<Record<string, string>>): Uint8Array {
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const [name, content] of Object.entries(entries)) {
    const data = deflateRawSync(Buffer.from(content), { level: 9 })
    const nameBytes = Buffer.from(name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(Buffer.byteLength(content), 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const dir = Buffer.alloc(46)
    dir.writeUInt32LE(0x02014b50, 0)
    dir.writeUInt16LE(8, 10)
    dir.writeUInt32LE(data.length, 20)
    dir.writeUInt32LE(Buffer.byteLength(content), 24)
    dir.writeUInt16LE(nameBytes.length, 28)
    dir.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, data)
    central.push(dir, nameBytes)
    offset += 30 + nameBytes.length + data.length
  }
  const size = central.reduce((n, b) => n + b.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(entries).length, 8)
  end.writeUInt16LE(Object.keys(entries).length, 10)
  end.writeUInt32LE(size, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, ...central, end]))
}

const WORKBOOK = {
  '[Content_Types].xml':
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  'xl/workbook.xml':
    '<workbook xmlns:r="r"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
}
const sheet = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`
const limits = { maxBytes: 64 * 1024, maxRows: 100 }

describe('guardXlsx', () => {
  it('lets a workbook exceljs wrote through', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Blad1').addRows([['a'], ['1'], ['2']])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    expect(() => guardXlsx(bytes, limits)).not.toThrow()
    expect((await readTable(bytes, 'x.xlsx')).rows).toEqual([['1'], ['2']])
  })

  it('reads a hostile relationship id as text, never as a pattern', () => {
    const hostile = zip({
      ...WORKBOOK,
      'xl/workbook.xml': `<workbook><sheets><sheet name="x" r:id="(["/>${'<sheet '.repeat(10_000)}</sheets></workbook>`,
      'xl/worksheets/sheet1.xml': sheet('<row r="1"/>'),
    })
    expect(() => guardXlsx(hostile, limits)).not.toThrow()
  })

  it('refuses a zip bomb at 20× the size limit, before unpacking the rest', () => {
    const bomb = zip({
      ...WORKBOOK,
      'xl/worksheets/sheet1.xml': sheet(`<row><c><is><t>${'A'.repeat(2_000_000)}</t></is></c></row>`),
    })
    expect(bomb.length).toBeLessThan(limits.maxBytes)
    expect(() => guardXlsx(bomb, limits)).toThrow(
      expect.objectContaining({
        code: 'too_large',
        messageNl: expect.stringMatching(/^Het Excel-bestand is uitgepakt groter dan 1,3 MB/),
      }),
    )
  })

  it('counts rows in the sheet XML: a million empty rows never become objects', () => {
    const many = zip({
      ...WORKBOOK,
      'xl/worksheets/sheet1.xml': sheet('<row r="1"/>'.concat('<row/>'.repeat(150_000))),
    })
    expect(() => guardXlsx(many, { maxBytes: 1024 * 1024, maxRows: 100 })).toThrow(
      expect.objectContaining({
        code: 'too_many_rows',
        messageEn: 'The file has 150,000 rows; the limit is 100 rows per upload. Split the file',
      }),
    )
    const last = zip({ ...WORKBOOK, 'xl/worksheets/sheet1.xml': sheet('<row r="1"/><row r="1048576"/>') })
    expect(() => guardXlsx(last, limits)).toThrow(expect.objectContaining({ code: 'too_many_rows' }))
  })

  it('refuses a workbook without its parts, naming the part', () => {
    const { '[Content_Types].xml': _, ...noTypes } = WORKBOOK
    const cases: [Uint8Array, RegExp][] = [
      [zip({ ...noTypes, 'xl/worksheets/sheet1.xml': sheet('') }), /\[Content_Types\]\.xml ontbreekt/],
      [zip(WORKBOOK), /werkblad xl\/worksheets\/sheet1\.xml ontbreekt/],
      [
        zip({ ...WORKBOOK, '[Content_Types].xml': 'rommel', 'xl/worksheets/sheet1.xml': sheet('') }),
        /Content_Types.*onleesbaar/,
      ],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /geen zip-inhoudstafel/],
    ]
    for (const [bytes, message] of cases) {
      const error = (() => {
        try {
          guardXlsx(bytes, limits)
        } catch (e) {
          return e
        }
      })()
      expect(error).toBeInstanceOf(UploadError)
      expect((error as UploadError).messageNl).toMatch(message)
    }
  })
})
