/** One validated row of the mentor file, ready to be stored. */
export interface MentorRow {
  /** Spreadsheet row it came from (header = 1). */
  readonly row: number
  /** Ondernemingsnummer, 10 digits. */
  readonly companyNumber: string
  readonly name: string
  readonly function: string | null
  /** Lower-cased. */
  readonly email: string | null
  readonly phone: string | null
  /** `YYYY-MM-DD`; null when the company declared the age instead (`declaredAtLeast25`). */
  readonly birthDate: string | null
  readonly declaredAtLeast25: boolean
  readonly ageWaiver23: boolean
  readonly yearsExperience: number | null
  readonly trainingCompleted: boolean
  readonly trainingDeadline: string | null
  /** The day the 596.2 extract was checked: the date only, never the document. */
  readonly extract5962CheckedOn: string | null
  /** The company's plaatscodes of the places this mentor supervises (may be empty). */
  readonly placeCodes: readonly string[]
}
