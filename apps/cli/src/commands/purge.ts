import { type DbHandle, PurgeError, parseSchoolYear, purgeSchoolYear } from '@stagebrug/db'

export interface PurgeArgs {
  readonly 'school-year'?: string | undefined
  readonly 'dry-run'?: boolean | undefined
}

/**
 * `stagebrug purge --school-year 2025-2026 [--dry-run]`: removes the students of a finished school
 * year and what points at them (see purgeSchoolYear); prints what it removed, or would remove.
 */
export async function purge(handle: DbHandle, args: PurgeArgs, today: string): Promise<number> {
  if (!args['school-year']) {
    console.error('--school-year: verplicht, bv. 2025-2026 / required, e.g. 2025-2026')
    return 2
  }
  try {
    const year = parseSchoolYear(args['school-year'])
    const dryRun = args['dry-run'] === true
    const c = await purgeSchoolYear(handle.db, { year, today, dryRun, actor: 'cli' })
    const verb = dryRun ? 'Zou verwijderen / would remove' : 'Verwijderd / removed'
    console.log(
      `${verb} (schooljaar ${year.label}, beschikbaar tot uiterlijk ${year.end}): ` +
        `${c.students} leerlingen / students, ${c.proposals} voorstellen / proposals, ` +
        `${c.outcomes} uitkomsten / outcomes, ${c.overrides} pins en verplaatsingen / pins and moves, ` +
        `${c.contactReleases} vrijgaves / contact releases; ` +
        `${c.mailBodies} mailteksten gewist / mail bodies blanked, ` +
        `${c.uploadErrors} uploadfoutlijsten gewist / upload error lists cleared.`,
    )
    if (dryRun) console.log('Niets gewijzigd (--dry-run) / nothing changed.')
    return 0
  } catch (error) {
    if (!(error instanceof PurgeError)) throw error
    console.error(error.message)
    return 2
  }
}
