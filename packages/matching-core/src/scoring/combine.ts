import type { CompiledInstance } from '../compile/compiled.js'
import type { IsoDate } from '../model.js'
import { recognitionValidUntil } from '../rules/recognition.js'
import type { PairContext } from '../rules/rule.js'
import { ymdToIso } from '../util/dates.js'
import { competenceCounts, competenceShare } from './competences.js'
import { distanceShare } from './distance.js'
import { programmeShare } from './programme.js'
import { companyPreferenceShare, wishRank, wishShare } from './wishes.js'

/** Score 0–100 of an eligible pair: the weighted sum of the four component shares. */
export function scorePair(c: CompiledInstance, s: number, p: number, x: PairContext): number {
  const w = c.config.weights
  const d =
    c.pForeign[p] === 1 ? c.config.foreignDistanceShare : distanceShare(x.distanceKm, c.config.distanceHalfKm)
  return (
    w.programme * programmeShare(x.programmeMatch, c.config) +
    w.distance * d +
    w.competences * competenceShare(c, s, p) +
    w.wishes * wishShare(c, s, p)
  )
}

/** Points per component (rounded to 0.1) and the facts behind them. */
export interface ScoreBreakdown {
  readonly total: number
  readonly programme: number
  readonly distance: number
  readonly competences: number
  readonly wishes: number
  readonly facts: {
    readonly programmeMatch: 'exact' | 'related' | 'none'
    readonly distanceKm: number
    readonly foreign: boolean
    readonly competencesCovered: number
    readonly competencesTotal: number
    /** 1-based rank of the student's wish this place fulfils, or null. */
    readonly wishRank: number | null
    readonly preferredByCompany: boolean
    /**
     * A dual place: the last day of the recognition for the student's programme that is valid on
     * the start date (yyyy-mm-dd), else null. Absent in breakdowns stored before it existed.
     */
    readonly recognitionValidUntil?: IsoDate | null
    /** The distance counts from the school (the list's `afstand vanaf` school); absent: from home. */
    readonly fromSchool?: boolean
  }
}

export function scoreBreakdown(c: CompiledInstance, s: number, p: number, x: PairContext): ScoreBreakdown {
  const w = c.config.weights
  const foreign = c.pForeign[p] === 1
  const d = foreign ? c.config.foreignDistanceShare : distanceShare(x.distanceKm, c.config.distanceHalfKm)
  const counts = competenceCounts(c, s, p)
  const rank = wishRank(c, s, p)
  const recognisedUntil = recognitionValidUntil(c, s, p, x.start)
  return {
    total: round1(scorePair(c, s, p, x)),
    programme: round1(w.programme * programmeShare(x.programmeMatch, c.config)),
    distance: round1(w.distance * d),
    competences: round1(w.competences * competenceShare(c, s, p)),
    wishes: round1(w.wishes * wishShare(c, s, p)),
    facts: {
      programmeMatch: x.programmeMatch === 2 ? 'exact' : x.programmeMatch === 1 ? 'related' : 'none',
      distanceKm: round1(x.distanceKm),
      foreign,
      competencesCovered: counts.covered,
      competencesTotal: counts.total,
      wishRank: rank === 0 ? null : rank,
      preferredByCompany: companyPreferenceShare(c, s, p) > 0,
      recognitionValidUntil: recognisedUntil === 0 ? null : ymdToIso(recognisedUntil),
      ...(c.sFromSchool[s] === 1 ? { fromSchool: true } : {}),
    },
  }
}

export function round1(v: number): number {
  return Math.round(v * 10) / 10
}
