// Dates travel as `YYYY-MM-DD` strings and are compared as yyyymmdd integers in the hot loop:
// integer order equals calendar order, and full years between two dates are
// Math.floor((later - earlier) / 10000).

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** `2026-09-01` → 20260901. Throws on anything that is not a real calendar date. */
export function isoToYmd(iso: string): number {
  const m = ISO_DATE.exec(iso)
  if (!m) throw new Error(`Not a YYYY-MM-DD date: ${JSON.stringify(iso)}`)
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new Error(`Not a calendar date: ${iso}`)
  return y * 10000 + mo * 100 + d
}

export function ymdToIso(ymd: number): string {
  const y = Math.floor(ymd / 10000)
  const mo = Math.floor(ymd / 100) % 100
  const d = ymd % 100
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** Age in completed years on `dayYmd` for someone born on `birthYmd`. */
export function ageOn(birthYmd: number, dayYmd: number): number {
  return Math.floor((dayYmd - birthYmd) / 10000)
}

function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28
  return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/

/** `08:30` → 510 minutes after midnight. `24:00` is accepted as the end of the day (1440). */
export function timeToMinutes(hhmm: string): number {
  if (hhmm === '24:00') return 1440
  const m = TIME.exec(hhmm)
  if (!m) throw new Error(`Not a HH:MM time: ${JSON.stringify(hhmm)}`)
  return Number(m[1]) * 60 + Number(m[2])
}
