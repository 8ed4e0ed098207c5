import type { z } from 'zod'

/** What went wrong: a value that breaks a rule, something that does not exist, or a clash with stored data. */
export type AdminErrorKind = 'invalid' | 'not_found' | 'conflict'

/** One refused value: the field (as the input names it), the value as given, the rule (Dutch / English). */
export interface AdminIssue {
  readonly field: string
  readonly value: unknown
  readonly message: string
}

/** The Dutch names of the fields, for the messages (the field's own name when absent). */
const LABEL: Readonly<Record<string, string>> = {
  name: 'naam',
  instellingsnummer: 'instellingsnummer',
  postcode: 'postcode',
  group: 'scholengroep',
  email: 'e-mail',
  kboNumber: 'ondernemingsnummer',
  contactName: 'contactpersoon',
  contactEmail: 'e-mail van de contactpersoon',
  contactPhone: 'telefoon van de contactpersoon',
  role: 'rol',
  scope: 'bereik',
  school: 'school',
  company: 'bedrijf',
  street: 'straat',
  houseNumber: 'huisnummer',
  municipality: 'gemeente',
  directorName: 'directeur',
  directorFunction: 'functie van de directeur',
  insurer: 'verzekeraar',
  policyNumber: 'polisnummer',
  supervisors: 'stagebegeleiders',
  programmes: 'studierichtingen',
}

/** `instellingsnummer "12": 3 tot 6 cijfers / 3 to 6 digits`: the field, the value as given, the rule. */
export const describeIssue = (i: AdminIssue) =>
  `${LABEL[i.field] ?? i.field}${i.value === undefined ? '' : ` ${JSON.stringify(i.value)}`}: ${i.message}`

/**
 * An admin write that cannot be done. The message is Dutch first and names every field and value;
 * the command line prints `issues` one a line and exits non-zero, the API answers problem+json.
 */
export class AdminError extends Error {
  readonly kind: AdminErrorKind
  readonly issues: readonly AdminIssue[]
  constructor(kind: AdminErrorKind, issues: readonly AdminIssue[]) {
    super(issues.map(describeIssue).join('; '))
    this.name = 'AdminError'
    this.kind = kind
    this.issues = issues
  }
}

/** Parses an admin input; on failure an `AdminError('invalid')` with one issue per field, values as given. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const seen = new Set<string>()
  const issues: AdminIssue[] = []
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || 'input'
    if (seen.has(field)) continue
    seen.add(field)
    issues.push({ field, value: valueAt(input, issue.path), message: issue.message })
  }
  throw new AdminError('invalid', issues)
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined
    v = (v as Record<PropertyKey, unknown>)[key]
  }
  return v
}
