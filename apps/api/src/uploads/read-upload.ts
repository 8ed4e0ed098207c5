import type { FastifyRequest } from 'fastify'
import type { UploadedFile } from '../data/uploads.data.js'
import { AppError } from '../errors.js'

/**
 * Reads the one file of a multipart upload (field name free, usually `file`), streaming it with
 * the size limit: a larger file stops the stream and answers 413 before anything is parsed. A
 * second file part is a 400 (issue 13: the first one used to be taken silently).
 */
export async function readUpload(
  request: FastifyRequest,
  maxBytes: number,
  /** The `mapping` query parameter, when the route takes one; a multipart field `mapping` wins. */
  mappingQuery?: string,
): Promise<UploadedFile> {
  if (!request.isMultipart())
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Stuur multipart/form-data met één bestand / Send multipart/form-data with one file',
    )
  // RFC 2046: a boundary is 1 to 70 characters; the parser throws (a 500) on one over 256.
  const boundary = /;\s*boundary=(?:"([^"]*)"|([^;\s]*))/i.exec(String(request.headers['content-type']))
  const length = (boundary?.[1] ?? boundary?.[2] ?? '').length
  if (length < 1 || length > 70)
    throw new AppError(
      'MALFORMED_BODY',
      'De multipart-grens (boundary) ontbreekt of is langer dan 70 tekens / The multipart boundary is missing or longer than 70 characters',
    )
  // Every part is read: a second file is refused rather than silently dropped (the limit of 2
  // files lets the parser hand us the second one so we can say so).
  let upload: { bytes: Buffer; filename: string } | undefined
  let mappingText = mappingQuery
  for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 2, fields: 10 } })) {
    if (part.type !== 'file') {
      if (part.fieldname === 'mapping') mappingText = String(part.value)
      continue
    }
    if (upload !== undefined) {
      part.file.resume()
      throw new AppError(
        'MALFORMED_BODY',
        'Stuur één bestand per upload; dit verzoek bevat er meer. Laad elk bestand apart op / Send one file per upload; this request has more. Upload each file separately',
      )
    }
    // Read it ourselves rather than with toBuffer(), which reads a too-large file to its end before refusing it.
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      size += chunk.length
      if (part.file.truncated || size > maxBytes) throw tooLarge(maxBytes)
      chunks.push(chunk)
    }
    if (part.file.truncated) throw tooLarge(maxBytes)
    upload = { bytes: Buffer.concat(chunks), filename: safeFilename(part.filename) }
  }
  if (!upload) throw new AppError('MALFORMED_BODY', 'Geen bestand ontvangen / No file received')
  return mappingText === undefined ? upload : { ...upload, mapping: parseMapping(mappingText) }
}

/**
 * The uploader's mapping (issue 15): a JSON object column → field, e.g. `{"Periode 1":"startdatum"}`.
 * Anything else is a 400; an unknown column or field is refused once the file's headers are read.
 */
export function parseMapping(text: string): Readonly<Record<string, string>> {
  const refuse = () =>
    new AppError(
      'INVALID_REQUEST',
      'mapping moet een JSON-object kolom → veld zijn, bv. {"Periode 1":"startdatum"} / mapping must be a JSON object column → field, e.g. {"Periode 1":"startdatum"}',
    )
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw refuse()
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw refuse()
  const entries = Object.entries(value)
  if (entries.length > 500 || entries.some(([, v]) => typeof v !== 'string')) throw refuse()
  return Object.fromEntries(entries) as Record<string, string>
}

function tooLarge(maxBytes: number): AppError {
  const size = (locale: string) => {
    const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format
    return maxBytes >= 1024 * 1024 ? `${format(maxBytes / 1024 / 1024)} MB` : `${format(maxBytes / 1024)} kB`
  }
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `Het bestand is groter dan ${size('nl-BE')}, de limiet per upload; splits het bestand / The file is larger than ${size('en')}, the limit per upload; split the file`,
  )
}

/**
 * The uploaded file's name as we store and show it: no path, no control characters (PostgreSQL
 * refuses NUL), at most 200 characters; `upload` when nothing is left. The extension is kept.
 */
export function safeFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? ''
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim()
  if (clean === '') return 'upload'
  if (clean.length <= 200) return clean
  const ext = /\.[A-Za-z0-9]{1,5}$/.exec(clean)?.[0] ?? ''
  return `${clean.slice(0, 200 - ext.length)}${ext}`
}
