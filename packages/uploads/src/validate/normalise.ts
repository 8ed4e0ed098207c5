// One normalisation for identifiers and names, used by both doors: the upload pipeline (every cell)
// and the API's JSON bodies (apps/api/src/schemas). So `０１２３４５６` and `0123456` + U+200B are
// the pupil 0123456 wherever they come in.

/**
 * Characters that show nothing but make two equal-looking strings differ: soft hyphen, zero-width
 * space/non-joiner/joiner, the bidi marks, embeddings, overrides and isolates, word joiner and the
 * invisible operators, Mongolian vowel separator, and the byte order mark (zero-width no-break space).
 */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g

/**
 * An identifier (pupil number, instellingsnummer, KBO number, place code, postcode, e-mail) as
 * stored: invisible characters removed, NFKC (full-width digits and letters become ASCII, a
 * no-break space a space), trimmed.
 * @example normaliseIdentifier('０１２３４５６\u200B') // '0123456'
 */
export const normaliseIdentifier = (text: string): string =>
  text.replace(INVISIBLE, '').normalize('NFKC').trim()

/**
 * A name or other text as stored: invisible characters removed, NFC (a letter and its combining
 * accent become one character, as keyboards write it), trimmed. NFC, not NFKC: compatibility
 * forms in a name are the writer's choice.
 * @example normaliseName(' Zoe\u0308 ') // 'Zoë'
 */
export const normaliseName = (text: string): string => text.replace(INVISIBLE, '').normalize('NFC').trim()
