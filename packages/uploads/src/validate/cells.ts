import { z } from 'zod'
import { bilingual, type RowError, type UploadWarning } from '../errors.js'
import { parseDate, parseTime } from './dates.js'
import { normaliseEstablishmentNumber, normaliseKbo } from './identifiers.js'

/** A cell-level rejection, Dutch and English. */
export class Problem {
  constructor(
    readonly nl: string,
    readonly en: string,
  ) {}
}

export interface Label {
  readonly nl: string
  readonly en: string
}

/**
 * A zod schema for one cell: trims, turns an empty cell into `undefined` (or an issue when the field
 * is required) and runs `parse`, which returns the value or a Problem.
 */
export function cell<T>(label: Label, required: boolean, parse: (value: string) => T | Problem) {
  return z.string().transform((raw, ctx): T | undefined => {
    const value = raw.trim()
    if (value === '') {
      if (required)
        ctx.addIssue({
          code: 'custom',
          message: bilingual(`${label.nl} is verplicht`, `${label.en} is required`),
        })
      return undefined
    }
    const parsed = parse(value)
    if (parsed instanceof Problem) {
      ctx.addIssue({ code: 'custom', message: bilingual(parsed.nl, parsed.en) })
      return z.NEVER
    }
    return parsed
  })
}

export const text = (value: string): string => value

export const date =
  (label: Label) =>
  (value: string): string | Problem =>
    parseDate(value) ??
    new Problem(
      `${label.nl} is geen geldige datum (verwacht dd/mm/jjjj)`,
      `${label.en} is not a valid date (expected dd/mm/yyyy)`,
    )

export const time =
  (label: Label) =>
  (value: string): string | Problem =>
    parseTime(value) ??
    new Problem(
      `${label.nl} is geen geldig uur (verwacht uu:mm)`,
      `${label.en} is not a valid time (expected hh:mm)`,
    )

// An e-mail address as people write it, internationalised included (RFC 6531: `amélie.dupont@école.be`,
// `jürgen@müller.de`): a local part of letters, digits and the RFC 5322 atext signs in dot-separated
// atoms, and a domain of at least two labels of letters, digits and inner hyphens, ending in letters.
const ATOM = String.raw`[\p{L}\p{M}\p{N}!#$%&'*+/=?^_\x60{|}~-]+`
const LABEL = String.raw`[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?`
const EMAIL = new RegExp(String.raw`^${ATOM}(?:\.${ATOM})*@(?:${LABEL}\.)+(?:\p{L}\p{M}*){2,63}$`, 'u')
/** Whether a value is an e-mail address, internationalised addresses included (at most 64 + 1 + 253 characters). */
export const isEmail = (value: string): boolean => {
  const at = value.lastIndexOf('@')
  return at > 0 && at <= 64 && value.length - at - 1 <= 253 && EMAIL.test(value.normalize('NFC'))
}
export const email =
  (label: Label) =>
  (value: string): string | Problem =>
    isEmail(value)
      ? value.normalize('NFC')
      : new Problem(`${label.nl} is geen geldig e-mailadres`, `${label.en} is not a valid e-mail address`)

export const integer =
  (label: Label, min: number, max = 1_000_000) =>
  (value: string): number | Problem => {
    const n = Number(value.replace(',', '.'))
    return Number.isInteger(n) && n >= min && n <= max
      ? n
      : new Problem(
          `${label.nl} moet een geheel getal zijn tussen ${min} en ${max}`,
          `${label.en} must be a whole number from ${min} to ${max}`,
        )
  }

const YES = new Set(['ja', 'j', 'yes', 'y', 'x', '1', 'true', 'waar', 'wel'])
const NO = new Set(['nee', 'n', 'neen', 'no', '0', 'false', 'onwaar', 'niet'])
/** ja → true, nee → false, anything else → undefined. */
export const yesNo = (value: string): boolean | undefined => {
  const v = value.trim().toLowerCase()
  return YES.has(v) ? true : NO.has(v) ? false : undefined
}
export const boolean =
  (label: Label) =>
  (value: string): boolean | Problem => {
    const v = yesNo(value)
    if (v !== undefined) return v
    return new Problem(`${label.nl} moet ja of nee zijn`, `${label.en} must be yes (ja) or no (nee)`)
  }

export const kbo =
  (label: Label) =>
  (value: string): string | Problem =>
    normaliseKbo(value) ??
    new Problem(
      `${label.nl} is geen geldig ondernemingsnummer (10 cijfers, begint met 0 of 1, controlegetal mod 97)`,
      `${label.en} is not a valid enterprise number (10 digits, starting with 0 or 1, mod-97 check)`,
    )

export const establishment =
  (label: Label) =>
  (value: string): string | Problem =>
    normaliseEstablishmentNumber(value) ??
    new Problem(
      `${label.nl} is geen geldig vestigingseenheidsnummer (10 cijfers, begint met 2–8, controlegetal mod 97)`,
      `${label.en} is not a valid establishment unit number (10 digits, starting with 2–8, mod-97 check)`,
    )

const ECHO_CHARS = 200

/** Collects the errors of one row, naming the spreadsheet row and the file's column header. */
export class RowReport {
  readonly errors: RowError[] = []
  /** Invalid optional values: reported, left empty, and the row goes in. */
  readonly warnings: UploadWarning[] = []

  constructor(
    readonly row: number,
    private readonly cells: Readonly<Record<string, string>>,
    private readonly columns: ReadonlyMap<string, string>,
    /** Optional fields whose invalid value is a warning (the cell is left empty), not an error. */
    private readonly soft: ReadonlySet<string> = new Set(),
  ) {}

  /**
   * Parses a field's cell with its schema; on failure records the error and returns undefined. For a
   * soft field (an optional e-mail, an optional track) the failure is a warning instead: the value is
   * left empty and the row stays valid.
   */
  read<T>(field: string, schema: z.ZodType<T, string>): T | undefined {
    const result = schema.safeParse(this.cells[field] ?? '')
    if (result.success) return result.data
    if (this.soft.has(field)) {
      for (const issue of result.error.issues) this.warn(field, issue.message)
      return undefined
    }
    for (const issue of result.error.issues) this.push(field, issue.message)
    return undefined
  }

  private warn(field: string, message: string) {
    const value = this.cells[field] ?? ''
    const shown = value.length > ECHO_CHARS ? `${value.slice(0, ECHO_CHARS)}…` : value
    const cut = message.indexOf(' / ')
    const [nl, en] = cut < 0 ? [message, message] : [message.slice(0, cut), message.slice(cut + 3)]
    this.warnings.push({
      row: this.row,
      column: this.columns.get(field) ?? field,
      value: shown,
      message: bilingual(
        `${nl}: '${shown}' blijft leeg; de lijst gaat wel door`,
        `${en}: '${shown}' is left empty; the list still goes in`,
      ),
    })
  }

  /** A field's cell, trimmed ('' when blank or when the file has no column for it). */
  cell(field: string): string {
    return (this.cells[field] ?? '').trim()
  }

  fail(field: string, nl: string, en: string): undefined {
    this.push(field, bilingual(nl, en))
    return undefined
  }

  private push(field: string, message: string) {
    const column = this.columns.get(field) ?? field
    const value = this.cells[field] ?? ''
    // An error echoes the start of a long value, never all of it.
    const shown = value.length > ECHO_CHARS ? `${value.slice(0, ECHO_CHARS)}…` : value
    this.errors.push({ row: this.row, column, value: shown, message })
  }
}
