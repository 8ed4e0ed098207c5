import { PDFParse } from 'pdf-parse'

/** The text of a PDF as pdf-parse extracts it (pdf.js underneath), pages joined. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) })
  try {
    return (await parser.getText()).text
  } finally {
    await parser.destroy()
  }
}

/** The line of the extracted text that starts with `label` (a field row: label, then value). */
export function line(text: string, label: string): string | undefined {
  return text.split('\n').find((l) => l.startsWith(`${label} `) || l === label)
}
