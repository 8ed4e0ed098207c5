// Generates docs/templates/*.xlsx from the CSV templates next to them (header + example row, all
// cells as text so leading zeros survive). Run: node packages/uploads/scripts/generate-templates.mjs
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'

const dir = fileURLToPath(new URL('../../../docs/templates/', import.meta.url))
const FIXED_DATE = new Date(Date.UTC(2026, 10, 23))

for (const name of ['placement-list', 'place-registration']) {
  const text = readFileSync(`${dir}${name}.csv`, 'utf8').replace(/^\uFEFF/, '')
  const lines = text.split(/\r?\n/).filter((line) => line !== '')
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Stagebrug'
  workbook.created = FIXED_DATE
  workbook.modified = FIXED_DATE
  const sheet = workbook.addWorksheet(name === 'placement-list' ? 'Leerlingen' : 'Plaatsen')
  for (const line of lines) sheet.addRow(line.split(';'))
  sheet.getRow(1).font = { bold: true }
  sheet.columns.forEach((column, i) => {
    column.numFmt = '@'
    column.width = Math.max(12, (lines[0].split(';')[i] ?? '').length + 2)
  })
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  await workbook.xlsx.writeFile(`${dir}${name}.xlsx`)
}
