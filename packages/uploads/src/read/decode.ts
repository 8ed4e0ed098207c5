import { UploadError } from '../errors.js'

const utf8 = new TextDecoder('utf-8', { fatal: true })
const windows1252 = new TextDecoder('windows-1252')
const utf16 = new TextDecoder('utf-16le')

/**
 * Decodes CSV bytes: UTF-8 with or without BOM, UTF-16LE with BOM (Excel "Unicode text"), and
 * Windows-1252 whenever the bytes are not valid UTF-8 (Belgian Excel's "CSV (;)" default). Throws
 * UploadError `mixed_encoding` for bytes that are partly UTF-8 and partly Windows-1252 (two files
 * pasted together), which no single decoding reads right.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return decodeUtf8OrLegacy(bytes.subarray(3))
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16.decode(bytes.subarray(2))
  return decodeUtf8OrLegacy(bytes)
}

function decodeUtf8OrLegacy(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes)
  } catch {
    if (hasUtf8Sequence(bytes))
      throw new UploadError(
        'mixed_encoding',
        'Het bestand mengt twee tekensets (UTF-8 en Windows-1252), zodat letters als ë en é verminkt zouden worden; sla het opnieuw op als "CSV UTF-8"',
        'The file mixes two encodings (UTF-8 and Windows-1252), which would garble letters such as ë and é; save it again as "CSV UTF-8"',
      )
    return windows1252.decode(bytes)
  }
}

/** A UTF-8 encoded letter of Latin-1 or General Punctuation (Ã« for ë, â€™ for ’): rare as Windows-1252 text. */
function hasUtf8Sequence(bytes: Uint8Array): boolean {
  for (let i = 0; i + 1 < bytes.length; i++) {
    const a = bytes[i]!
    const b = bytes[i + 1]!
    if ((a === 0xc2 || a === 0xc3) && b >= 0x80 && b <= 0xbf) return true
    if (
      a === 0xe2 &&
      (b === 0x80 || b === 0x82) &&
      (bytes[i + 2] ?? 0) >= 0x80 &&
      (bytes[i + 2] ?? 0) <= 0xbf
    )
      return true
  }
  return false
}
