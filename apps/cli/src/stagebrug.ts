// pnpm stagebrug <command> — administrator commands that work before the API exists.
//   db migrate
//   school add --number <instellingsnummer> --name <name> --postcode <postcode> [--group <scholengroep>]
//   school update --number <instellingsnummer> [--street … --director … --insurer … --supervisor … --programmes …]
//   import students <file.csv|xlsx> --school <instellingsnummer>
//   import places <file.csv|xlsx>
//   import recognitions <file.csv|xlsx> [--school <instellingsnummer>]
//   import mentors <file.csv|xlsx>
//   coordinator add --school <instellingsnummer> --name <name> --email <e-mail>
//   run [--inline] [--hold] [--no-wait]
//   apikey create --name <name> --role admin|school|company [--school <instellingsnummer> | --company <KBO>]
//   figures [--run <id>] [--level province|arrondissement|region] [--csv]
//   purge --school-year <2025-2026> [--dry-run]
// DATABASE_URL: postgres://… or pglite://<dir> (default pglite://.stagebrug/db, an embedded database).
import { userInfo } from 'node:os'
import { parseArgs } from 'node:util'
import { ACCEPTED_URL_FORMS, createDb } from '@stagebrug/db'
import { apiKeyCreate } from './commands/apikey-create.js'
import { coordinatorAdd } from './commands/coordinator-add.js'
import { dbMigrate } from './commands/db-migrate.js'
import { printFigures } from './commands/figures.js'
import { importFile } from './commands/import-file.js'
import { purge } from './commands/purge.js'
import { runNight } from './commands/run-night.js'
import { schoolAdd, schoolUpdate } from './commands/school-add.js'

const USAGE = `gebruik / usage:
  pnpm stagebrug db migrate
  pnpm stagebrug school add --number <instellingsnummer> --name <naam> --postcode <postcode> [--group <scholengroep>]
  pnpm stagebrug school update --number <instellingsnummer> [--street <straat> --house-number <nr> --municipality <gemeente>]
      [--director <naam> --director-function <functie>] [--insurer <verzekeraar> --policy-number <polisnummer>]
      [--supervisor "<naam>;<e-mail>;<telefoon>" …] [--programmes <id,id,…>]
      eigen gegevens van de school (ook bij school add); '' wist een veld / the school's own data; '' clears a field
  pnpm stagebrug import students <bestand.csv|xlsx> --school <instellingsnummer> [--map "kolom=veld" …]
  pnpm stagebrug import places <bestand.csv|xlsx> [--map "kolom=veld" …]
      --map: lees die kolom als dat veld (herhaalbaar) / read that column as that field (repeatable)
  pnpm stagebrug import recognitions <bestand.csv|xlsx> [--school <instellingsnummer>]
      erkenningen per vestigingseenheid × studierichting; --school: aangegeven door die school / declared by that school
  pnpm stagebrug import mentors <bestand.csv|xlsx>
      mentoren per onderneming, met de plaatscodes die ze begeleiden / mentors per company with the place codes they supervise
  pnpm stagebrug coordinator add --school <instellingsnummer> --name <naam> --email <e-mail>
  pnpm stagebrug run [--inline] [--hold] [--no-wait]
      met REDIS_URL: vraagt de workers om een run en volgt ze / with REDIS_URL: asks the workers for a run and follows it
      --inline (of zonder REDIS_URL): dezelfde run in dit proces; mails via SMTP_URL of als .eml in .stagebrug/mails
      --hold: bedrijven krijgen de voorstellen pas na publicatie / companies see the proposals only once published
  pnpm stagebrug apikey create --name <naam> --role admin|school|company [--school <instellingsnummer> | --company <KBO>]
  pnpm stagebrug figures [--run <id>] [--level province|arrondissement|region] [--csv]
      regionale cijfers van een run (standaard de laatste geslaagde) / regional figures of a run (default the latest)
  pnpm stagebrug purge --school-year <2025-2026> [--dry-run]
      verwijdert de leerlingen van een afgelopen schooljaar / removes the students of a finished school year
DATABASE_URL: ${ACCEPTED_URL_FORMS.join(' | ')} (standaard / default pglite://.stagebrug/db)`

/** Who the audit log names for an admin write from this command line: `cli:<os user>`. */
function cliActor(): string {
  try {
    return `cli:${userInfo().username}`
  } catch {
    // A uid without a passwd entry (some containers): the environment's name, or the uid.
    return `cli:${process.env.USER ?? process.env.LOGNAME ?? `uid-${process.getuid?.() ?? 'unknown'}`}`
  }
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      number: { type: 'string' },
      name: { type: 'string' },
      postcode: { type: 'string' },
      group: { type: 'string' },
      street: { type: 'string' },
      'house-number': { type: 'string' },
      municipality: { type: 'string' },
      director: { type: 'string' },
      'director-function': { type: 'string' },
      insurer: { type: 'string' },
      'policy-number': { type: 'string' },
      supervisor: { type: 'string', multiple: true },
      programmes: { type: 'string' },
      school: { type: 'string' },
      map: { type: 'string', multiple: true },
      email: { type: 'string' },
      inline: { type: 'boolean' },
      hold: { type: 'boolean' },
      'no-wait': { type: 'boolean' },
      role: { type: 'string' },
      company: { type: 'string' },
      run: { type: 'string' },
      level: { type: 'string' },
      csv: { type: 'boolean' },
      'school-year': { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
  })
  // Each command with the number of words it takes (the import commands take a file too).
  const known: Record<string, number> = {
    'db migrate': 2,
    'school add': 2,
    'school update': 2,
    'coordinator add': 2,
    'apikey create': 2,
    'import students': 3,
    'import places': 3,
    'import recognitions': 3,
    'import mentors': 3,
    run: 1,
    figures: 1,
    purge: 1,
  }
  const command = ['run', 'figures', 'purge'].includes(positionals[0] ?? '')
    ? positionals[0]!
    : positionals.slice(0, 2).join(' ')
  if (known[command] === undefined || positionals.length > known[command]) {
    console.error(`Onbekend commando / unknown command: ${JSON.stringify(command)}\n${USAGE}`)
    return 2
  }
  const url = process.env.DATABASE_URL ?? `pglite://${process.env.INIT_CWD ?? process.cwd()}/.stagebrug/db`
  let handle: ReturnType<typeof createDb>
  try {
    handle = createDb(url)
  } catch (error) {
    console.error(`DATABASE_URL: ${error instanceof Error ? error.message : String(error)}`)
    return 2
  }
  try {
    if (command === 'db migrate') return await dbMigrate(handle)
    if (command === 'school add') return await schoolAdd(handle, cliActor(), values)
    if (command === 'school update') return await schoolUpdate(handle, cliActor(), values)
    if (command === 'coordinator add') return await coordinatorAdd(handle, cliActor(), values)
    if (command === 'apikey create') return await apiKeyCreate(handle, cliActor(), values)
    if (command === 'figures') return await printFigures(handle, values)
    if (command === 'purge') return await purge(handle, values, new Date().toISOString().slice(0, 10))
    if (command === 'run') {
      const cwd = process.env.INIT_CWD ?? process.cwd()
      return await runNight(
        handle,
        { inline: values.inline, hold: values.hold, wait: !values['no-wait'] },
        process.env,
        cwd,
      )
    }
    const kind =
      command === 'import students'
        ? 'students'
        : command === 'import recognitions'
          ? 'recognitions'
          : command === 'import mentors'
            ? 'mentors'
            : 'places'
    return await importFile(handle, kind, positionals[2], values.school, values.map)
  } finally {
    await handle.destroy()
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    process.exitCode = 1
  },
)
