const utf8 = new TextDecoder('utf-8', { fatal: true })
const windows1252 = new TextDecoder('windows-1252')
const utf16 = new TextDecoder('utf-16le')

/**
 * Decodes CSV bytes: UTF-8 with or without BOM, UTF-16LE with BOM (Excel "Unicode text"), and
 * Windows-1252 whenever the bytes are not valid UTF-8 (Belgian Excel's "CSV (;)" default). Never throws.
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
    return windows1252.decode(bytes)
  }
}
