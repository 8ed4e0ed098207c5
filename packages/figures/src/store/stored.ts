import {
  json,
  type RunFiguresWrite,
  type StoredFigureRow,
  type StoredRunFigures,
  type StoredWatchRow,
} from '@stagebrug/db'
import { compareRows } from '../compute/compute-figures.js'
import { compareIdle } from '../compute/idle-supply.js'
import type { ChanceBand, FigureRow, RunFigures, WatchItem } from '../compute/model.js'
import { ALL_PROGRAMMES } from '../compute/recognition.js'
import { compareWatch } from '../compute/watch-list.js'

/** Maps computed figures to the rows `storeRunFigures` writes (programme null → 0). */
export function figuresToWrite(figures: RunFigures): RunFiguresWrite {
  return {
    runId: figures.runId,
    today: figures.today,
    rows: figures.rows.map((r) => ({
      level: r.level,
      region_key: r.regionKey,
      region_label: r.regionLabel,
      programme_id: r.programmeId ?? ALL_PROGRAMMES,
      seekers: r.seekers,
      proposed: r.proposed,
      unmatched: r.unmatched,
      accepted: r.accepted,
      places: r.places,
      seats: r.seats,
      free_seats: r.freeSeats,
      idle_seats: r.idleSeats,
      recognised_places: r.recognisedPlaces,
      idle_recognised_places: r.idleRecognisedPlaces,
      internship_places: r.internshipPlaces,
      dual_places: r.dualPlaces,
      aanloopfase_places: r.aanloopfasePlaces,
      job_places: r.jobPlaces,
      internship_free_seats: r.internshipFreeSeats,
      dual_free_seats: r.dualFreeSeats,
      aanloopfase_free_seats: r.aanloopfaseFreeSeats,
      job_free_seats: r.jobFreeSeats,
      dual_places_no_recognition_data: r.dualPlacesNoRecognitionData,
      dual_places_not_recognised: r.dualPlacesNotRecognised,
      unmatched_reasons: json(r.unmatchedReasons.map((x) => ({ code: x.code, count: x.count }))),
      shortage_x100: r.shortageX100,
      placement_pct: r.placementPct,
      chance: r.chance,
      flanders_shortage_x100: r.flandersShortageX100,
      flanders_placement_pct: r.flandersPlacementPct,
      shortage_vs_flanders_pct: r.shortageVsFlandersPct,
      placement_vs_flanders_pp: r.placementVsFlandersPp,
    })),
    idle: figures.idle.map((p) => ({
      place_id: p.placeId,
      reason: p.reason,
      company_id: p.companyId,
      company_name: p.companyName,
      sector: p.sector,
      postcode: p.postcode,
      municipality: p.municipality,
      regions: json([...p.regions]),
      programmes: [...p.programmes],
      free_seats: p.freeSeats,
      accepted_seats: p.acceptedSeats,
      proposals: p.proposals,
    })),
    watch: figures.watch.map((w) => ({
      place_id: w.placeId,
      kind: w.kind,
      programme_id: w.programmeId ?? ALL_PROGRAMMES,
      due_date: w.dueDate,
      days_left: w.daysLeft,
      company_name: w.companyName,
      sector: w.sector,
      postcode: w.postcode,
      municipality: w.municipality,
      schools: json(w.schools.map((s) => ({ id: s.id, name: s.name }))),
    })),
  }
}

/** Maps stored rows back to figures (programme 0 → null), in the computation's order. */
export function storedToFigures(stored: StoredRunFigures): RunFigures {
  return {
    runId: stored.header.run_id,
    today: stored.header.today,
    rows: stored.rows.map(storedRowToFigureRow).sort(compareRows),
    idle: stored.idle
      .map((p) => ({
        placeId: p.place_id,
        reason: p.reason,
        companyId: p.company_id,
        companyName: p.company_name,
        sector: p.sector,
        postcode: p.postcode,
        municipality: p.municipality,
        regions: p.regions,
        programmes: p.programmes,
        freeSeats: p.free_seats,
        acceptedSeats: p.accepted_seats,
        proposals: p.proposals,
      }))
      .sort(compareIdle),
    watch: stored.watch.map(storedWatchToItem).sort(compareWatch),
  }
}

/** Maps one stored figure row (with its programme title) back to a figure row. */
export function storedRowToFigureRow(r: StoredFigureRow): FigureRow {
  return {
    level: r.level,
    regionKey: r.region_key,
    regionLabel: r.region_label,
    programmeId: r.programme_id === ALL_PROGRAMMES ? null : r.programme_id,
    programmeTitle: r.programme_id === ALL_PROGRAMMES ? null : r.programme_title,
    seekers: r.seekers,
    proposed: r.proposed,
    unmatched: r.unmatched,
    accepted: r.accepted,
    places: r.places,
    seats: r.seats,
    freeSeats: r.free_seats,
    idleSeats: r.idle_seats,
    recognisedPlaces: r.recognised_places,
    idleRecognisedPlaces: r.idle_recognised_places,
    internshipPlaces: r.internship_places,
    dualPlaces: r.dual_places,
    aanloopfasePlaces: r.aanloopfase_places,
    jobPlaces: r.job_places,
    internshipFreeSeats: r.internship_free_seats,
    dualFreeSeats: r.dual_free_seats,
    aanloopfaseFreeSeats: r.aanloopfase_free_seats,
    jobFreeSeats: r.job_free_seats,
    dualPlacesNoRecognitionData: r.dual_places_no_recognition_data,
    dualPlacesNotRecognised: r.dual_places_not_recognised,
    unmatchedReasons: r.unmatched_reasons,
    shortageX100: r.shortage_x100,
    placementPct: r.placement_pct,
    chance: r.chance as ChanceBand | null,
    flandersShortageX100: r.flanders_shortage_x100,
    flandersPlacementPct: r.flanders_placement_pct,
    shortageVsFlandersPct: r.shortage_vs_flanders_pct,
    placementVsFlandersPp: r.placement_vs_flanders_pp,
  }
}

/** Maps one stored watch row (with its programme title) back to a watch item. */
export function storedWatchToItem(w: StoredWatchRow): WatchItem {
  return {
    placeId: w.place_id,
    kind: w.kind,
    programmeId: w.programme_id === ALL_PROGRAMMES ? null : w.programme_id,
    programmeTitle: w.programme_id === ALL_PROGRAMMES ? null : w.programme_title,
    dueDate: w.due_date,
    daysLeft: w.days_left,
    companyName: w.company_name,
    sector: w.sector,
    postcode: w.postcode,
    municipality: w.municipality,
    schools: w.schools,
  }
}
