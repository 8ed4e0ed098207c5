// pdfkit's standard fonts (Helvetica) encode text as WinAnsi (Windows-1252): Dutch and French
// accents (ë, é, è, ç), ’, – and … print, but ≥, ☐, Ş or ł would come out garbled. Everything the
// PDF draws goes through `toWinAnsi`: such a character loses its accent (Ş → S) or gets an ASCII
// stand-in; the HTML keeps the original. An embedded Unicode font would lift this (README).

const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'

function isWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0)!
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    code === 0x0a ||
    WIN_ANSI_EXTRA.includes(ch)
  )
}

const STAND_INS: Readonly<Record<string, string>> = {
  '≥': '>=',
  '≤': '<=',
  '→': '->',
  '☐': '[ ]',
  '☒': '[x]',
  '✓': 'x',
  '−': '-',
  '‐': '-',
  '‑': '-',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  ı: 'i',
  ə: 'e',
  '\u200b': '',
  '\u200d': '',
  '\ufeff': '',
  '\t': ' ',
  '\r': '',
}

/** Text the standard PDF fonts can draw: WinAnsi kept, other letters without their accent, else a stand-in or `?`. */
export function toWinAnsi(text: string): string {
  let out = ''
  for (const ch of text) {
    if (isWinAnsi(ch)) {
      out += ch
      continue
    }
    const standIn = STAND_INS[ch]
    if (standIn !== undefined) {
      out += standIn
      continue
    }
    const bare = ch.normalize('NFD').replace(/\p{M}+/gu, '')
    out += bare !== '' && [...bare].every(isWinAnsi) ? bare : '?'
  }
  return out
}
