// multipart/form-data bodies as browsers send them, and as broken clients and attackers do.

export interface Part {
  readonly name: string
  readonly filename?: string
  readonly contentType?: string
  readonly body: Uint8Array | string
  /** Raw header lines instead of the usual Content-Disposition / Content-Type. */
  readonly rawHeaders?: string
}

/** A multipart body with these parts and this boundary; `close: false` leaves off the closing delimiter. */
export function multipartBody(
  parts: readonly Part[],
  boundary = 'sbBadInputBoundary7MA4YWxk',
  opts: { readonly close?: boolean; readonly newline?: string } = {},
): { payload: Buffer; headers: Record<string, string> } {
  const nl = opts.newline ?? '\r\n'
  const chunks: Buffer[] = []
  for (const p of parts) {
    const headers =
      p.rawHeaders ??
      `Content-Disposition: form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}${nl}` +
        (p.contentType ? `Content-Type: ${p.contentType}${nl}` : '')
    chunks.push(
      Buffer.from(`--${boundary}${nl}${headers}${nl}`, 'latin1'),
      Buffer.from(p.body),
      Buffer.from(nl),
    )
  }
  if (opts.close !== false) chunks.push(Buffer.from(`--${boundary}--${nl}`))
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

/** One file in the field `file`, as a browser uploads it. */
export const fileUpload = (filename: string, bytes: Uint8Array, contentType = 'application/octet-stream') =>
  multipartBody([{ name: 'file', filename, contentType, body: bytes }])
