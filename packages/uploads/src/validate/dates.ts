const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)
const DAY_MS = 86_400_000

const pad = (n: number) => String(n).padStart(2, '0')

function isoIfValid(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1) return null // 31/02 rolls over into March
  return `${year}-${pad(month)}-${pad(day)}`
}

/**
 * Parses the date formats schools send into `YYYY-MM-DD`, or null: `dd/mm/yyyy`, `d-m-yyyy`,
 * `dd.mm.yyyy`, `yyyy-mm-dd`, `yyyy-m-d` and Excel serial numbers. Impossible dates (31/02) give null.
 * @example parseDate('5/3/2010') // '2010-03-05'
 */
export function parseDate(text: string): string | null {
  const value = text.trim()
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value)
  if (m) return isoIfValid(Number(m[3]), Number(m[2]), Number(m[1]))
  m = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(value)
  if (m) return isoIfValid(Number(m[1]), Number(m[2]), Number(m[3]))
  if (/^\d{4,5}(?:\.0+)?$/.test(value)) {
    const serial = Number(value)
    // 1900-03-01 … 2199-12-31; below 61 Excel's fictitious 29/02/1900 makes serials unreliable.
    if (serial < 61 || serial > 109_572) return null
    return new Date(EXCEL_EPOCH_MS + serial * DAY_MS).toISOString().slice(0, 10)
  }
  return null
}

/** Parses `HH:MM` (also `8:30`, `8u30`, `08.30`) into `HH:MM`, or null. */
export function parseTime(text: string): string | null {
  const m = /^(\d{1,2})(?:[:.uh](\d{2}))?(?:u)?$/i.exec(text.trim())
  if (!m) return null
  const hours = Number(m[1])
  const minutes = Number(m[2] ?? '0')
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return null
  return `${pad(hours)}:${pad(minutes)}`
}
