// Tunable parameters of a match. The zod schema that validates them at the edges lives in
// @stagebrug/contracts (ZMatchConfig); the core only merges and trusts them.

export interface ScoreWeights {
  /** Points for studying exactly a programme the place accepts (a related programme earns a share). */
  readonly programme: number
  /** Points at 0 km; halved at `distanceHalfKm`. */
  readonly distance: number
  /** Points for covering all of the place's competences (weighted). */
  readonly competences: number
  /** Points for the student's top wish / the company's top preference. */
  readonly wishes: number
}

export interface MatchConfig {
  /** Weights of the four score components; they sum to 100 so a score reads as 0–100. */
  readonly weights: ScoreWeights
  /** Distance at which the distance component is worth half its points (curve: h / (h + km)). */
  readonly distanceHalfKm: number
  /** Distance component for places abroad (Erasmus+), as a share of its points. */
  readonly foreignDistanceShare: number
  /** Share of the programme points for a declared related programme (e.g. the duaal variant). */
  readonly relatedProgrammeShare: number
  /** Eligible places kept per student (the student's preference list), best first. */
  readonly candidatesPerStudent: number
  /** Proposals per student in a shortlist: the allocated place plus alternatives with room. */
  readonly shortlistSize: number
  /** Reserve students listed per place. */
  readonly reserveSize: number
  /** `tier`: places rank priority (vulnerable) students above all others; `none`: by score only. */
  readonly priority: 'tier' | 'none'
  /** Side of a spatial index cell in km. */
  readonly gridKm: number
}

export const DEFAULT_MATCH_CONFIG: MatchConfig = Object.freeze({
  weights: Object.freeze({ programme: 20, distance: 30, competences: 35, wishes: 15 }),
  distanceHalfKm: 10,
  foreignDistanceShare: 0.5,
  relatedProgrammeShare: 0.6,
  candidatesPerStudent: 20,
  shortlistSize: 5,
  reserveSize: 3,
  priority: 'tier',
  gridKm: 10,
})

/** Partial config as it comes from the edges; undefined fields take the default. */
type Loose<T> = { readonly [K in keyof T]?: T[K] | undefined }
export type MatchConfigInput = Loose<Omit<MatchConfig, 'weights'>> & {
  readonly weights?: Loose<ScoreWeights> | undefined
}

export function resolveConfig(input: MatchConfigInput | undefined): MatchConfig {
  if (!input) return DEFAULT_MATCH_CONFIG
  const { weights, ...rest } = input
  return {
    ...DEFAULT_MATCH_CONFIG,
    ...defined(rest),
    weights: { ...DEFAULT_MATCH_CONFIG.weights, ...defined(weights ?? {}) },
  } as MatchConfig
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
