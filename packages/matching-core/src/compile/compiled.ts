import type { MatchConfig } from '../config.js'
import type { Place, ProgrammeId, Student } from '../model.js'
import type { SpatialIndex } from './spatial-index.js'

/**
 * The instance in the layout the hot loop wants: students and places in spatial order, every
 * attribute in a typed array indexed by the integer position, competences as bitsets.
 * Built once per match by `compileInstance`; never mutated afterwards.
 */
export interface CompiledInstance {
  readonly config: MatchConfig
  readonly seed: number
  /** yyyymmdd of the day the match runs: no placement starts before it. */
  readonly today: number
  /** In the hot loop's order (spatial, see `spatialOrder`); results are reported in id order. */
  readonly students: readonly Student[]
  readonly places: readonly Place[]
  /** Internal indices of the students in id order. */
  readonly studentIdOrder: Int32Array
  /** Internal indices of the places in id order. */
  readonly placeIdOrder: Int32Array
  readonly nS: number
  readonly nP: number

  readonly sX: Float64Array
  readonly sY: Float64Array
  readonly sMaxKm: Float64Array
  readonly sProg: Int32Array
  readonly sSeek: Uint8Array
  readonly sGrade: Uint8Array
  readonly sFirstTwo: Uint8Array
  readonly sNotReady: Uint8Array
  readonly sNeedsInclusive: Uint8Array
  /** 1 when the student opted in for a place abroad. */
  readonly sAbroad: Uint8Array
  /** 1: the distance counts from the school (sX/sY are the school's), 0: from home. */
  readonly sFromSchool: Uint8Array
  readonly sPriority: Uint8Array
  readonly sLicence: Uint8Array
  readonly sBirth: Int32Array
  readonly sAvStart: Int32Array
  readonly sAvEnd: Int32Array
  readonly sLottery: Uint32Array
  /** Words per competence bitset. */
  readonly compWords: number
  /** Competences the student has or wants (union), `compWords` words per student. */
  readonly sComp: Uint32Array
  readonly sWishStart: Int32Array
  readonly sWishKind: Uint8Array
  readonly sWishRef: Int32Array
  /** Place index of a coordinator's pin, -1 when none. */
  readonly sPinned: Int32Array
  readonly sHasBlock: Uint8Array
  /** Blocked pairs as `s * nP + p`. */
  readonly blocked: ReadonlySet<number>

  readonly pX: Float64Array
  readonly pY: Float64Array
  readonly pKind: Uint8Array
  readonly pForeign: Uint8Array
  /** Seats left for the match (capacity minus pinned students, never negative). */
  readonly pSeats: Int32Array
  readonly pStart: Int32Array
  readonly pEnd: Int32Array
  readonly pNightMinAge: Uint8Array
  readonly pMinAge: Uint8Array
  readonly pLicence: Uint8Array
  readonly pInclusive: Uint8Array
  readonly pCompany: Int32Array
  readonly pSector: Int32Array
  readonly pLottery: Uint32Array
  readonly pCompStart: Int32Array
  readonly pCompBit: Int32Array
  readonly pCompWeight: Float64Array
  readonly pCompTotal: Float64Array
  readonly pProgStart: Int32Array
  readonly pProg: Int32Array
  readonly pRecStart: Int32Array
  readonly pRecProg: Int32Array
  readonly pRecFrom: Int32Array
  readonly pRecTo: Int32Array
  /** Per place its mentors' validity as yyyymmdd intervals [from, until] (CSR by pMentorStart). */
  readonly pMentorStart: Int32Array
  readonly pMentorFrom: Int32Array
  readonly pMentorUntil: Int32Array
  /** Company preference for a pair (`s * nP + p`) as a share 0–1; only for places that state one. */
  readonly preference: ReadonlyMap<number, number>
  readonly pHasPreference: Uint8Array

  readonly programmeIds: readonly ProgrammeId[]
  readonly relStart: Int32Array
  readonly rel: Int32Array
  readonly studentIndex: ReadonlyMap<string, number>
  readonly placeIndex: ReadonlyMap<string, number>
  readonly index: SpatialIndex
}
