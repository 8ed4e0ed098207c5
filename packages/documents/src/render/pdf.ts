import PDFDocument from 'pdfkit'
import { formatDate } from '../format.js'
import {
  BLANK_TEXT,
  type Block,
  type DocumentModel,
  FILL_IN_TEXT,
  type Inline,
  isBlank,
  type Text,
} from '../model/document.js'
import { toWinAnsi } from './win-ansi.js'

const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 }
const BODY = 10
const LABEL_WIDTH = 165
const GAP = 10
const INK = '#111111'
const GREY = '#555555'
const RED = '#a00000'

type Pdf = PDFKit.PDFDocument

interface Segment {
  readonly text: string
  readonly blank: boolean
}

const segments = (parts: Text): Segment[] =>
  parts
    .map((p: Inline): Segment => {
      if (typeof p === 'string') return { text: toWinAnsi(p), blank: false }
      return isBlank(p) ? { text: BLANK_TEXT, blank: true } : { text: FILL_IN_TEXT, blank: false }
    })
    .filter((s) => s.text !== '')

const plain = (parts: Text) =>
  segments(parts)
    .map((s) => s.text)
    .join('')

class Layout {
  readonly left = MARGIN.left
  readonly width: number

  constructor(readonly pdf: Pdf) {
    this.width = pdf.page.width - MARGIN.left - MARGIN.right
  }

  private get bottom() {
    return this.pdf.page.height - MARGIN.bottom
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number) {
    if (this.pdf.y + height > this.bottom) this.pdf.addPage()
    this.pdf.x = this.left
  }

  height(parts: Text, width: number, bold = false) {
    this.pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(BODY)
    return this.pdf.heightOfString(plain(parts) || ' ', { width })
  }

  /** Text with inline blanks (bold, red) at (x, y) or the current position, wrapped to `width`. */
  text(parts: Text, x: number, y: number | undefined, width: number, options: { bold?: boolean } = {}) {
    const list = segments(parts)
    if (list.length === 0) list.push({ text: ' ', blank: false })
    list.forEach((s, i) => {
      this.pdf
        .font(s.blank || options.bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(BODY)
        .fillColor(s.blank ? RED : INK)
      const continued = i < list.length - 1
      if (i === 0) this.pdf.text(s.text, x, y, { width, continued, lineGap: 1.5 })
      else this.pdf.text(s.text, { continued, lineGap: 1.5 })
    })
    this.pdf.fillColor(INK)
  }
}

function drawHeader(l: Layout, doc: DocumentModel) {
  const { pdf } = l
  pdf.font('Helvetica-Bold').fontSize(18).fillColor(INK).text(toWinAnsi(doc.title), l.left, MARGIN.top)
  pdf.moveDown(0.2)
  pdf.font('Helvetica').fontSize(11).fillColor(GREY).text(toWinAnsi(doc.subtitle), { width: l.width })
  pdf.fontSize(9).text(`Opgemaakt door Stagebrug op ${formatDate(doc.issuedOn)}`)
  pdf.moveDown(0.4)
  pdf
    .moveTo(l.left, pdf.y)
    .lineTo(l.left + l.width, pdf.y)
    .strokeColor('#999999')
    .lineWidth(0.5)
    .stroke()
  pdf.moveDown(0.6)
  pdf.fillColor(INK)
}

function twoColumns(
  l: Layout,
  left: Text,
  right: Text,
  leftWidth: number,
  options: { boldLeft?: boolean; boldRight?: boolean } = {},
) {
  const rightWidth = l.width - leftWidth - GAP
  l.ensure(
    Math.max(l.height(left, leftWidth, options.boldLeft), l.height(right, rightWidth, options.boldRight)),
  )
  const y = l.pdf.y
  if (options.boldLeft) l.text(left, l.left, y, leftWidth, { bold: true })
  else {
    l.pdf.font('Helvetica').fontSize(BODY).fillColor(GREY)
    l.pdf.text(plain(left), l.left, y, { width: leftWidth, lineGap: 1.5 })
    l.pdf.fillColor(INK)
  }
  const afterLeft = l.pdf.y
  l.text(right, l.left + leftWidth + GAP, y, rightWidth, { bold: options.boldRight ?? false })
  l.pdf.y = Math.max(afterLeft, l.pdf.y) + 3
  l.pdf.x = l.left
}

const SIGNATURE_HEIGHT = 80
const HEADING_HEIGHT = 30

/** About how much room a block needs before it may break: all of it when it must stay whole, else its first line. */
function estimate(l: Layout, block: Block | undefined): number {
  if (block === undefined) return 0
  switch (block.kind) {
    case 'heading':
      return HEADING_HEIGHT
    case 'paragraph':
    case 'notice':
      return l.height(block.text, l.width) + 16
    case 'fields':
      return block.rows.length === 0 ? 0 : l.height(block.rows[0]!.value, l.width - LABEL_WIDTH - GAP) + 4
    case 'list':
    case 'checklist':
    case 'table':
      return 2 * l.height(['x'], l.width)
    case 'signatures':
      return (
        (block.intro.length > 0 ? l.height(block.intro, l.width) + 8 : 0) +
        Math.ceil(block.parties.length / 2) * (SIGNATURE_HEIGHT + 8)
      )
  }
}

function drawBlock(l: Layout, block: Block, next: Block | undefined) {
  const { pdf } = l
  switch (block.kind) {
    case 'heading':
      // A heading stays with what follows it.
      l.ensure(HEADING_HEIGHT + estimate(l, next))
      pdf.moveDown(0.5)
      pdf.font('Helvetica-Bold').fontSize(12).fillColor(INK).text(toWinAnsi(block.text), l.left, undefined, {
        width: l.width,
      })
      pdf.moveDown(0.3)
      return
    case 'paragraph':
      l.ensure(l.height(block.text, l.width))
      l.text(block.text, l.left, undefined, l.width)
      pdf.moveDown(0.4)
      return
    case 'fields':
      for (const row of block.rows) twoColumns(l, [row.label], row.value, LABEL_WIDTH)
      pdf.moveDown(0.3)
      return
    case 'list':
      for (const item of block.items) twoColumns(l, ['•'], item, 10)
      pdf.moveDown(0.3)
      return
    case 'checklist':
      for (const item of block.items) {
        twoColumns(l, [item.checked ? '[x]' : '[ ]'], [item.label], 18, {
          boldLeft: item.checked,
          boldRight: item.checked,
        })
      }
      pdf.moveDown(0.3)
      return
    case 'table':
      if (block.rows.length === 0) {
        l.ensure(l.height(block.empty, l.width))
        l.text(block.empty, l.left, undefined, l.width)
        pdf.moveDown(0.4)
        return
      }
      twoColumns(l, [block.head[0] ?? ''], [block.head.slice(1).join(' ')], 70, {
        boldLeft: true,
        boldRight: true,
      })
      for (const row of block.rows)
        twoColumns(l, [row[0] ?? ''], [row.slice(1).join(' ')], 70, { boldLeft: false })
      pdf.moveDown(0.3)
      return
    case 'notice': {
      const padding = 8
      const height = l.height(block.text, l.width - 2 * padding) + 2 * padding
      l.ensure(height)
      const y = pdf.y
      pdf.rect(l.left, y, l.width, height).strokeColor(RED).lineWidth(1).stroke()
      l.text(block.text, l.left + padding, y + padding, l.width - 2 * padding)
      pdf.y = y + height + 6
      pdf.x = l.left
      return
    }
    case 'signatures': {
      const width = (l.width - GAP) / 2
      const height = SIGNATURE_HEIGHT
      l.ensure(estimate(l, block))
      if (block.intro.length > 0) {
        l.text(block.intro, l.left, undefined, l.width)
        pdf.moveDown(0.6)
      }
      for (let i = 0; i < block.parties.length; i += 2) {
        l.ensure(height + 8)
        const y = pdf.y
        block.parties.slice(i, i + 2).forEach((party, j) => {
          const x = l.left + j * (width + GAP)
          pdf.rect(x, y, width, height).strokeColor('#999999').lineWidth(0.5).stroke()
          pdf
            .font('Helvetica-Bold')
            .fontSize(BODY)
            .fillColor(INK)
            .text(toWinAnsi(party), x + 6, y + 6, {
              width: width - 12,
            })
          pdf
            .font('Helvetica')
            .fillColor(GREY)
            .text('Naam en handtekening', x + 6, undefined, { width: width - 12 })
        })
        pdf.fillColor(INK)
        pdf.y = y + height + 8
        pdf.x = l.left
      }
      return
    }
  }
}

function drawMissing(l: Layout, doc: DocumentModel) {
  const text: Text =
    doc.missing.length === 0
      ? ['Alle verplichte gegevens zijn ingevuld.']
      : [`Nog in te vullen (${doc.missing.length}): ${doc.missing.join('; ')}.`]
  l.pdf.moveDown(0.6)
  l.ensure(l.height(text, l.width) + 8)
  l.pdf
    .moveTo(l.left, l.pdf.y)
    .lineTo(l.left + l.width, l.pdf.y)
    .strokeColor('#999999')
    .lineWidth(0.5)
    .stroke()
  l.pdf.moveDown(0.4)
  l.text(text, l.left, undefined, l.width)
}

function drawFooters(pdf: Pdf, doc: DocumentModel) {
  const { start, count } = pdf.bufferedPageRange()
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i)
    const y = pdf.page.height - MARGIN.bottom + 24
    const width = pdf.page.width - MARGIN.left - MARGIN.right
    // Writing below the bottom margin would otherwise start a new page.
    const bottom = pdf.page.margins.bottom
    pdf.page.margins.bottom = 0
    pdf.font('Helvetica').fontSize(8).fillColor(GREY)
    pdf.text(toWinAnsi(`Stagebrug · ${doc.title}`), MARGIN.left, y, {
      width,
      align: 'left',
      lineBreak: false,
    })
    pdf.text(`Pagina ${i - start + 1} van ${count}`, MARGIN.left, y, {
      width,
      align: 'right',
      lineBreak: false,
    })
    pdf.page.margins.bottom = bottom
  }
}

/** Draws the document on A4 with pdfkit's standard fonts; resolves to the PDF bytes. */
export function renderPdf(doc: DocumentModel): Promise<Buffer> {
  const [y, m, d] = doc.issuedOn.split('-').map(Number)
  const pdf = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: 'nl-BE',
    info: {
      Title: toWinAnsi(`${doc.title} — ${doc.subtitle}`),
      Author: 'Stagebrug',
      Creator: 'Stagebrug',
      CreationDate: new Date(Date.UTC(y!, m! - 1, d!)),
    },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)
  })
  const layout = new Layout(pdf)
  drawHeader(layout, doc)
  for (const [i, block] of doc.blocks.entries()) drawBlock(layout, block, doc.blocks[i + 1])
  drawMissing(layout, doc)
  drawFooters(pdf, doc)
  pdf.end()
  return done
}
