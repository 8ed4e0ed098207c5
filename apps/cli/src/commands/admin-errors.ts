import { AdminError, describeIssue } from '@stagebrug/admin'

/**
 * Prints a refused admin write, one line per field: `--number: instellingsnummer "12": 3 tot 6 cijfers / …`
 * (the flag, then the shared function's message with the field and the value). Returns the exit code
 * (2), or rethrows anything that is not an AdminError.
 */
export function reportAdminError(error: unknown, flags: Readonly<Record<string, string>>): number {
  if (!(error instanceof AdminError)) throw error
  for (const issue of error.issues) {
    const flag = flags[issue.field]
    console.error(`${flag ? `${flag}: ` : ''}${describeIssue(issue)}`)
  }
  return 2
}
