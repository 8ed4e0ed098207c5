import type { ProgrammeId } from '@stagebrug/matching-core'

/** Only `erkend` counts for matching; `aangevraagd` is pending, `ingetrokken` withdrawn. */
export const RECOGNITION_STATUSES = ['erkend', 'aangevraagd', 'ingetrokken'] as const
export type RecognitionStatus = (typeof RECOGNITION_STATUSES)[number]

/** One validated row of the recognition file (erkenningen), ready to be stored. */
export interface RecognitionRow {
  /** Spreadsheet row it came from (header = 1). */
  readonly row: number
  /** Ondernemingsnummer, 10 digits. */
  readonly companyNumber: string
  /** Vestigingseenheidsnummer, 10 digits. */
  readonly establishmentNumber: string
  readonly programme: ProgrammeId
  /** Erkenningsnummer, when given. */
  readonly reference: string | null
  /** `YYYY-MM-DD`. */
  readonly validFrom: string
  /** `YYYY-MM-DD`, inclusive; `recognitionValidUntil(validFrom)` when the file left it empty. */
  readonly validUntil: string
  readonly status: RecognitionStatus
}

/**
 * The last day of a recognition that states no end: it lasts five years, so five years after the
 * first day, minus one day (29 February counts on to 28 February).
 * @example recognitionValidUntil('2025-09-01') // '2030-08-31'
 */
export function recognitionValidUntil(validFrom: string): string {
  const [y, m, d] = validFrom.split('-').map(Number) as [number, number, number]
  const end = new Date(Date.UTC(y + 5, m - 1, d))
  // 29 February + 5 years rolls into 1 March; the day before is then 28 February, as it should be.
  end.setUTCDate(end.getUTCDate() - 1)
  return end.toISOString().slice(0, 10)
}
