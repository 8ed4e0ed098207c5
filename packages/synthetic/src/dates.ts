import type { IsoDate } from '@stagebrug/matching-core'

// Dates are handled as whole UTC days: placements have no time of day or time zone.

const DAY_MS = 86_400_000
// Instances use a few thousand distinct days but convert them millions of times: cache both ways.
const days = new Map<IsoDate, number>()
const dates = new Map<number, IsoDate>()

export function toDay(date: IsoDate): number {
  let day = days.get(date)
  if (day === undefined) {
    day = Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS)
    days.set(date, day)
  }
  return day
}

export function fromDay(day: number): IsoDate {
  let date = dates.get(day)
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10)
    dates.set(day, date)
  }
  return date
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return fromDay(Math.floor(Date.UTC(year, month - 1, day) / DAY_MS))
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDay(toDay(date) + days)
}

/** The same calendar day `years` later (29 February falls back to 28 February). */
export function addYears(date: IsoDate, years: number): IsoDate {
  const year = String(Number(date.slice(0, 4)) + years).padStart(4, '0')
  const rest = date.slice(4)
  return rest === '-02-29' ? `${year}-02-28` : `${year}${rest}`
}

/** The Monday on or after `date`: internship blocks start on a Monday. */
export function nextMonday(date: IsoDate): IsoDate {
  const day = toDay(date)
  // 1970-01-01 was a Thursday, so day 4 is a Monday.
  return fromDay(day + ((4 - (day % 7) + 7) % 7))
}
