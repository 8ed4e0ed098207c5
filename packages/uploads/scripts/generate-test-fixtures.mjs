// Generates the binary upload fixtures of the cross-package tests (test/fixtures/uploads/*.xlsx):
// files as Excel really saves them, which the tests cannot build without exceljs.
// Run: node packages/uploads/scripts/generate-test-fixtures.mjs
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'

const dir = fileURLToPath(new URL('../../../test/fixtures/uploads/', import.meta.url))
const FIXED_DATE = new Date(Date.UTC(2026, 10, 23))
const day = (y, m, d) => new Date(Date.UTC(y, m - 1, d))

// An Informat-style pupil export, typed in Excel: pupil numbers as numbers formatted 0000000, real
// date cells, a date pasted as a serial number, a rich-text name, a text cell that looks like a
// formula and a real HYPERLINK formula with its cached result.
const workbook = new ExcelJS.Workbook()
workbook.creator = 'Stagebrug tests'
workbook.created = FIXED_DATE
workbook.modified = FIXED_DATE
const sheet = workbook.addWorksheet('Leerlingen')
sheet.addRow([
  'Instellingsnummer',
  'Stamboeknummer',
  'Naam',
  'Voornaam',
  'Geboortedatum',
  'Klas',
  'Structuuronderdeel',
  'Postcode',
  'Gemeente',
  'E-mail',
  'Administratieve groep',
  'Begindatum',
  'Einddatum',
])
sheet.addRow([
  '123456',
  12,
  'Lefèvre',
  { richText: [{ text: 'Zo' }, { text: 'ë', font: { bold: true } }] },
  day(2008, 3, 5),
  '6LOG',
  'Logistiek',
  9100,
  'Sint-Niklaas',
  { formula: 'HYPERLINK("mailto:zoe@example.be","zoe@example.be")', result: 'zoe@example.be' },
  '6LOG-A',
  day(2027, 2, 1),
  '26/03/2027',
])
sheet.addRow([
  '123456',
  345,
  '=HYPERLINK("http://x","y")',
  'Noé',
  39477,
  '6LOG',
  'Logistiek',
  4000,
  'Liège',
  '',
  '6LOG-A',
  day(2027, 2, 1),
  day(2027, 3, 26),
])
sheet.getColumn(2).numFmt = '0000000'
sheet.getCell('E3').numFmt = 'General'
await workbook.xlsx.writeFile(`${dir}informat-export.xlsx`)
