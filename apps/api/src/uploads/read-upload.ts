import type { FastifyRequest } from 'fastify'
import type { UploadedFile } from '../data/uploads.data.js'
import { AppError } from '../errors.js'

/**
 * Reads the one file of a multipart upload (field name free, usually `file`), streaming it with
 * the size limit: a larger file stops the stream and answers 413 before anything is parsed.
 */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<UploadedFile> {
  if (!request.isMultipart())
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Stuur multipart/form-data met één bestand / Send multipart/form-data with one file',
    )
  const file = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 10 } })
  if (!file) throw new AppError('MALFORMED_BODY', 'Geen bestand ontvangen / No file received')
  const bytes = await file.toBuffer()
  return { bytes, filename: file.filename || 'upload' }
}
