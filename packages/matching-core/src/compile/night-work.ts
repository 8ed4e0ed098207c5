import type { WorkingHours } from '../model.js'
import { timeToMinutes } from '../util/dates.js'

/**
 * The minimum age the working hours impose (Codex / Arbeidswet, domain brief §4): work between
 * 20:00 and 06:00 is closed to pupils under 18; from 16, continuous or shift work may run until
 * 22:00 (starting from 06:00) or 23:00 (starting from 07:00); 00:00–04:00 is never allowed under 18.
 * Returns 0 when the hours are open to every age.
 */
export function nightWorkMinimumAge(hours: WorkingHours): number {
  const start = timeToMinutes(hours.start)
  let end = timeToMinutes(hours.end)
  if (end <= start) end += 1440 // the shift crosses midnight
  if (start >= 6 * 60 && end <= 20 * 60) return 0
  if (hours.shiftWork && end <= 1440) {
    if (start >= 6 * 60 && end <= 22 * 60) return 16
    if (start >= 7 * 60 && end <= 23 * 60) return 16
  }
  return 18
}
