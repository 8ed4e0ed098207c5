import { dayNumber, daysBetween } from './dates.js'
import type { FiguresInput, PlaceFact, WatchItem } from './model.js'
import { byCodePoint } from './recognition.js'

/** How far ahead the watch list looks, in days from the run's day. */
export const WATCH_DAYS = 90

/**
 * Recognitions that expire within 90 days of the run's day (from today up to and including day
 * 90) and are not renewed (no recognition for the same programme that starts by the day after and
 * ends later), and places whose mentors all still have their training to do and whose last
 * training deadline falls within 90 days or has passed (a trained mentor, or one with a later
 * deadline, keeps the place covered) — each with the schools whose students were proposed there in
 * this run or accepted a seat there. One item per place × programme (the earliest) and one per
 * place for its mentors.
 */
export function watchList(input: FiguresInput): WatchItem[] {
  const relying = new Map<string, Set<string>>()
  for (const r of [...input.proposals, ...input.accepted]) {
    const set = relying.get(r.placeId) ?? new Set<string>()
    set.add(r.schoolId)
    relying.set(r.placeId, set)
  }
  const schoolsOf = (placeId: string) =>
    [...(relying.get(placeId) ?? [])]
      .map((id) => ({ id, name: input.schoolNames.get(id) ?? id }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl') || byCodePoint(a.id, b.id))

  const out: WatchItem[] = []
  for (const place of input.places) {
    const item = (kind: WatchItem['kind'], programmeId: number | null, dueDate: string): WatchItem => ({
      placeId: place.id,
      kind,
      programmeId,
      programmeTitle: programmeId === null ? null : (input.programmeTitles.get(programmeId) ?? null),
      dueDate,
      daysLeft: daysBetween(input.today, dueDate),
      companyName: place.companyName,
      sector: place.sector,
      postcode: place.postcode,
      municipality: place.municipality,
      schools: schoolsOf(place.id),
    })
    for (const [programme, validTo] of expiringRecognitions(place, input.today)) {
      out.push(item('recognition_expiring', programme, validTo))
    }
    const due = mentorTrainingDue(place)
    if (due !== null) {
      const left = daysBetween(input.today, due)
      if (left <= WATCH_DAYS) {
        out.push(item(left < 0 ? 'mentor_training_overdue' : 'mentor_training_due', null, due))
      }
    }
  }
  return out.sort(compareWatch)
}

/** By due date, place, kind and programme. */
export function compareWatch(a: WatchItem, b: WatchItem): number {
  return (
    byCodePoint(a.dueDate, b.dueDate) ||
    byCodePoint(a.placeId, b.placeId) ||
    byCodePoint(a.kind, b.kind) ||
    (a.programmeId ?? 0) - (b.programmeId ?? 0)
  )
}

/** The last training deadline of a place whose mentors are all untrained; null when none is due. */
function mentorTrainingDue(place: PlaceFact): string | null {
  let last: string | null = null
  for (const m of place.mentors) {
    if (m.trainingCompleted) return null
    if (m.trainingDeadline !== null && (last === null || m.trainingDeadline > last)) last = m.trainingDeadline
  }
  return last
}

/** Programme → the earliest end date of a recognition of the place that runs out soon without a successor. */
function expiringRecognitions(place: PlaceFact, today: string): Map<number, string> {
  const out = new Map<number, string>()
  for (const r of place.recognitions) {
    const left = daysBetween(today, r.validTo)
    if (left < 0 || left > WATCH_DAYS) continue
    const end = dayNumber(r.validTo)
    const renewed = place.recognitions.some(
      (o) => o.programme === r.programme && dayNumber(o.validTo) > end && dayNumber(o.validFrom) <= end + 1,
    )
    if (renewed) continue
    const known = out.get(r.programme)
    if (known === undefined || r.validTo < known) out.set(r.programme, r.validTo)
  }
  return out
}

/** How close a watch item is: `overdue` (passed), within 7, within 30, or within 90 days. */
export type WatchStage = 'overdue' | 'week' | 'month' | 'quarter'

export function watchStage(daysLeft: number): WatchStage {
  if (daysLeft < 0) return 'overdue'
  if (daysLeft <= 7) return 'week'
  if (daysLeft <= 30) return 'month'
  return 'quarter'
}

/**
 * What is new on the watch list since the previous run: each item with only the schools for which
 * it is new or has moved to a closer stage (90 → 30 → 7 days → overdue); items left without a
 * school are dropped. So a school hears about a place when it first relies on it, and again at
 * each stage — not every night.
 */
export function watchNews(current: readonly WatchItem[], previous: readonly WatchItem[]): WatchItem[] {
  const seen = new Set<string>()
  const key = (w: WatchItem, schoolId: string, stage: WatchStage) =>
    `${w.placeId}\u0000${w.kind === 'mentor_training_overdue' ? 'mentor_training_due' : w.kind}\u0000${w.programmeId ?? 0}\u0000${schoolId}\u0000${stage}`
  for (const w of previous) for (const s of w.schools) seen.add(key(w, s.id, watchStage(w.daysLeft)))
  const out: WatchItem[] = []
  for (const w of current) {
    const schools = w.schools.filter((s) => !seen.has(key(w, s.id, watchStage(w.daysLeft))))
    if (schools.length > 0) out.push({ ...w, schools })
  }
  return out
}
