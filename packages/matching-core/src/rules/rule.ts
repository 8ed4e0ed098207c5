import type { CompiledInstance } from '../compile/compiled.js'

/** Facts about one student–place pair that several rules share, computed once per pair. */
export interface PairContext {
  /** First day both could start (yyyymmdd): the later of availability, place period and today. */
  start: number
  /** Last day of the overlap (yyyymmdd); start > end means no overlap. */
  end: number
  /** Student's age in completed years on `start`. */
  age: number
  distanceKm: number
  /** 2: the place accepts the student's programme; 1: a declared related one; 0: neither. */
  programmeMatch: number
}

export function emptyContext(): PairContext {
  return { start: 0, end: 0, age: 0, distanceKm: 0, programmeMatch: 0 }
}

/**
 * A hard rule. `passes` runs in the hot loop (no allocation, never throws); `detail` gives the
 * facts a person needs to understand the verdict; `applies` says whether the rule concerns the
 * pair at all (recognition only concerns dual places), so a proposal lists the rules it passed.
 */
export interface Rule<Code extends string = string> {
  readonly code: Code
  readonly passes: (c: CompiledInstance, s: number, p: number, x: PairContext) => boolean
  readonly detail: (
    c: CompiledInstance,
    s: number,
    p: number,
    x: PairContext,
  ) => Readonly<Record<string, unknown>>
  readonly applies?: (c: CompiledInstance, s: number, p: number) => boolean
}

export function defineRule<Code extends string>(rule: Rule<Code>): Rule<Code> {
  return Object.freeze(rule)
}
