import type { MatchConfig } from '../config.js'

/** Share of the programme points: 1 for the exact programme, a configured share for a related one. */
export function programmeShare(programmeMatch: number, config: MatchConfig): number {
  return programmeMatch === 2 ? 1 : programmeMatch === 1 ? config.relatedProgrammeShare : 0
}
