import { createHmac } from 'node:crypto'

// Crockford's base32: digits and capitals without I, L, O and U (nothing to misread on the phone).
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const CODE_CHARS = 12

/**
 * What a candidate code looks like: "K-" and 12 Crockford base32 characters (60 bits), e.g.
 * "K-7F3A2C9QK4MD". A name or an e-mail address passed by mistake fails it.
 */
export const CANDIDATE_CODE = /^K-[0-9A-HJKMNP-TV-Z]{12}$/

/**
 * The school year a date (yyyy-mm-dd) falls in, September to August: "2026-11-23" → "2026-2027",
 * "2027-08-31" → "2026-2027".
 */
export function schoolYear(date: string): string {
  const m = /^(\d{4})-(\d{2})-\d{2}/.exec(date)
  if (!m) throw new RangeError(`Not a date: ${JSON.stringify(date)}`)
  const year = Number(m[1])
  const start = Number(m[2]) >= 9 ? year : year - 1
  return `${start}-${start + 1}`
}

/**
 * A pupil's pseudonym for one company in one school year: HMAC-SHA256 keyed with the server
 * secret over "companyId:studentId:schoolYear", the first 60 bits in Crockford base32. The same
 * pupil has the same code at that company all school year (the company can phone the school about
 * it next week) and an unrelated code at any other company; without the secret nobody can compute
 * or link codes. 60 bits: among 200,000 pupils a collision has a chance of about 1 in 60 million.
 */
export function candidateCode(
  secret: Uint8Array,
  companyId: string,
  studentId: string,
  runDate: string,
): string {
  if (secret.length < 32) throw new RangeError('The server secret must have at least 32 bytes')
  const mac = createHmac('sha256', secret)
    .update(`${companyId}:${studentId}:${schoolYear(runDate)}`)
    .digest()
  let bits = 0n
  for (let i = 0; i < 8; i++) bits = (bits << 8n) | BigInt(mac[i]!)
  let code = ''
  for (let i = 0; i < CODE_CHARS; i++) code += CROCKFORD[Number((bits >> BigInt(64 - 5 * (i + 1))) & 31n)]
  return `K-${code}`
}
