import {
  chanceBand,
  placementPct,
  placementVsFlandersPp,
  shortageVsFlandersPct,
  shortageX100,
} from './bands.js'
import { idleSupply } from './idle-supply.js'
import type { FigureLevel, FigureRow, FiguresInput, RegionRef, RunFigures } from './model.js'
import { ALL_PROGRAMMES, byCodePoint, dualStanding } from './recognition.js'
import { watchList } from './watch-list.js'

/** The region "Flanders as a whole": every student and place of the run. */
export const FLANDERS: { readonly level: 'flanders'; readonly key: string; readonly label: string } = {
  level: 'flanders',
  key: 'vlaanderen',
  label: 'Vlaanderen',
}

const ALL = ALL_PROGRAMMES

interface Cell {
  readonly level: FigureLevel
  readonly key: string
  readonly label: string
  readonly programme: number
  seekers: number
  proposed: number
  unmatched: number
  accepted: number
  places: number
  seats: number
  freeSeats: number
  idleSeats: number
  recognised: number
  idleRecognised: number
  /** Places and free seats per kind, in `KINDS` order. */
  readonly kindPlaces: number[]
  readonly kindFree: number[]
  dualNoData: number
  dualNotRecognised: number
  readonly reasons: Map<string, number>
}

/** The place kinds the figures keep apart, in this order (other kinds count in the totals only). */
const KINDS = ['internship', 'dual', 'aanloopfase', 'job'] as const

const LEVEL_ORDER: Readonly<Record<FigureLevel, number>> = {
  flanders: 0,
  province: 1,
  arrondissement: 2,
  region: 3,
  country: 4,
}

/**
 * The regional figures of one run: per region (Flanders, province, arrondissement, named region)
 * × programme (and all programmes together), with the shortage index, the 1–5 chance of a place
 * and the benchmark against Flanders; plus the idle recognised places and the watch list. Pure:
 * the same input gives the same output, in a stable order. Counts are integers; ratios are
 * integer % or ×100.
 */
export function computeFigures(input: FiguresInput): RunFigures {
  const cells = new Map<string, Cell>()
  const cell = (region: { level: FigureLevel; key: string; label: string }, programme: number): Cell => {
    const id = `${region.level}\u0000${region.key}\u0000${programme}`
    let c = cells.get(id)
    if (!c) {
      c = {
        level: region.level,
        key: region.key,
        label: region.label,
        programme,
        seekers: 0,
        proposed: 0,
        unmatched: 0,
        accepted: 0,
        places: 0,
        seats: 0,
        freeSeats: 0,
        idleSeats: 0,
        recognised: 0,
        idleRecognised: 0,
        kindPlaces: [0, 0, 0, 0],
        kindFree: [0, 0, 0, 0],
        dualNoData: 0,
        dualNotRecognised: 0,
        reasons: new Map(),
      }
      cells.set(id, c)
    }
    return c
  }
  // A place abroad counts under its country only: Flanders is the whole run at home.
  const everywhere = (regions: readonly RegionRef[], abroad = false) => {
    const seen = new Set<string>()
    const out: { level: FigureLevel; key: string; label: string }[] = abroad ? [] : [FLANDERS]
    for (const r of regions) {
      if (seen.has(`${r.level}:${r.key}`)) continue
      seen.add(`${r.level}:${r.key}`)
      out.push(r)
    }
    return out
  }

  const placedAt = new Map<string, number>()
  for (const o of input.outcomes) {
    const placed = o.status !== 'unmatched'
    if (placed && o.placeId !== null) placedAt.set(o.placeId, (placedAt.get(o.placeId) ?? 0) + 1)
    for (const region of everywhere(o.regions)) {
      for (const programme of [o.programmeId, ALL]) {
        const c = cell(region, programme)
        c.seekers += 1
        if (placed) c.proposed += 1
        else {
          c.unmatched += 1
          const code = o.unmatchedCode ?? 'unknown'
          c.reasons.set(code, (c.reasons.get(code) ?? 0) + 1)
        }
      }
    }
  }

  const acceptedStudents = new Set<string>()
  for (const a of input.accepted) {
    if (acceptedStudents.has(a.studentId)) continue
    acceptedStudents.add(a.studentId)
    for (const region of everywhere(a.regions)) {
      cell(region, a.programmeId).accepted += 1
      cell(region, ALL).accepted += 1
    }
  }

  for (const p of input.places) {
    const free = Math.max(0, p.capacity - p.acceptedSeats)
    const placed = placedAt.get(p.id) ?? 0
    const idle = Math.max(0, free - placed)
    const unused = free > 0 && placed === 0
    const programmes = [...new Set(p.programmes), ALL]
    const kind = (KINDS as readonly string[]).indexOf(p.kind)
    for (const region of everywhere(p.regions, p.abroad)) {
      for (const programme of programmes) {
        const c = cell(region, programme)
        const standing = dualStanding(p, programme, input.today)
        c.places += 1
        c.seats += p.capacity
        c.freeSeats += free
        c.idleSeats += idle
        if (kind !== -1) {
          c.kindPlaces[kind]! += 1
          c.kindFree[kind]! += free
        }
        if (standing === 'recognised') c.recognised += 1
        if (standing === 'recognised' && unused) c.idleRecognised += 1
        if (standing === 'no_data') c.dualNoData += 1
        if (standing === 'not_recognised') c.dualNotRecognised += 1
      }
    }
  }

  const flanders = (programme: number) => cells.get(`flanders\u0000${FLANDERS.key}\u0000${programme}`)
  const nobody = { seekers: 0, proposed: 0, freeSeats: 0 }
  const rows: FigureRow[] = [...cells.values()].map((c) => {
    // Only a programme offered abroad and by nobody at home has no Flanders row.
    const f = flanders(c.programme) ?? nobody
    return {
      level: c.level,
      regionKey: c.key,
      regionLabel: c.label,
      programmeId: c.programme === ALL ? null : c.programme,
      programmeTitle: c.programme === ALL ? null : (input.programmeTitles.get(c.programme) ?? null),
      seekers: c.seekers,
      proposed: c.proposed,
      unmatched: c.unmatched,
      accepted: c.accepted,
      places: c.places,
      seats: c.seats,
      freeSeats: c.freeSeats,
      idleSeats: c.idleSeats,
      recognisedPlaces: c.recognised,
      idleRecognisedPlaces: c.idleRecognised,
      internshipPlaces: c.kindPlaces[0]!,
      dualPlaces: c.kindPlaces[1]!,
      aanloopfasePlaces: c.kindPlaces[2]!,
      jobPlaces: c.kindPlaces[3]!,
      internshipFreeSeats: c.kindFree[0]!,
      dualFreeSeats: c.kindFree[1]!,
      aanloopfaseFreeSeats: c.kindFree[2]!,
      jobFreeSeats: c.kindFree[3]!,
      dualPlacesNoRecognitionData: c.dualNoData,
      dualPlacesNotRecognised: c.dualNotRecognised,
      unmatchedReasons: [...c.reasons]
        .map(([code, count]) => ({ code, count }))
        .sort((a, b) => b.count - a.count || byCodePoint(a.code, b.code)),
      shortageX100: shortageX100(c.seekers, c.freeSeats),
      placementPct: placementPct(c.proposed, c.seekers),
      chance: chanceBand(c.seekers, c.proposed, c.freeSeats),
      flandersShortageX100: shortageX100(f.seekers, f.freeSeats),
      flandersPlacementPct: placementPct(f.proposed, f.seekers),
      shortageVsFlandersPct: shortageVsFlandersPct(c, f),
      placementVsFlandersPp: placementVsFlandersPp(c, f),
    }
  })
  rows.sort(compareRows)
  return {
    runId: input.runId,
    today: input.today,
    rows,
    idle: idleSupply(input, placedAt),
    watch: watchList(input),
  }
}

/** Flanders, provinces, arrondissements, named regions, countries abroad; by label; all programmes first, then by title. */
export function compareRows(a: FigureRow, b: FigureRow): number {
  return (
    LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
    a.regionLabel.localeCompare(b.regionLabel, 'nl') ||
    byCodePoint(a.regionKey, b.regionKey) ||
    compareProgrammes(a, b)
  )
}

function compareProgrammes(a: FigureRow, b: FigureRow): number {
  if (a.programmeId === b.programmeId) return 0
  if (a.programmeId === null) return -1
  if (b.programmeId === null) return 1
  return (a.programmeTitle ?? '').localeCompare(b.programmeTitle ?? '', 'nl') || a.programmeId - b.programmeId
}
